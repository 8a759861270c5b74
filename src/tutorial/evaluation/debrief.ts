import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { printableName } from '../../documents/certificate';
import { redrawOnLanguageChange, t } from '../../i18n';
import { formatDateTime, type DateTimeText } from '../../i18n/dates';
import { screenStyles, tokens } from '../../site/screens/styles';
import { formatDuration } from './format';
import { MAX_SCORE, PASS_MARK, PENALTIES, stepHasErrors, type EvaluationResult, type StepRecord } from './score';
import { checkTraineeName } from './trainee-name';

/**
 * The end of an evaluation: the score and the rule that produced it, where time and points went step
 * by step, and the certificate. The element only asks: the app builds and downloads the PDF on
 * 'mes-certificate', and starts again on 'mes-evaluation-restart'.
 */

export type CertificateRequestEvent = CustomEvent<{ name: string }>;
export type EvaluationRestartEvent = CustomEvent<{ scenarioId: string }>;

declare global {
  interface HTMLElementEventMap {
    'mes-certificate': CertificateRequestEvent;
    'mes-evaluation-restart': EvaluationRestartEvent;
  }
}

const NAME_ID = 'trainee-name';

/** The rule as the debrief states it, from the numbers the score is computed with. */
const RULE_VALUES = {
  max: String(MAX_SCORE),
  wrongClick: String(PENALTIES.wrongClick),
  refused: String(PENALTIES.refusedSubmission),
  hint: String(PENALTIES.hint),
  pass: String(PASS_MARK),
};

@customElement('mes-debrief')
export class MesDebrief extends LitElement {
  static override styles = [
    tokens,
    screenStyles,
    css`
      :host {
        background: var(--mes-bg);
      }
      .scenario {
        font-weight: 600;
        color: var(--mes-title);
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
        margin: 16px 0 24px;
      }
      .score-card {
        flex: 0 1 260px;
        padding: 16px 20px;
        border-radius: 12px;
        background: #fff;
        border: 2px solid var(--mes-bg-alt);
        border-left-width: 8px;
      }
      .score-card.pass {
        border-left-color: var(--mes-success);
      }
      .score-card.fail {
        border-left-color: #b3303f;
      }
      .score-label {
        margin: 0;
        font-weight: 600;
      }
      .score {
        margin: 0;
        font-size: 2.25rem;
        font-weight: 800;
        line-height: 1.2;
        color: var(--mes-title);
      }
      .verdict {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        margin: 4px 0 0;
        font-weight: 700;
        font-size: 1.125rem;
      }
      .pass .verdict {
        color: var(--mes-success);
      }
      .fail .verdict {
        color: #b3303f;
      }
      .verdict svg {
        width: 22px;
        height: 22px;
        flex: none;
      }
      .facts {
        flex: 1 1 240px;
        margin: 0;
        padding: 16px 20px;
        border-radius: 12px;
        background: #fff;
        border: 2px solid var(--mes-bg-alt);
      }
      .facts dl {
        margin: 0;
      }
      .facts dt {
        font-weight: 600;
      }
      .facts dd {
        margin: 0 0 8px;
        font-size: 1.25rem;
        font-weight: 700;
        color: var(--mes-title);
      }
      .facts .when {
        margin: 0;
        font-size: 0.875rem;
      }
      .rule {
        margin: 0 0 24px;
        padding: 12px 16px;
        border-left: 4px solid var(--mes-primary);
        background: var(--mes-bg-alt);
        border-radius: 4px;
      }
      .rule h2 {
        margin: 0 0 4px;
        font-size: 1rem;
      }
      .rule p {
        margin: 0;
      }
      .table-wrap {
        overflow-x: auto;
        margin: 0 0 32px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: #fff;
        font-size: 0.9375rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        font-size: 1.125rem;
        color: var(--mes-title);
        padding: 0 0 8px;
      }
      caption .hint {
        display: block;
        font-weight: 400;
      }
      th,
      td {
        padding: 8px 10px;
        border-bottom: 1px solid #d5dbea;
        text-align: left;
        vertical-align: top;
      }
      thead th {
        color: var(--mes-title);
        background: var(--mes-bg-alt);
      }
      tbody th {
        font-weight: 600;
        color: var(--mes-title);
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      tr.has-errors th[scope='row'] {
        box-shadow: inset 4px 0 0 #b3303f;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        margin-left: 6px;
        padding: 0 8px;
        border-radius: 999px;
        background: #b3303f;
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
        white-space: nowrap;
      }
      td.bad {
        font-weight: 700;
        color: #b3303f;
      }
      tfoot th,
      tfoot td {
        font-weight: 700;
        color: var(--mes-title);
        border-top: 2px solid var(--mes-title);
      }
      .certificate {
        margin: 0 0 24px;
      }
      .certificate h2 {
        margin: 0 0 8px;
      }
      .certificate form {
        max-width: 480px;
      }
      .certificate .actions,
      .restart {
        justify-content: flex-start;
      }
      .restart {
        border-top: 1px solid #d5dbea;
        padding-top: 24px;
      }
      input:focus-visible {
        outline: 3px solid var(--mes-focus);
        outline-offset: 2px;
      }
      h1:focus {
        outline: none;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) result!: EvaluationResult;

  @state() private name = '';
  /** Translated key of the name's error, shown once a download was asked. */
  @state() private nameError = '';
  @state() private attempted = false;

  @query(`#${NAME_ID}`) private nameInput!: HTMLInputElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new evaluation: the name typed stays (same trainee), its old error does not.
    if (changed.has('result') && changed.get('result') !== undefined) {
      this.attempted = false;
      this.nameError = '';
    }
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private readonly handleNameInput = (event: Event): void => {
    this.name = (event.target as HTMLInputElement).value;
    // Once a download was refused, the error follows the typing, so it goes away as soon as it is fixed.
    if (this.attempted) {
      const check = checkTraineeName(this.name);
      this.nameError = check.ok ? '' : check.error;
    }
  };

  private readonly handleSubmit = (event: Event): void => {
    event.preventDefault();
    this.attempted = true;
    const check = checkTraineeName(this.name);
    if (!check.ok) {
      this.nameError = check.error;
      void this.updateComplete.then(() => this.nameInput.focus());
      return;
    }
    this.nameError = '';
    this.emit('mes-certificate', { name: check.value });
  };

  private readonly handleRestart = (): void => {
    this.emit('mes-evaluation-restart', { scenarioId: this.result.scenarioId });
  };

  private formatFinished(iso: string): DateTimeText | null {
    return formatDateTime(iso);
  }

  private renderVerdict(passed: boolean): TemplateResult {
    const icon = passed
      ? html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M6.5 12.5l3.5 3.5 7.5-8" stroke="#fff" stroke-width="2.5" fill="none" />
        </svg>`
      : html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2.5" />
        </svg>`;
    return html`<p class="verdict">${icon}${t(passed ? 'evaluation:debrief.passed' : 'evaluation:debrief.failed')}</p>`;
  }

  private renderRow(step: StepRecord): TemplateResult {
    const errors = stepHasErrors(step);
    const count = (n: number) => html`<td class="num ${n > 0 ? 'bad' : ''}">${n}</td>`;
    return html`<tr class=${errors ? 'has-errors' : ''} data-step=${step.stepId}>
      <th scope="row">
        ${step.title}${errors
          ? html` <span class="badge"><span aria-hidden="true">⚠</span>${t('evaluation:debrief.table.review')}</span>`
          : nothing}
      </th>
      <td>${step.journey}</td>
      ${count(step.wrongClicks)} ${count(step.refusedSubmissions)}
      <td class="num">${step.hintsUsed}</td>
      <td class="num">${formatDuration(step.durationMs)}</td>
    </tr>`;
  }

  private renderTable(r: EvaluationResult): TemplateResult {
    const sum = (pick: (s: StepRecord) => number) => r.steps.reduce((total, s) => total + pick(s), 0);
    return html`<div class="table-wrap" role="region" aria-labelledby="steps-caption" tabindex="0">
      <table>
        <caption id="steps-caption">
          ${t('evaluation:debrief.table.caption')}
          <span class="hint">${t('evaluation:debrief.table.captionHint')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('evaluation:debrief.table.step')}</th>
            <th scope="col">${t('evaluation:debrief.table.journey')}</th>
            <th scope="col" class="num">${t('evaluation:debrief.table.wrongClicks')}</th>
            <th scope="col" class="num">${t('evaluation:debrief.table.refused')}</th>
            <th scope="col" class="num">${t('evaluation:debrief.table.hints')}</th>
            <th scope="col" class="num">${t('evaluation:debrief.table.time')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.steps.length === 0
            ? html`<tr>
                <td colspan="6">${t('evaluation:debrief.table.empty')}</td>
              </tr>`
            : r.steps.map((step) => this.renderRow(step))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t('evaluation:debrief.table.total')}</th>
            <td></td>
            <td class="num">${sum((s) => s.wrongClicks)}</td>
            <td class="num">${sum((s) => s.refusedSubmissions)}</td>
            <td class="num">${sum((s) => s.hintsUsed)}</td>
            <td class="num">${formatDuration(r.totalMs)}</td>
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  private renderCertificateForm(): TemplateResult {
    const errorId = `${NAME_ID}-error`;
    const previewId = `${NAME_ID}-preview`;
    const check = checkTraineeName(this.name);
    // Tell the trainee beforehand when the PDF will not print her name exactly as typed.
    const printed = check.ok ? printableName(check.value) : '';
    const preview = check.ok && printed !== check.value ? printed : '';
    const describedBy = [this.nameError ? errorId : '', preview ? previewId : ''].filter(Boolean).join(' ');
    return html`<section class="certificate" aria-labelledby="certificate-title">
      <h2 id="certificate-title">${t('evaluation:debrief.certificate.title')}</h2>
      <p>${t('evaluation:debrief.certificate.intro')}</p>
      <form novalidate @submit=${this.handleSubmit}>
        <div class="field">
          <label for=${NAME_ID}>${t('evaluation:debrief.certificate.nameLabel')}</label>
          <input
            id=${NAME_ID}
            type="text"
            autocomplete="name"
            required
            .value=${live(this.name)}
            aria-invalid=${this.nameError ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${this.handleNameInput}
          />
          <div aria-live="assertive">
            ${this.nameError
              ? html`<p class="error" id=${errorId}>${t(`evaluation:debrief.certificate.${this.nameError}`)}</p>`
              : nothing}
          </div>
          ${preview
            ? html`<p class="hint" id=${previewId}>${t('evaluation:debrief.certificate.namePrinted', { name: preview })}</p>`
            : nothing}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" data-hotspot="download-certificate">
            ${t('evaluation:debrief.certificate.download')}
          </button>
        </div>
      </form>
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    const r = this.result;
    if (!r) return nothing;
    const finished = this.formatFinished(r.finishedAt);
    return html`<section class="screen wide" aria-labelledby="debrief-title">
      <h1 id="debrief-title" tabindex="-1">${t('evaluation:debrief.title')}</h1>
      <p class="scenario">${t('evaluation:debrief.scenario', { title: r.scenarioTitle })}</p>
      <div class="summary">
        <div class="score-card ${r.passed ? 'pass' : 'fail'}" data-passed=${r.passed ? 'true' : 'false'}>
          <p class="score-label">${t('evaluation:debrief.scoreLabel')}</p>
          <p class="score">${t('evaluation:debrief.score', { score: String(r.score) })}</p>
          ${this.renderVerdict(r.passed)}
        </div>
        <div class="facts">
          <dl>
            <dt>${t('evaluation:debrief.totalTime')}</dt>
            <dd>${formatDuration(r.totalMs)}</dd>
          </dl>
          ${finished ? html`<p class="when">${t('evaluation:debrief.finishedAt', { ...finished })}</p>` : nothing}
        </div>
      </div>
      <section class="rule" aria-labelledby="rule-title">
        <h2 id="rule-title">${t('evaluation:debrief.ruleTitle')}</h2>
        <p>${t('evaluation:debrief.rule', RULE_VALUES)}</p>
      </section>
      ${this.renderTable(r)} ${this.renderCertificateForm()}
      <div class="actions restart">
        <button type="button" class="btn btn-secondary" data-hotspot="restart-evaluation" @click=${this.handleRestart}>
          ${t('evaluation:debrief.restart')}
        </button>
      </div>
    </section>`;
  }

  /** Puts focus on the title, for the app to call when the debrief replaces the last step. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#debrief-title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-debrief': MesDebrief;
  }
}
