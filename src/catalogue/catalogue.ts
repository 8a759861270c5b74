import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { currentLanguage, i18next, onLanguageChanged, setLanguage, t } from '../i18n';
import { formatIssue, type ScenarioIssue } from '../scenarios/load';
import type { Scenario } from '../scenarios/schema';
import { scenarioText } from '../tutorial/text';
import { personaValues } from '../tutorial/values';
import { appHref } from '../app/href';
import {
  CATALOGUE_MODES,
  filterScenarios,
  journeysOf,
  levelsOf,
  modeHref,
  playableScenarios,
  refusedFiles,
  type CatalogueFilter,
  type CatalogueScenario,
} from './model';

export type CatalogueFilterEvent = CustomEvent<CatalogueFilter>;

declare global {
  interface HTMLElementEventMap {
    'mes-catalogue-filter': CatalogueFilterEvent;
  }
  interface HTMLElementTagNameMap {
    'mes-catalogue': MesCatalogue;
  }
}

/**
 * The scenario catalogue: every scenario that has a tutorial, with its journey, level, duration,
 * language, tags and description, filtered by journey and level, and a plain link per mode (an intranet
 * or an LMS page can hold the same links). Files refused by the checker are listed apart with their
 * error lines, so that a trainer sees why a scenario is missing.
 *
 * The element is given the scenarios and issues (the page reads them from the registry): it does not
 * load files itself, so tests can hand it any set.
 */
@customElement('mes-catalogue')
export class MesCatalogue extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      font-family: 'Open Sans', system-ui;
      color: #495574;
      background: #f9faff;
      line-height: 1.5;
    }
    * {
      box-sizing: border-box;
    }
    :focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
    header {
      background: #fff;
      border-bottom: 1px solid #d5dcf0;
    }
    .wrap {
      max-width: 1440px;
      margin: 0 auto;
      padding-left: 16px;
      padding-right: 16px;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding-top: 12px;
      padding-bottom: 12px;
    }
    .top nav {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .pill {
      font: inherit;
      font-size: 0.9375rem;
      font-weight: 600;
      color: #0c419a;
      background: #fff;
      border: 2px solid #0c419a;
      border-radius: 999px;
      padding: 6px 14px;
      min-height: 40px;
      display: inline-flex;
      align-items: center;
      text-decoration: none;
      cursor: pointer;
    }
    .pill:hover {
      background: #e7ecfa;
    }
    .brand {
      font-weight: 700;
      color: #0c419a;
    }
    main {
      padding-top: 24px;
      padding-bottom: 48px;
    }
    h1 {
      color: #262939;
      font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2.25rem);
      line-height: 1.2;
      margin: 0 0 8px;
    }
    .intro {
      margin: 0 0 20px;
      max-width: 60em;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 12px 20px;
      margin: 0 0 8px;
      padding: 16px;
      border: 1px solid #d5dcf0;
      border-radius: 12px;
      background: #fff;
    }
    .filters legend {
      font-weight: 700;
      color: #262939;
      padding: 0 4px;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      flex: 1 1 200px;
      max-width: 320px;
    }
    .field label {
      font-weight: 600;
      color: #262939;
    }
    select {
      font: inherit;
      color: #262939;
      background: #fff;
      border: 1px solid #6b7592;
      border-radius: 8px;
      padding: 8px 10px;
      min-height: 44px;
      width: 100%;
    }
    .count {
      margin: 12px 0 16px;
      font-weight: 600;
      color: #262939;
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr));
      gap: 16px;
    }
    article {
      height: 100%;
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 20px;
      background: #fff;
      border: 1px solid #d5dcf0;
      border-radius: 12px;
      box-shadow: 0 2px 8px rgba(12, 65, 154, 0.06);
    }
    article h2 {
      margin: 0;
      font-size: 1.1875rem;
      line-height: 1.3;
      color: #262939;
      overflow-wrap: anywhere;
    }
    .description {
      margin: 0;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 0;
      font-size: 0.9375rem;
    }
    dl div {
      display: contents;
    }
    dt {
      font-weight: 600;
      color: #262939;
    }
    dd {
      margin: 0;
    }
    .tags {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding: 0;
      margin: 0;
    }
    .tags li {
      font-size: 0.8125rem;
      font-weight: 600;
      color: #0c419a;
      background: #e7ecfa;
      border-radius: 999px;
      padding: 2px 10px;
    }
    .open {
      margin: auto 0 0;
      padding-top: 8px;
      font-weight: 600;
      color: #262939;
    }
    .modes {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding: 0;
      margin: 0;
    }
    .modes a {
      font-size: 0.875rem;
      min-height: 36px;
      padding: 4px 12px;
    }
    .modes a.primary {
      background: #0c419a;
      color: #fff;
    }
    .modes a.primary:hover {
      background: #08306f;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .refused {
      margin-top: 40px;
      padding: 16px 20px;
      border-left: 4px solid #b3303f;
      background: #fdf1f2;
      border-radius: 0 12px 12px 0;
    }
    .refused h2 {
      color: #262939;
      font-size: 1.25rem;
      margin: 0 0 8px;
    }
    .refused h3 {
      color: #262939;
      font-size: 1rem;
      margin: 16px 0 4px;
      overflow-wrap: anywhere;
    }
    .refused ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .refused code {
      display: block;
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 0.875rem;
      color: #262939;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 2px 0;
    }
    @media (max-width: 480px) {
      .field {
        max-width: none;
      }
      article {
        padding: 16px;
      }
    }
  `;

  /** Every scenario loaded; only those with a tutorial are listed. */
  @property({ attribute: false }) scenarios: Scenario[] = [];
  /** The checker's issues, one per error line. */
  @property({ attribute: false }) issues: ScenarioIssue[] = [];
  /** Listed first (the official pas à pas). */
  @property() first = '';
  @property() journey = '';
  @property() level = '';

  private offLanguage: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.offLanguage = onLanguageChanged(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offLanguage?.();
    this.offLanguage = null;
  }

  private setFilter(filter: CatalogueFilter): void {
    this.journey = filter.journey;
    this.level = filter.level;
    this.dispatchEvent(new CustomEvent('mes-catalogue-filter', { detail: filter, bubbles: true, composed: true }));
  }

  private handleJourney(event: Event): void {
    this.setFilter({ journey: (event.target as HTMLSelectElement).value, level: this.level });
  }

  private handleLevel(event: Event): void {
    this.setFilter({ journey: this.journey, level: (event.target as HTMLSelectElement).value });
  }

  private handleReset(): void {
    this.setFilter({ journey: '', level: '' });
    this.renderRoot.querySelector<HTMLSelectElement>('#journey')?.focus();
  }

  private async handleLanguage(): Promise<void> {
    const next = currentLanguage() === 'fr' ? 'en' : 'fr';
    await setLanguage(next);
    document.documentElement.lang = next;
  }

  /** A journey's or a level's label: this namespace's when it knows the value, else the scenario's text. */
  private label(group: 'journeys' | 'levels', value: string | undefined): string {
    if (!value) return t('catalogue:unknown');
    const key = `catalogue:${group}.${value}`;
    return i18next.exists(key) ? t(key) : scenarioText(value);
  }

  private renderFilters(all: CatalogueScenario[]): TemplateResult {
    // A filter from the address that no scenario matches stays shown as chosen, with its empty list.
    const journeys = [...journeysOf(all), ...(this.journey && !journeysOf(all).includes(this.journey) ? [this.journey] : [])];
    const levels: string[] = [...levelsOf(all), ...(this.level && !(levelsOf(all) as string[]).includes(this.level) ? [this.level] : [])];
    const active = this.journey !== '' || this.level !== '';
    return html`<form class="filters" role="search" aria-label=${t('catalogue:filters.label')} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="journey">${t('catalogue:filters.journey')}</label>
        <select id="journey" name="journey" .value=${this.journey} @change=${this.handleJourney}>
          <option value="" ?selected=${this.journey === ''}>${t('catalogue:filters.all')}</option>
          ${journeys.map((j) => html`<option value=${j} ?selected=${j === this.journey}>${this.label('journeys', j)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="level">${t('catalogue:filters.level')}</label>
        <select id="level" name="level" .value=${this.level} @change=${this.handleLevel}>
          <option value="" ?selected=${this.level === ''}>${t('catalogue:filters.all')}</option>
          ${levels.map((l) => html`<option value=${l} ?selected=${l === this.level}>${this.label('levels', l)}</option>`)}
        </select>
      </div>
      ${active ? html`<button type="button" class="pill" @click=${this.handleReset}>${t('catalogue:filters.reset')}</button>` : nothing}
    </form>`;
  }

  private renderScenario(scenario: CatalogueScenario): TemplateResult {
    const persona = scenario.world.personas.find((p) => p.id === scenario.tutorial.persona) ?? scenario.world.personas[0];
    const values = persona ? personaValues(persona) : {};
    const title = scenarioText(scenario.title, values);
    const headingId = `title-${scenario.id}`;
    const openId = `open-${scenario.id}`;
    const lang = currentLanguage();
    return html`<li>
      <article aria-labelledby=${headingId} data-scenario=${scenario.id}>
        <h2 id=${headingId}>${title}</h2>
        ${scenario.description ? html`<p class="description">${scenarioText(scenario.description, values)}</p>` : nothing}
        <dl>
          <div><dt>${t('catalogue:meta.journey')}</dt><dd>${this.label('journeys', scenario.journey)}</dd></div>
          <div><dt>${t('catalogue:meta.level')}</dt><dd>${this.label('levels', scenario.level)}</dd></div>
          <div>
            <dt>${t('catalogue:meta.duration')}</dt>
            <dd>${scenario.durationMinutes ? t('catalogue:duration', { minutes: scenario.durationMinutes }) : t('catalogue:unknown')}</dd>
          </div>
          <div><dt>${t('catalogue:meta.language')}</dt><dd>${t(`catalogue:languages.${scenario.lang}`)}</dd></div>
        </dl>
        ${scenario.tags.length
          ? html`<ul class="tags" aria-label=${t('catalogue:meta.tags')}>
              ${scenario.tags.map((tag) => html`<li>${tag}</li>`)}
            </ul>`
          : nothing}
        <p class="open" id=${openId}>${t('catalogue:open')}</p>
        <ul class="modes" aria-labelledby=${openId}>
          ${CATALOGUE_MODES.map(
            (mode) => html`<li>
              <a class=${mode === 'guided' ? 'pill primary' : 'pill'} href=${modeHref(scenario.id, mode, lang)} data-mode=${mode}>
                ${t(`catalogue:modes.${mode}`)}<span class="visually-hidden"> — ${title}</span>
              </a>
            </li>`,
          )}
        </ul>
      </article>
    </li>`;
  }

  /** The checker's line (`file:line:column  path  message`), its message in the page's language when it has a key. */
  private issueLine(issue: ScenarioIssue): string {
    if (!issue.key || !i18next.exists(issue.key)) return formatIssue(issue);
    return `${issue.file}:${issue.line}:${issue.column}  ${issue.path || t('checker:root')}  ${t(issue.key, issue.values)}`;
  }

  private renderRefused(): TemplateResult | typeof nothing {
    const files = refusedFiles(this.issues);
    if (files.length === 0) return nothing;
    return html`<section class="refused" aria-labelledby="refused-title">
      <h2 id="refused-title">${t('catalogue:refused.title')}</h2>
      <p>${t('catalogue:refused.intro')}</p>
      ${files.map(
        (file) => html`<h3>${t('catalogue:refused.file', { file: file.file, count: file.issues.length })}</h3>
          <ul>
            ${file.issues.map((issue) => html`<li><code>${this.issueLine(issue)}</code></li>`)}
          </ul>`,
      )}
    </section>`;
  }

  override render(): TemplateResult {
    const all = playableScenarios(this.scenarios, this.first || undefined);
    const shown = filterScenarios(all, { journey: this.journey, level: this.level });
    return html`
      <header>
        <div class="wrap top">
          <span class="brand">${t('app:simulatorTitle')}</span>
          <nav aria-label=${t('catalogue:navLabel')}>
            <a class="pill" href=${appHref(currentLanguage() === 'fr' ? undefined : `lang=${currentLanguage()}`)}>${t('catalogue:openDefault')}</a>
            <button type="button" class="pill" lang=${currentLanguage() === 'fr' ? 'en' : 'fr'} @click=${() => void this.handleLanguage()}>
              ${t('catalogue:switchLanguage')}
            </button>
          </nav>
        </div>
      </header>
      <main class="wrap">
        <h1>${t('catalogue:title')}</h1>
        <p class="intro">${t('catalogue:intro')}</p>
        ${this.renderFilters(all)}
        <p class="count" role="status">${t('catalogue:count', { count: shown.length })}</p>
        ${shown.length ? html`<ul class="list">${shown.map((s) => this.renderScenario(s))}</ul>` : nothing}
        ${this.renderRefused()}
      </main>
    `;
  }
}
