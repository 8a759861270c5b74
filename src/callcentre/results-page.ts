import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { saveFile } from '../documents/save-file';
import { currentLanguage, redrawOnLanguageChange, t } from '../i18n';
import { tokens } from '../site/screens/styles';
import { formatDuration } from '../tutorial/evaluation/format';
import { checkTraineeName } from '../tutorial/evaluation/trainee-name';
import './chart';
import { recordsToCsv } from './csv';
import type { ResultsStore } from './results-store';
import type { CallRecord } from './score';
import { situationStats } from './stats';
import { deskStyles } from './styles';
import { recordsToStatements } from './xapi';
import { validateStatements } from './xapi-validate';

/**
 * The results of the calls taken in this browser: the list, the exports (CSV for a spreadsheet, xAPI
 * statements for a learning record store) under the agent's name, and per situation the scores over
 * time and the steps most often got wrong, for the trainer who plans the next session.
 */

const NAME_KEY = 'mes-appels-agent';

function readName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Storage refused (private mode): the name is simply asked again next time.
  }
}

@customElement('mes-call-results')
export class MesCallResults extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      :host {
        padding: 16px;
        max-width: 1200px;
        margin: 0 auto;
      }
      .exports {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 12px;
      }
      .exports .field {
        flex: 1 1 260px;
      }
      .table-wrap {
        overflow-x: auto;
      }
      .situations {
        display: grid;
        gap: 16px;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) results!: ResultsStore;
  /** Home page of the agent's account and root of the activity IRIs. */
  @property() origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  @property({ attribute: false }) uuid: () => string = () => crypto.randomUUID();

  @state() private records: CallRecord[] | null = null;
  @state() private agentName = readName();
  @state() private nameError: string | null = null;
  @state() private message: string | null = null;
  @state() private problem: string | null = null;
  @state() private confirmClear = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      // Records left by an older version of the simulator, or damaged: removed, and the agent told so.
      const discarded = await this.results.discardUnreadable();
      if (discarded > 0) this.message = t('calls:results.discarded', { count: discarded });
      this.records = await this.results.all();
    } catch (error) {
      this.records = [];
      this.problem = t('calls:results.loadFailed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The agent's name when valid; otherwise the error is shown by the field and focus goes there. */
  private validName(): string | null {
    const check = checkTraineeName(this.agentName);
    if (check.ok) {
      this.nameError = null;
      writeName(check.value);
      return check.value;
    }
    this.nameError = t(`calls:results.name.${check.error}`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#agent')?.focus());
    return null;
  }

  private stamp(): string {
    return new Date().toISOString().slice(0, 10);
  }

  private exportCsv(): void {
    const name = this.validName();
    if (name === null || !this.records) return;
    const csv = recordsToCsv(this.records, name);
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `appels-3422-${this.stamp()}.csv`);
    this.message = t('calls:results.exported', { count: this.records.length });
  }

  private exportXapi(): void {
    const name = this.validName();
    if (name === null || !this.records) return;
    const statements = recordsToStatements(this.records, {
      agentName: name,
      origin: this.origin,
      uuid: this.uuid,
      language: currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB',
    });
    // Never hand an LRS a statement it would refuse: checked against the xAPI 1.0.3 structure first.
    const issues = validateStatements(statements);
    if (issues.length > 0) {
      this.problem = t('calls:results.invalidStatements', { detail: issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join(' ; ') });
      return;
    }
    saveFile(new Blob([JSON.stringify(statements, null, 2)], { type: 'application/json' }), `appels-3422-xapi-${this.stamp()}.json`);
    this.message = t('calls:results.exportedXapi', { count: statements.length });
  }

  private async clear(): Promise<void> {
    if (!this.confirmClear) {
      this.confirmClear = true;
      return;
    }
    this.confirmClear = false;
    await this.results.clear();
    await this.load();
    this.message = t('calls:results.cleared');
  }

  private date(iso: string): string {
    return new Date(iso).toLocaleString(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  }

  private renderTable(records: CallRecord[]): TemplateResult {
    const yes = (b: boolean) => t(b ? 'calls:csv.yes' : 'calls:csv.no');
    return html`<div class="table-wrap">
      <table>
        <caption>${t('calls:results.tableCaption', { count: records.length })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('calls:csv.columns.endedAt')}</th>
            <th scope="col">${t('calls:csv.columns.callTitle')}</th>
            <th scope="col">${t('calls:csv.columns.resolved')}</th>
            <th scope="col">${t('calls:csv.columns.diagnosisRight')}</th>
            <th scope="col">${t('calls:csv.columns.score')}</th>
            <th scope="col">${t('calls:results.duration')}</th>
          </tr>
        </thead>
        <tbody>
          ${[...records].reverse().map(
            (r) => html`<tr>
              <td>${this.date(r.endedAt)}</td>
              <th scope="row">${r.callTitle}</th>
              <td>${yes(r.resolved)}</td>
              <td>${yes(r.diagnosisRight)}</td>
              <td>${r.score} — ${t(r.passed ? 'calls:debrief.passed' : 'calls:debrief.failed')}</td>
              <td>${formatDuration(r.durationMs)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const records = this.records;
    return html`
      <h1>${t('calls:results.title')}</h1>
      <p>${t('calls:results.intro')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${records === null
        ? html`<p role="status">${t('common:loading')}</p>`
        : records.length === 0
          ? html`<p>${t('calls:results.empty')}</p>`
          : html`
              <section class="panel" aria-labelledby="exports-title">
                <h2 id="exports-title">${t('calls:results.exportsTitle')}</h2>
                <p>${t('calls:results.exportsHelp')}</p>
                <div class="exports">
                  <div class="field">
                    <label for="agent">${t('calls:results.agentLabel')}</label>
                    <input
                      id="agent"
                      type="text"
                      autocomplete="name"
                      .value=${this.agentName}
                      aria-invalid=${this.nameError ? 'true' : 'false'}
                      aria-describedby=${this.nameError ? 'agent-error' : 'agent-hint'}
                      @input=${(e: Event) => {
                        this.agentName = (e.target as HTMLInputElement).value;
                        this.nameError = null;
                      }}
                    />
                    <span id="agent-hint"><small>${t('calls:results.agentHint')}</small></span>
                    <div aria-live="polite">${this.nameError ? html`<p class="error" id="agent-error">${this.nameError}</p>` : nothing}</div>
                  </div>
                  <button type="button" class="btn primary" @click=${() => this.exportCsv()}>${t('calls:results.exportCsv')}</button>
                  <button type="button" class="btn primary" @click=${() => this.exportXapi()}>${t('calls:results.exportXapi')}</button>
                  <button type="button" class="btn danger" @click=${() => void this.clear()}>
                    ${t(this.confirmClear ? 'calls:results.confirmClear' : 'calls:results.clear')}
                  </button>
                </div>
                <div role="status">${this.message ? html`<p>${this.message}</p>` : nothing}</div>
              </section>
              <section class="panel" aria-labelledby="situations-title">
                <h2 id="situations-title">${t('calls:results.bySituation')}</h2>
                <p>${t('calls:results.bySituationHelp')}</p>
                <div class="situations">${situationStats(records).map((s) => html`<mes-call-chart .stats=${s}></mes-call-chart>`)}</div>
              </section>
              <section class="panel" aria-labelledby="list-title">
                <h2 id="list-title">${t('calls:results.listTitle')}</h2>
                ${this.renderTable(records)}
              </section>
            `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-call-results': MesCallResults;
  }
}
