import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { redrawOnLanguageChange, t } from '../i18n';
import { tokens } from '../site/screens/styles';
import { formatDuration } from '../tutorial/evaluation/format';
import { goalConditions } from './goal';
import type { CallContext } from './machine';
import type { CallScenario } from './schema';
import { CALL_PENALTIES, MAX_SCORE, PASS_MARK, type CallRecord } from './score';
import { deskStyles } from './styles';
import { goalText, guideSentences, phraseText } from './text';

/**
 * The end of a call: resolved or not, the score and its rule, the diagnosis (what the agent chose, and
 * the right answer), the key sentence to say, what the agent did, the right way through the screens,
 * and the trainer's notes. It only asks: the call screen replays on 'mes-call-replay' and navigates
 * on 'mes-call-navigate'.
 */

export type CallReplayEvent = CustomEvent<{ callId: string }>;

declare global {
  interface HTMLElementEventMap {
    'mes-call-replay': CallReplayEvent;
  }
}

@customElement('mes-call-debrief')
export class MesCallDebrief extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      :host {
        padding: 16px;
        max-width: 1100px;
        margin: 0 auto;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
        margin: 0 0 16px;
      }
      .card {
        flex: 1 1 220px;
        padding: 14px 18px;
        border-radius: 12px;
        background: #fff;
        border: 2px solid var(--mes-bg-alt);
        border-left-width: 8px;
      }
      .card.good {
        border-left-color: var(--mes-success);
      }
      .card.bad {
        border-left-color: #b3303f;
      }
      h2.title {
        font-size: clamp(1.375rem, 1.1rem + 1vw, 1.75rem);
        margin: 8px 0 12px;
      }
      .big {
        margin: 0;
        font-size: 1.75rem;
        font-weight: 800;
        color: var(--mes-title);
      }
      .key {
        font-size: 1.125rem;
        border-left-color: var(--mes-primary);
        background: var(--mes-bg-alt);
        font-style: normal;
      }
      ol,
      ul {
        margin: 0 0 12px;
        padding-left: 22px;
      }
      li {
        margin: 0 0 6px;
      }
      .tag {
        display: inline-block;
        margin-left: 6px;
        padding: 0 8px;
        border-radius: 999px;
        font-size: 0.75rem;
        font-weight: 700;
        background: var(--mes-bg-alt);
        color: var(--mes-title);
      }
      .tag.ko {
        background: #fdf1f2;
        color: #b3303f;
      }
      .tag.ok {
        background: #e4f3f0;
        color: #155a51;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin: 16px 0;
      }
      details {
        margin: 0 0 16px;
      }
      summary {
        cursor: pointer;
        font-weight: 700;
        color: var(--mes-title);
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        gap: 16px;
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) call!: CallScenario;
  @property({ attribute: false }) context!: CallContext;
  @property({ attribute: false }) record: CallRecord | null = null;
  @property({ attribute: false }) saveError: string | null = null;
  @property({ attribute: false }) saved = false;

  /** Moves focus to the debrief's title (the call screen does it when the call ends). */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    const title = this.renderRoot.querySelector<HTMLElement>('h2');
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }

  private navigate(to: 'catalogue' | 'results'): void {
    this.dispatchEvent(new CustomEvent('mes-call-navigate', { detail: { to }, bubbles: true, composed: true }));
  }

  private renderSummary(record: CallRecord): TemplateResult {
    return html`<div class="summary">
      <div class="card ${record.resolved ? 'good' : 'bad'}">
        <p class="big">${t(record.resolved ? 'calls:debrief.resolved' : 'calls:debrief.unresolved')}</p>
        <p>${t('calls:debrief.duration', { time: formatDuration(record.durationMs) })}</p>
      </div>
      <div class="card ${record.passed ? 'good' : 'bad'}">
        <p>${t('calls:debrief.score')}</p>
        <p class="big">${t('calls:debrief.scoreValue', { score: String(record.score), max: String(MAX_SCORE) })}</p>
        <p><strong>${t(record.passed ? 'calls:debrief.passed' : 'calls:debrief.failed')}</strong></p>
      </div>
    </div>`;
  }

  private renderDiagnosis(ctx: CallContext): TemplateResult {
    const explanations = this.call.call.diagnosis.explanations;
    const first = ctx.diagnoses[0];
    const firstText = explanations.find((e) => e.id === first?.id)?.text ?? '';
    const verdict = !first
      ? html`<p class="ko"><strong>${t('calls:debrief.diagnosis.none')}</strong></p>`
      : first.correct
        ? html`<p class="ok"><strong>${t('calls:debrief.diagnosis.right')}</strong></p>`
        : html`<p class="ko"><strong>${t('calls:debrief.diagnosis.wrongFirst', { text: firstText })}</strong></p>`;
    return html`<section class="panel" aria-labelledby="d-diagnosis">
      <h3 id="d-diagnosis">${t('calls:debrief.diagnosis.title')}</h3>
      ${verdict}
      ${ctx.diagnoses.length > 0
        ? html`<p>${t('calls:debrief.diagnosis.chosen')}</p>
            <ol>
              ${ctx.diagnoses.map((d) => {
                const e = explanations.find((x) => x.id === d.id);
                return html`<li lang=${this.call.lang}>
                  ${t('calls:quoted', { text: e?.text ?? '' })}
                  <span class="tag ${d.correct ? 'ok' : 'ko'}">${t(d.correct ? 'calls:debrief.diagnosis.correct' : 'calls:debrief.diagnosis.incorrect')}</span>
                  ${d.correct ? nothing : html`<br />${e?.feedback}`}
                </li>`;
              })}
            </ol>`
        : nothing}
      <h4>${t('calls:debrief.diagnosis.answer')}</h4>
      <ul>
        ${explanations.filter((e) => e.correct).map((e) => html`<li lang=${this.call.lang}><strong>${e.text}</strong><br />${e.feedback}</li>`)}
      </ul>
    </section>`;
  }

  private renderDone(ctx: CallContext): TemplateResult {
    const questions = this.call.call.diagnosis.questions;
    const told = ctx.journal;
    return html`<section class="panel" aria-labelledby="d-done">
      <h3 id="d-done">${t('calls:debrief.done.title')}</h3>
      <h4>${t('calls:debrief.done.questions')}</h4>
      ${ctx.asked.length === 0
        ? html`<p>${t('calls:debrief.done.noQuestion')}</p>`
        : html`<ol>
            ${ctx.asked.map((a) => {
              const q = questions.find((x) => x.id === a.id);
              return html`<li><span lang=${this.call.lang}>${q?.ask}</span>${q?.useful === false ? html`<span class="tag ko">${t('calls:debrief.done.useless')}</span>` : nothing}</li>`;
            })}
          </ol>`}
      <h4>${t('calls:debrief.done.journal')}</h4>
      ${told.length === 0
        ? html`<p>${t('calls:call.journal.empty')}</p>`
        : html`<ol>
            ${told.map(
              (e) => html`<li>
                ${phraseText(e.phrase)}
                ${e.prompted ? html`<span class="tag">${t('calls:call.journal.prompted')}</span>` : nothing}
                ${e.kind === 'told' && e.refused ? html`<span class="tag ko">${t('calls:call.journal.refused')}</span>` : nothing}
              </li>`,
            )}
          </ol>`}
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    const ctx = this.context;
    const record = this.record;
    if (!this.call || !ctx || !record) return html`<p role="status">${t('common:loading')}</p>`;
    const goal = goalConditions(this.call.call.goal, this.call.call.brief.persona, { personas: [], inbox: [] }, { screen: 'home', notCovered: null }, new Set());
    return html`
      <h2 class="title">${t('calls:debrief.title')}</h2>
      ${this.renderSummary(record)}
      <div role="status">
        ${this.saveError
          ? html`<p class="error">${t('calls:debrief.saveFailed', { error: this.saveError })}</p>`
          : this.saved
            ? html`<p>${t('calls:debrief.saved')}</p>`
            : html`<p>${t('calls:debrief.saving')}</p>`}
      </div>
      ${record.resolved
        ? nothing
        : html`<section class="panel" aria-labelledby="d-goal">
            <h3 id="d-goal">${t('calls:debrief.unresolvedHelp')}</h3>
            <ul>
              ${goal.map((c) => html`<li>${goalText(c, this.call)}</li>`)}
            </ul>
          </section>`}
      <section class="panel" aria-labelledby="d-key">
        <h3 id="d-key">${t('calls:debrief.keySentence')}</h3>
        <blockquote class="quote key" lang=${this.call.lang}>${this.call.call.keySentence}</blockquote>
      </section>
      <div class="columns">
        ${this.renderDiagnosis(ctx)} ${this.renderDone(ctx)}
        <section class="panel" aria-labelledby="d-path">
          <h3 id="d-path">${t('calls:debrief.path.title')}</h3>
          <ol>
            ${guideSentences(this.call).map((s) => html`<li>${s}</li>`)}
          </ol>
        </section>
        <section class="panel" aria-labelledby="d-rule">
          <h3 id="d-rule">${t('calls:debrief.rule.title')}</h3>
          <p>
            ${t('calls:debrief.rule.text', {
              wrongDiagnosis: String(CALL_PENALTIES.wrongDiagnosis),
              uselessQuestion: String(CALL_PENALTIES.uselessQuestion),
              refused: String(CALL_PENALTIES.refusedSubmission),
              prompt: String(CALL_PENALTIES.prompt),
              unresolved: String(CALL_PENALTIES.unresolved),
              pass: String(PASS_MARK),
            })}
          </p>
          <ul>
            <li>${t('calls:debrief.rule.wrongDiagnoses', { count: record.wrongDiagnoses })}</li>
            <li>${t('calls:debrief.rule.uselessQuestions', { count: record.uselessQuestions })}</li>
            <li>${t('calls:debrief.rule.refused', { count: record.refusedSubmissions })}</li>
            <li>${t('calls:debrief.rule.prompts', { count: record.prompts })}</li>
          </ul>
        </section>
      </div>
      <details>
        <summary>${t('calls:debrief.notes')}</summary>
        <p lang=${this.call.lang}>${this.call.call.notes}</p>
      </details>
      <div class="actions">
        <button type="button" class="btn primary" @click=${() => this.dispatchEvent(new CustomEvent('mes-call-replay', { detail: { callId: this.call.id }, bubbles: true, composed: true }))}>
          ${t('calls:debrief.replay')}
        </button>
        <button type="button" class="btn" @click=${() => this.navigate('catalogue')}>${t('calls:debrief.catalogue')}</button>
        <button type="button" class="btn" @click=${() => this.navigate('results')}>${t('calls:debrief.results')}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-call-debrief': MesCallDebrief;
  }
}
