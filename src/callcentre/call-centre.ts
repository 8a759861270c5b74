import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../api/client';
import type { OppositionProof } from '../api/types';
import { bootBackend } from '../app/backend-boot';
import type { Store } from '../backend/store';
import { currentLanguage, type Language, redrawOnLanguageChange, setLanguage, t } from '../i18n';
import { formatIssue } from '../scenarios/load';
import { tokens } from '../site/screens/styles';
import '../app/notice';
import './call-screen';
import type { CallNavigateEvent, CallScreenDeps } from './call-screen';
import './catalogue';
import type { CallTakeEvent } from './catalogue';
import './fiche-reflexe';
import { backendStateOf } from './goal';
import type { LoadedCalls } from './registry';
import './results-page';
import { indexedDbResults, memoryResults, type ResultsStore } from './results-store';
import type { CallScenario } from './schema';
import { deskStyles } from './styles';

/**
 * The call centre's views: the catalogue of calls and a call (`?view=appels`, `&appel=<id>`), and the
 * results (`?view=resultats`), under one bar with the fiche réflexe, open at any moment. Moving
 * between them keeps the page (history entries), so the simulated backend and the results store are
 * started once.
 */

export type CallCentrePage = 'calls' | 'results';

/** One listener for the page's backend: the current call screen's inbox is refreshed by it. */
let onBackendChange: () => void = () => undefined;

export { loadShippedCalls } from './registry';

@customElement('mes-call-centre')
export class MesCallCentre extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--mes-bg);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 8px 16px;
        background: var(--mes-title);
        color: #fff;
      }
      .bar .name {
        margin: 0 auto 0 0;
        font-weight: 700;
        font-size: 1.0625rem;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        color: #fff;
        font-weight: 600;
      }
      nav a[aria-current='page'] {
        text-decoration-thickness: 3px;
      }
      .bar .btn {
        min-height: 36px;
        padding: 4px 14px;
        border-color: #fff;
        background: #fff;
      }
      .bar :focus-visible {
        outline-color: #8ab8ff;
      }
      mes-notice {
        margin: 16px;
      }
      .problem {
        margin: 16px;
        padding: 12px 16px;
        border-left: 4px solid #b3303f;
        background: #fdf1f2;
        color: var(--mes-title);
        white-space: pre-wrap;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ reflect: true }) page: CallCentrePage = 'calls';

  @state() private callId: string | null = null;
  @state() private deps: CallScreenDeps | null = null;
  @state() private ficheOpen = false;
  @state() private problem: string | null = null;
  /** The address's call, when no shipped call has that id. */
  @state() private unknownCall: string | null = null;

  /** The shipped calls (./registry.ts's `loadShippedCalls()`), given before the element is shown. */
  @property({ attribute: false }) loaded: LoadedCalls = { calls: [], issues: [] };
  private results: ResultsStore | null = null;
  private store: Store | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handlePopState);
    const lang = new URLSearchParams(location.search).get('lang');
    if (lang === 'fr' || lang === 'en') void this.handleLanguage(lang);
    this.readLocation();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
  }

  private get calls(): CallScenario[] {
    return this.loaded.calls;
  }

  private resultsStore(): ResultsStore {
    // Some private modes refuse IndexedDB: the results then last as long as the page.
    this.results ??= typeof indexedDB === 'undefined' ? memoryResults() : indexedDbResults();
    return this.results;
  }

  private readLocation(): void {
    const params = new URLSearchParams(location.search);
    this.page = params.get('view') === 'resultats' ? 'results' : 'calls';
    const id = params.get('appel');
    this.callId = this.page === 'calls' && id && this.calls.some((c) => c.id === id) ? id : null;
    // A mistyped or removed call: the catalogue, saying which was asked for.
    this.unknownCall = this.page === 'calls' && id && this.callId === null ? id : null;
    if (this.callId) void this.ensureBackend();
  }

  private readonly handlePopState = (): void => this.readLocation();

  private go(search: string): void {
    const params = new URLSearchParams(search);
    const lang = new URLSearchParams(location.search).get('lang');
    if (lang) params.set('lang', lang);
    history.pushState(null, '', `?${params.toString()}`);
    this.readLocation();
    window.scrollTo(0, 0);
  }

  private async ensureBackend(): Promise<void> {
    if (this.deps) return;
    const call = this.calls.find((c) => c.id === this.callId);
    if (!call) return;
    try {
      this.store = await bootBackend(call.world, () => onBackendChange());
      const store = this.store;
      this.deps = {
        api,
        readState: () => backendStateOf(store),
        results: this.resultsStore(),
        newId: () => crypto.randomUUID(),
        deliverProof: (proof) => void this.deliverProof(proof),
      };
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async deliverProof(proof: OppositionProof): Promise<void> {
    try {
      const { downloadOppositionProof } = await import('../documents/opposition-proof');
      await downloadOppositionProof(proof, {});
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async handleLanguage(lang: Language): Promise<void> {
    await setLanguage(lang);
    document.documentElement.lang = lang;
  }

  private readonly handleTake = (event: CallTakeEvent): void => {
    this.go(`?view=appels&appel=${encodeURIComponent(event.detail.callId)}`);
  };

  private readonly handleNavigate = (event: CallNavigateEvent): void => {
    if (event.detail.to === 'fiche') this.ficheOpen = true;
    else if (event.detail.to === 'results') this.go('?view=resultats');
    else this.go('?view=appels');
  };

  private link(page: CallCentrePage, label: string): TemplateResult {
    const href = page === 'results' ? '?view=resultats' : '?view=appels';
    const current = this.page === page && (page === 'results' || this.callId === null);
    return html`<li>
      <a
        href=${href}
        aria-current=${current ? 'page' : 'false'}
        @click=${(e: MouseEvent) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          this.go(href);
        }}
        >${label}</a
      >
    </li>`;
  }

  private renderBar(): TemplateResult {
    const other: Language = currentLanguage() === 'fr' ? 'en' : 'fr';
    return html`<header class="bar">
      <p class="name">${t('calls:appTitle')}</p>
      <nav aria-label=${t('calls:nav.label')}>
        <ul>
          ${this.link('calls', t('calls:nav.catalogue'))} ${this.link('results', t('calls:nav.results'))}
        </ul>
      </nav>
      <button type="button" class="btn" aria-haspopup="dialog" @click=${() => (this.ficheOpen = true)}>${t('calls:nav.fiche')}</button>
      <button type="button" class="btn" lang=${other} @click=${() => void this.handleLanguage(other)}>${t('calls:nav.language')}</button>
    </header>`;
  }

  private renderPage(): TemplateResult {
    if (this.page === 'results') {
      return html`<main><mes-call-results .results=${this.resultsStore()}></mes-call-results></main>`;
    }
    const call = this.callId ? this.calls.find((c) => c.id === this.callId) : undefined;
    if (call) {
      if (!this.deps) return html`<p role="status">${t('calls:call.preparing')}</p>`;
      return html`<mes-call-screen
        .call=${call}
        .deps=${this.deps}
        @mes-call-navigate=${this.handleNavigate}
      ></mes-call-screen>`;
    }
    return html`<main>
      ${this.unknownCall !== null
        ? html`<mes-notice
            .messages=${[t('calls:unknownCall', { id: this.unknownCall })]}
            .closeLabel=${t('calls:noticeClose')}
            @mes-notice-close=${() => (this.unknownCall = null)}
          ></mes-notice>`
        : nothing}
      <mes-call-catalogue .calls=${this.calls} .issues=${this.loaded.issues.map(formatIssue)} @mes-call-take=${this.handleTake}></mes-call-catalogue>
    </main>`;
  }

  override render(): TemplateResult {
    onBackendChange = () => {
      const screen = this.renderRoot.querySelector('mes-call-screen');
      void screen?.renderRoot.querySelector('sim-devices')?.refresh();
    };
    return html`
      ${this.renderBar()}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.renderPage()}
      <mes-fiche-reflexe ?open=${this.ficheOpen} @mes-fiche-close=${() => (this.ficheOpen = false)}></mes-fiche-reflexe>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-call-centre': MesCallCentre;
  }
}
