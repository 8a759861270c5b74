import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { createActor } from 'xstate';
import { redrawOnLanguageChange, t } from '../i18n';
import { createSiteMachine, screenOf, type SiteActor, type SiteSnapshot } from '../site/machine';
import type { ScreenId, SiteContext, SiteEvent } from '../site/types';
import type { Scenario } from '../scenarios/schema';
import { shippedScenarioList } from '../scenarios/checked';
import { DEFAULT_SCENARIO } from '../scenarios/registry';
import { formatIssue } from '../scenarios/load';
import type { Store } from '../backend/store';
import { bootBackend } from './backend-boot';
import { api } from '../api/client';
import type { OppositionProof } from '../api/types';
import { focusScreenTitle, renderScreen } from '../site/render';
import './notice';
import './site-frame';
import './sim-devices';
import type { SimDevices } from './sim-devices';

/**
 * The app shell: boots the simulated backend with the scenario's world, runs the site machine, shows the
 * screen of its current state inside the recreated site's frame, with the simulated inbox and phone and
 * « Recommencer » beside it.
 */
@customElement('mes-app')
export class MesApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      font-family: 'Open Sans', system-ui;
      color: #495574;
      background: #f9faff;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
      padding: 6px 12px;
      background: #262939;
      color: #fff;
      font-size: 0.875rem;
    }
    .toolbar .title {
      margin-right: auto;
      font-weight: 600;
    }
    .toolbar button {
      font: inherit;
      font-weight: 600;
      color: #262939;
      background: #fff;
      border: 0;
      border-radius: 999px;
      padding: 6px 14px;
      min-height: 36px;
      cursor: pointer;
    }
    .toolbar button[aria-pressed='true'] {
      background: #fdf1f2;
      color: #b3303f;
      box-shadow: inset 0 0 0 2px #b3303f;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .toolbar button:focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
    .boot {
      padding: 2rem;
    }
    mes-notice {
      margin: 12px;
    }
    .issues {
      margin: 1rem;
      padding: 1rem;
      border-left: 4px solid #c7414f;
      background: #fdf1f2;
      color: #262939;
      font-family: ui-monospace, monospace;
      white-space: pre-wrap;
    }
  `;

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @state() private snapshot: SiteSnapshot | null = null;
  /** The simulated backend answers: what reads it (the inbox) may render. */
  @state() private backendReady = false;
  /** The trainer armed an outage: the next request of the site fails. */
  @state() private failureArmed = false;
  @state() private bootError: string | null = null;
  @state() private issues: string[] = [];
  /** The address's scenario, when no shipped scenario has that id. */
  @state() private unknownScenario: string | null = null;
  @query('sim-devices') private devices!: SimDevices | null;

  private actor: SiteActor | null = null;
  private scenario: Scenario | null = null;
  private store: Store | null = null;
  private lastScreen: ScreenId | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('mes-intent', this.handleIntent);
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('mes-intent', this.handleIntent);
    this.actor?.stop();
  }

  /** The current site context, for tests and the tutorial to read. */
  get siteContext(): SiteContext | null {
    return this.snapshot?.context ?? null;
  }

  private async boot(): Promise<void> {
    try {
      const { scenarios, issues } = shippedScenarioList();
      this.issues = issues.map(formatIssue);
      // An empty `scenario=` counts as absent.
      const id = new URLSearchParams(location.search).get('scenario') || DEFAULT_SCENARIO;
      // A mistyped id still opens the site, on the default scenario's world, and says so.
      if (!scenarios.has(id)) this.unknownScenario = id;
      const scenario = scenarios.get(id) ?? scenarios.get(DEFAULT_SCENARIO);
      if (!scenario) throw new Error(t('app:noScenario'));
      this.scenario = scenario;
      this.store = await bootBackend(scenario.world, () => {
        this.failureArmed = this.store?.armedFailure != null;
        void this.devices?.refresh();
      });
      this.backendReady = true;
      this.startSite();
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
    }
  }

  private startSite(): void {
    this.actor?.stop();
    const machine = createSiteMachine({ api, deliverProof: (proof) => void this.deliverProof(proof) });
    const actor = createActor(machine, { input: { ruleSet: this.scenario?.world.ruleSet } });
    actor.subscribe({
      next: (snapshot) => {
        this.snapshot = snapshot;
      },
      error: (error) => {
        this.bootError = error instanceof Error ? error.message : String(error);
      },
    });
    this.actor = actor;
    this.lastScreen = null;
    actor.start();
  }

  private async deliverProof(proof: OppositionProof): Promise<void> {
    try {
      const { downloadOppositionProof } = await import('../documents/opposition-proof');
      await downloadOppositionProof(proof, {});
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
    }
  }

  private readonly handleIntent = (event: CustomEvent<SiteEvent>): void => {
    event.stopPropagation();
    this.actor?.send(event.detail);
  };

  private async handleRestart(): Promise<void> {
    try {
      await api.reset();
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
      return;
    }
    this.startSite();
    await this.devices?.refresh();
  }

  private async handleOutage(): Promise<void> {
    try {
      await api.armNextFailure('SERVER_ERROR');
      this.failureArmed = true;
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.snapshot) return;
    const screen = screenOf(this.snapshot);
    if (screen !== this.lastScreen) {
      const first = this.lastScreen === null;
      this.lastScreen = screen;
      // A new screen is announced by moving focus to its title, as a page load would.
      if (!first) void focusScreenTitle(this.renderRoot);
    }
  }

  override render(): TemplateResult {
    const snapshot = this.snapshot;
    return html`
      <div class="toolbar" role="region" aria-label=${t('app:toolbarLabel')}>
        <span class="title">${t('app:simulatorTitle')}</span>
        ${this.backendReady ? html`<sim-devices></sim-devices>` : nothing}
        <button type="button" data-hotspot="outage" aria-pressed=${this.failureArmed ? 'true' : 'false'} @click=${() => void this.handleOutage()}>
          ${t('app:outage')}
        </button>
        <button type="button" data-hotspot="restart" @click=${() => void this.handleRestart()}>${t('app:restart')}</button>
        <span class="visually-hidden" role="status">${this.failureArmed ? t('app:outageArmed') : ''}</span>
      </div>
      ${this.issues.length > 0
        ? html`<div class="issues" role="alert"><strong>${t('app:scenarioIssues')}</strong>\n${this.issues.join('\n')}</div>`
        : nothing}
      ${this.bootError ? html`<p class="issues" role="alert">${t('app:bootError')} ${this.bootError}</p>` : nothing}
      ${this.unknownScenario !== null
        ? html`<mes-notice
            .messages=${[t('app:unknownScenario', { id: this.unknownScenario })]}
            .closeLabel=${t('app:noticeClose')}
            @mes-notice-close=${() => (this.unknownScenario = null)}
          ></mes-notice>`
        : nothing}
      <mes-site-frame>
        ${snapshot
          ? renderScreen(screenOf(snapshot), snapshot.context)
          : html`<p class="boot" role="status">${t('common:loading')}</p>`}
      </mes-site-frame>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-app': MesApp;
  }
}
