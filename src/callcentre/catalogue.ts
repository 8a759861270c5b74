import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { redrawOnLanguageChange, t } from '../i18n';
import { tokens } from '../site/screens/styles';
import { CALL_JOURNEYS, type CallScenario } from './schema';
import { deskStyles } from './styles';

/**
 * The catalogue of rehearsal calls: what each call is about, who calls, how hard it is; filters by
 * journey, level, theme and words. Taking a call is asked with 'mes-call-take'.
 */

export type CallTakeEvent = CustomEvent<{ callId: string }>;

declare global {
  interface HTMLElementEventMap {
    'mes-call-take': CallTakeEvent;
  }
}

const LEVELS = ['découverte', 'intermédiaire', 'avancé'] as const;

/** Lowercase without accents, for a search that forgives « hameconnage ». */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface CatalogueFilters {
  journey: string;
  level: string;
  tag: string;
  query: string;
}

export function filterCalls(calls: readonly CallScenario[], f: CatalogueFilters): CallScenario[] {
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  return calls.filter((c) => {
    if (f.journey && c.call.journey !== f.journey) return false;
    if (f.level && c.level !== f.level) return false;
    if (f.tag && !c.tags.includes(f.tag)) return false;
    if (words.length === 0) return true;
    const text = fold([c.title, c.description ?? '', c.call.brief.caller, c.call.brief.words, ...c.tags].join(' '));
    return words.every((w) => text.includes(w));
  });
}

@customElement('mes-call-catalogue')
export class MesCallCatalogue extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      :host {
        padding: 16px;
        max-width: 1200px;
        margin: 0 auto;
      }
      .how {
        margin: 0 0 16px;
        padding-left: 22px;
      }
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
        gap: 12px;
        align-items: end;
        border: 0;
        padding: 0;
        margin: 0 0 8px;
      }
      .filters legend {
        font-weight: 700;
        color: var(--mes-title);
        margin-bottom: 8px;
      }
      .list {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 16px;
        margin: 16px 0 0;
        padding: 0;
        list-style: none;
      }
      .item {
        display: flex;
        flex-direction: column;
        gap: 6px;
        height: 100%;
        margin: 0;
      }
      .item h2 {
        font-size: 1.0625rem;
      }
      .item .quote {
        flex: 1;
        font-size: 0.9375rem;
      }
      .badges {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .issues {
        padding: 12px 16px;
        border-left: 4px solid #b3303f;
        background: #fdf1f2;
        color: var(--mes-title);
        font-family: ui-monospace, monospace;
        white-space: pre-wrap;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) calls: CallScenario[] = [];
  /** Lines `file:line:column  path  message` of the call files that could not be loaded. */
  @property({ attribute: false }) issues: string[] = [];

  @state() private filters: CatalogueFilters = { journey: '', level: '', tag: '', query: '' };

  private set(key: keyof CatalogueFilters, value: string): void {
    this.filters = { ...this.filters, [key]: value };
  }

  private take(call: CallScenario): void {
    this.dispatchEvent(new CustomEvent('mes-call-take', { detail: { callId: call.id }, bubbles: true, composed: true }));
  }

  private renderFilters(): TemplateResult {
    const tags = [...new Set(this.calls.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b, 'fr'));
    const f = this.filters;
    return html`<fieldset class="filters">
      <legend>${t('calls:catalogue.filters.legend')}</legend>
      <div class="field">
        <label for="f-journey">${t('calls:catalogue.filters.journey')}</label>
        <select id="f-journey" .value=${f.journey} @change=${(e: Event) => this.set('journey', (e.target as HTMLSelectElement).value)}>
          <option value="">${t('calls:catalogue.filters.all')}</option>
          ${CALL_JOURNEYS.map((j) => html`<option value=${j} ?selected=${f.journey === j}>${t(`calls:journeys.${j}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-level">${t('calls:catalogue.filters.level')}</label>
        <select id="f-level" .value=${f.level} @change=${(e: Event) => this.set('level', (e.target as HTMLSelectElement).value)}>
          <option value="">${t('calls:catalogue.filters.allLevels')}</option>
          ${LEVELS.map((l) => html`<option value=${l} ?selected=${f.level === l}>${t(`calls:levels.${l}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-tag">${t('calls:catalogue.filters.tag')}</label>
        <select id="f-tag" .value=${f.tag} @change=${(e: Event) => this.set('tag', (e.target as HTMLSelectElement).value)}>
          <option value="">${t('calls:catalogue.filters.allTags')}</option>
          ${tags.map((tag) => html`<option value=${tag} ?selected=${f.tag === tag}>${tag}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-query">${t('calls:catalogue.filters.search')}</label>
        <input id="f-query" type="search" .value=${f.query} @input=${(e: Event) => this.set('query', (e.target as HTMLInputElement).value)} />
      </div>
    </fieldset>`;
  }

  private renderCall(call: CallScenario): TemplateResult {
    const titleId = `t-${call.id}`;
    return html`<li>
      <article class="panel item" aria-labelledby=${titleId}>
        <h2 id=${titleId} lang=${call.lang}>${call.title}</h2>
        <ul class="badges">
          <li class="badge">${t(`calls:journeys.${call.call.journey}`)}</li>
          ${call.level ? html`<li class="badge">${t(`calls:levels.${call.level}`)}</li>` : nothing}
          ${call.durationMinutes ? html`<li class="badge">${t('calls:catalogue.duration', { minutes: String(call.durationMinutes) })}</li>` : nothing}
        </ul>
        <p>${t('calls:catalogue.caller', { caller: call.call.brief.caller })}</p>
        <blockquote class="quote" lang=${call.lang}>${call.call.brief.words}</blockquote>
        <button type="button" class="btn primary" aria-label=${t('calls:catalogue.takeLabel', { title: call.title })} @click=${() => this.take(call)}>
          ${t('calls:catalogue.take')}
        </button>
      </article>
    </li>`;
  }

  override render(): TemplateResult {
    const shown = filterCalls(this.calls, this.filters);
    return html`
      <h1>${t('calls:catalogue.title')}</h1>
      <p>${t('calls:catalogue.intro')}</p>
      <ol class="how">
        <li>${t('calls:catalogue.how.brief')}</li>
        <li>${t('calls:catalogue.how.diagnose')}</li>
        <li>${t('calls:catalogue.how.guide')}</li>
        <li>${t('calls:catalogue.how.debrief')}</li>
      </ol>
      <p><small>${t('calls:frenchOnly')}</small></p>
      ${this.issues.length > 0
        ? html`<div class="issues" role="alert"><strong>${t('calls:catalogue.issues')}</strong>\n${this.issues.join('\n')}</div>`
        : nothing}
      ${this.renderFilters()}
      <p role="status">${t('calls:catalogue.count', { count: shown.length })}</p>
      ${shown.length === 0 ? html`<p>${t('calls:catalogue.empty')}</p>` : html`<ul class="list">${shown.map((c) => this.renderCall(c))}</ul>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-call-catalogue': MesCallCatalogue;
  }
}
