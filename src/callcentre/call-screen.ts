import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { createActor, type Subscription } from 'xstate';
import type { InboxMessage, OppositionProof } from '../api/types';
import type { SimDevices } from '../app/sim-devices';
import '../app/sim-devices';
import '../app/site-frame';
import { redrawOnLanguageChange, t } from '../i18n';
import { createSiteMachine, screenOf, type SiteApi, type SiteSnapshot } from '../site/machine';
import { focusScreenTitle, renderScreen } from '../site/render';
import { tokens } from '../site/screens/styles';
import type { SiteEvent } from '../site/types';
import { formatDuration } from '../tutorial/evaluation/format';
import '../tutorial/practice/documents-panel';
import './debrief';
import { goalConditions, type BackendState } from './goal';
import { createCallMachine, phaseOf, siteOf, type CallActor, type CallDeps, type CallPhase, type CallSnapshot } from './machine';
import type { ResultsStore } from './results-store';
import type { CallScenario } from './schema';
import { CALL_PENALTIES, buildRecord, type CallRecord } from './score';
import { deskStyles } from './styles';
import { goalText, phraseText } from './text';

/**
 * One rehearsal call: the agent's desk on the left (the incoming call, the questions and the
 * diagnosis, then the journal of what the agent had the caller do), the caller's live screen on the
 * right (the recreated site, with the caller's inbox, phone and documents), then the debrief. The
 * element drives the call machine; the finished call is recorded in the results store.
 */

export interface CallScreenDeps {
  /** The site's API and the simulated service's controls (the typed client in the app). */
  api: SiteApi & CallDeps['backend'];
  /** The service's real state, for the goal. */
  readState: () => BackendState | Promise<BackendState>;
  results: ResultsStore;
  newId: () => string;
  deliverProof: (proof: OppositionProof) => void;
  now?: () => number;
}

export type CallEndedEvent = CustomEvent<{ record: CallRecord }>;
export type CallNavigateEvent = CustomEvent<{ to: 'catalogue' | 'results' | 'fiche' }>;

declare global {
  interface HTMLElementEventMap {
    'mes-call-ended': CallEndedEvent;
    'mes-call-navigate': CallNavigateEvent;
  }
}

const PHASES: readonly CallPhase[] = ['brief', 'diagnosing', 'guiding', 'ended'];

@customElement('mes-call-screen')
export class MesCallScreen extends LitElement {
  static override styles = [
    tokens,
    deskStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 12px 16px;
        background: #fff;
        border-bottom: 1px solid var(--mes-bg-alt);
      }
      .head h1 {
        margin: 0;
        flex: 1 1 260px;
      }
      .phases {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 0;
        padding: 0;
        list-style: none;
        counter-reset: phase;
      }
      .phases li {
        counter-increment: phase;
        padding: 4px 12px;
        border-radius: 999px;
        background: var(--mes-bg-alt);
        color: var(--mes-title);
        font-size: 0.875rem;
      }
      .phases li::before {
        content: counter(phase) '. ';
      }
      .phases li[aria-current='step'] {
        background: var(--mes-primary);
        color: #fff;
        font-weight: 700;
      }
      .timer {
        margin: 0;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .desk {
        display: grid;
        grid-template-columns: minmax(320px, 440px) minmax(0, 1fr);
        gap: 16px;
        padding: 16px;
        align-items: start;
      }
      @media (max-width: 960px) {
        .desk {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .agent {
        min-width: 0;
      }
      .caller {
        min-width: 0;
        border: 3px solid var(--mes-title);
        border-radius: 16px;
        overflow: hidden;
        background: var(--mes-bg);
      }
      .caller-bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        padding: 8px 12px;
        background: var(--mes-title);
        color: #fff;
      }
      .caller-bar h2 {
        color: #fff;
        margin: 0;
        flex: 1 1 auto;
        font-size: 1rem;
      }
      .inert-note {
        margin: 0;
        padding: 8px 12px;
        background: #fff8e1;
        color: var(--mes-title);
        font-weight: 600;
      }
      .screen-wrap[inert] {
        opacity: 0.85;
      }
      .questions {
        display: flex;
        flex-direction: column;
        gap: 8px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .questions .btn {
        width: 100%;
        justify-content: flex-start;
        text-align: left;
        border-radius: 12px;
        font-weight: 600;
      }
      .questions + h3 {
        margin-top: 16px;
      }
      .transcript {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .transcript li {
        margin: 0 0 10px;
      }
      .transcript .who {
        font-weight: 700;
        color: var(--mes-title);
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 700;
        color: var(--mes-title);
        margin: 0 0 8px;
      }
      .choice {
        display: flex;
        gap: 10px;
        align-items: flex-start;
        padding: 8px 10px;
        margin: 0 0 8px;
        border: 1px solid var(--mes-bg-alt);
        border-radius: 10px;
        cursor: pointer;
        color: var(--mes-title);
      }
      .choice input {
        width: 20px;
        height: 20px;
        margin: 2px 0 0;
        flex: none;
      }
      .choice.tried {
        border-color: #b3303f;
        background: #fdf1f2;
      }
      .feedback {
        padding: 10px 12px;
        border-radius: 10px;
        border-left: 6px solid #b3303f;
        background: #fdf1f2;
        color: var(--mes-title);
        margin: 8px 0;
      }
      .journal {
        margin: 0;
        padding: 0 0 0 22px;
      }
      .journal li {
        margin: 0 0 6px;
      }
      .journal li.seen {
        list-style: none;
        margin-left: -22px;
        padding: 4px 8px;
        border-left: 4px solid #b3303f;
        background: #fdf1f2;
        color: var(--mes-title);
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
      .tag.refused {
        background: #fdf1f2;
        color: #b3303f;
      }
      .goal {
        margin: 0;
        padding: 0 0 0 20px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .at-hand {
        margin: 0;
        padding: 0 0 0 20px;
      }
      .problem {
        margin: 16px;
        padding: 12px 16px;
        border-left: 4px solid #b3303f;
        background: #fdf1f2;
        color: var(--mes-title);
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) call!: CallScenario;
  @property({ attribute: false }) deps!: CallScreenDeps;

  @state() private snapshot: CallSnapshot | null = null;
  @state() private site: SiteSnapshot | null = null;
  @state() private chosen = '';
  @state() private diagnosisError = false;
  @state() private record: CallRecord | null = null;
  @state() private saveError: string | null = null;
  /** The record is in the results store (the debrief says so only then). */
  @state() private saved = false;
  @state() private clock = Date.now();
  @query('sim-devices') private devices!: SimDevices | null;

  private actor: CallActor | null = null;
  private actorSub: Subscription | null = null;
  private siteSub: Subscription | null = null;
  private siteRef: ReturnType<typeof siteOf> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private savedRun: number | null = null;
  /** The call and dependencies the running actor was started with. */
  private startedFor: { call: CallScenario; deps: CallScreenDeps } | null = null;
  private lastPhase: CallPhase | null = null;
  private lastSiteScreen: string | null = null;
  /** The caller's inbox and phone read the service through the call's API (one function: a new one would reload them). */
  private readonly inboxSource = (): Promise<InboxMessage[]> => this.deps.api.fetchInbox();

  override connectedCallback(): void {
    super.connectedCallback();
    // The clock only moves while the call is live: no needless rendering before or after.
    this.timer = setInterval(() => {
      const phase = this.snapshot ? phaseOf(this.snapshot) : null;
      if (phase === 'diagnosing' || phase === 'guiding') this.clock = this.now();
    }, 1000);
    if (this.call && this.deps && !this.actor) this.startCall();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopCall();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const same = this.startedFor?.call === this.call && this.startedFor?.deps === this.deps;
    if ((changed.has('call') || changed.has('deps')) && this.call && this.deps && this.isConnected && !same) this.startCall();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const phase = this.snapshot ? phaseOf(this.snapshot) : null;
    if (phase !== this.lastPhase) {
      const first = this.lastPhase === null || this.lastPhase === 'preparing';
      this.lastPhase = phase;
      // Each new part of the call is announced by moving focus to its heading.
      if (phase && phase !== 'preparing' && !first) void this.focusPhase(phase);
    }
    const screen = this.site ? screenOf(this.site) : null;
    if (screen !== this.lastSiteScreen) {
      const moved = this.lastSiteScreen !== null;
      this.lastSiteScreen = screen;
      // The agent acting on the caller's screen lands on the new screen's title, as a page load would
      // announce it; after a prompted step, focus stays on the prompter's button.
      const last = this.snapshot?.context.journal.filter((e) => e.kind === 'told').at(-1);
      if (moved && phase === 'guiding' && last && !last.prompted) {
        const wrap = this.renderRoot.querySelector('.screen-wrap');
        if (wrap) void focusScreenTitle(wrap);
      }
    }
  }

  /** The call's snapshot, for tests. */
  get callSnapshot(): CallSnapshot | null {
    return this.snapshot;
  }

  private now(): number {
    return this.deps?.now?.() ?? Date.now();
  }

  private startCall(): void {
    this.stopCall();
    const deps = this.deps;
    const site = createSiteMachine({ api: deps.api, deliverProof: deps.deliverProof });
    const machine = createCallMachine({ site, backend: deps.api, readState: deps.readState, now: () => this.now() });
    const actor = createActor(machine, { input: { call: this.call } });
    this.actorSub = actor.subscribe({
      next: (snapshot) => this.handleSnapshot(snapshot),
      error: (error) => {
        this.saveError = error instanceof Error ? error.message : String(error);
      },
    });
    this.actor = actor;
    this.startedFor = { call: this.call, deps };
    this.record = null;
    this.savedRun = null;
    this.chosen = '';
    this.diagnosisError = false;
    actor.start();
  }

  private stopCall(): void {
    this.actorSub?.unsubscribe();
    this.siteSub?.unsubscribe();
    this.actor?.stop();
    this.actor = null;
    this.startedFor = null;
    this.actorSub = null;
    this.siteSub = null;
    this.siteRef = null;
  }

  private handleSnapshot(snapshot: CallSnapshot): void {
    const previous = this.snapshot;
    this.snapshot = snapshot;
    const ref = siteOf(snapshot) ?? null;
    if (ref !== this.siteRef) {
      this.siteSub?.unsubscribe();
      this.siteRef = ref;
      this.site = ref?.getSnapshot() ?? null;
      this.siteSub = ref?.subscribe((s) => (this.site = s)) ?? null;
    }
    const phase = phaseOf(snapshot);
    if (phase === 'brief' && previous && phaseOf(previous) === 'preparing') void this.devices?.refresh();
    if (previous && previous.context.journal !== snapshot.context.journal) void this.devices?.refresh();
    if (phase === 'ended' && this.savedRun !== snapshot.context.preparedAt) {
      this.savedRun = snapshot.context.preparedAt;
      void this.save(snapshot);
    }
  }

  private async save(snapshot: CallSnapshot): Promise<void> {
    const record = buildRecord(snapshot.context, this.deps.newId());
    this.record = record;
    this.saveError = null;
    this.saved = false;
    try {
      await this.deps.results.add(record);
      this.saved = true;
    } catch (error) {
      this.saveError = error instanceof Error ? error.message : String(error);
    }
    this.dispatchEvent(new CustomEvent('mes-call-ended', { detail: { record }, bubbles: true, composed: true }));
  }

  private async focusPhase(phase: CallPhase): Promise<void> {
    await this.updateComplete;
    const target =
      phase === 'ended'
        ? (this.renderRoot.querySelector('mes-call-debrief') as (HTMLElement & { focusTitle?: () => Promise<void> }) | null)
        : this.renderRoot.querySelector<HTMLElement>(`#${phase}-title`);
    if (target && 'focusTitle' in target && typeof target.focusTitle === 'function') {
      await target.focusTitle();
    } else if (target) {
      target.tabIndex = -1;
      target.focus();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Handlers

  private readonly handleIntent = (event: CustomEvent<SiteEvent>): void => {
    event.stopPropagation();
    if (this.snapshot && phaseOf(this.snapshot) === 'guiding') this.actor?.send({ type: 'INTENT', event: event.detail });
  };

  private handleAsk(id: string): void {
    this.actor?.send({ type: 'ASK', id });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#answer-${id}`)?.focus());
  }

  private handleDiagnose(event: Event): void {
    event.preventDefault();
    if (!this.chosen) {
      this.diagnosisError = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="explanation"]')?.focus());
      return;
    }
    this.diagnosisError = false;
    this.actor?.send({ type: 'DIAGNOSE', id: this.chosen });
  }

  private handleRestart(): void {
    this.chosen = '';
    this.diagnosisError = false;
    this.record = null;
    this.lastPhase = null;
    this.actor?.send({ type: 'RESTART' });
  }

  private navigate(to: 'catalogue' | 'results' | 'fiche'): void {
    this.dispatchEvent(new CustomEvent('mes-call-navigate', { detail: { to }, bubbles: true, composed: true }));
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private elapsed(snapshot: CallSnapshot): string {
    const ctx = snapshot.context;
    if (ctx.answeredAt === null) return formatDuration(0);
    const end = ctx.endedAt ?? Math.max(this.clock, ctx.answeredAt);
    return formatDuration(end - ctx.answeredAt);
  }

  private renderHead(snapshot: CallSnapshot, phase: CallPhase): TemplateResult {
    const live = phase === 'diagnosing' || phase === 'guiding';
    return html`<div class="head">
      <h1 id="call-title" lang=${this.call.lang}>${this.call.title}</h1>
      <ol class="phases" aria-label=${t('calls:call.phases.label')}>
        ${PHASES.map((p) => html`<li aria-current=${p === phase ? 'step' : 'false'}>${t(`calls:call.phases.${p}`)}</li>`)}
      </ol>
      ${phase !== 'brief' && phase !== 'preparing' ? html`<p class="timer">${t('calls:call.timer', { time: this.elapsed(snapshot) })}</p>` : nothing}
      ${live ? html`<button type="button" class="btn danger" @click=${() => this.actor?.send({ type: 'HANG_UP' })}>${t('calls:call.hangUp')}</button>` : nothing}
      <button type="button" class="btn" @click=${() => this.navigate('catalogue')}>${t('calls:call.back')}</button>
    </div>`;
  }

  private renderBrief(): TemplateResult {
    const brief = this.call.call.brief;
    return html`<section class="panel" aria-labelledby="brief-title">
      <h2 id="brief-title">${t('calls:call.incoming')}</h2>
      <p lang=${this.call.lang}><strong>${brief.caller}</strong></p>
      <p>${t('calls:call.briefHelp')}</p>
      <h3>${t('calls:call.says')}</h3>
      <blockquote class="quote" lang=${this.call.lang}>${brief.words}</blockquote>
      ${this.renderAtHand()}
      <button type="button" class="btn primary" @click=${() => this.actor?.send({ type: 'ANSWER' })}>${t('calls:call.answer')}</button>
    </section>`;
  }

  private renderAtHand(): TemplateResult {
    return html`<h3>${t('calls:call.atHand')}</h3>
      <ul class="at-hand">
        ${this.call.call.brief.atHand.map((item) => html`<li><strong>${t(`calls:atHand.${item.kind}`)}</strong>${item.text ? html` — <span lang=${this.call.lang}>${item.text}</span>` : nothing}</li>`)}
      </ul>`;
  }

  private renderDiagnosis(snapshot: CallSnapshot): TemplateResult {
    const ctx = snapshot.context;
    const { questions, explanations } = this.call.call.diagnosis;
    const asked = new Set(ctx.asked.map((a) => a.id));
    const lastWrong = [...ctx.diagnoses].reverse().find((d) => !d.correct);
    const wrongNow = lastWrong && ctx.diagnoses[ctx.diagnoses.length - 1] === lastWrong ? explanations.find((e) => e.id === lastWrong.id) : undefined;
    const tried = new Set(ctx.diagnoses.map((d) => d.id));
    return html`<section class="panel" aria-labelledby="diagnosing-title">
        <h2 id="diagnosing-title">${t('calls:call.diagnosisTitle')}</h2>
        <p lang=${this.call.lang}><strong>${this.call.call.brief.caller}</strong></p>
        <blockquote class="quote" lang=${this.call.lang}>${this.call.call.brief.words}</blockquote>
        ${this.renderAtHand()}
      </section>
      <section class="panel" aria-labelledby="ask-title">
        <h2 id="ask-title">${t('calls:call.ask.title')}</h2>
        <p>${t('calls:call.ask.help')}</p>
        <ul class="questions" lang=${this.call.lang}>
          ${questions
            .filter((q) => !asked.has(q.id))
            .map((q) => html`<li><button type="button" class="btn" @click=${() => this.handleAsk(q.id)}>${q.ask}</button></li>`)}
        </ul>
        <h3>${t('calls:call.ask.transcript')}</h3>
        ${ctx.asked.length === 0
          ? html`<p>${t('calls:call.ask.nothingYet')}</p>`
          : html`<ol class="transcript" aria-live="polite">
              ${ctx.asked.map((a) => {
                const q = questions.find((x) => x.id === a.id);
                return html`<li>
                  <p><span class="who">${t('calls:call.ask.you')}</span> <span lang=${this.call.lang}>${q?.ask}</span></p>
                  <p id="answer-${a.id}" tabindex="-1"><span class="who">${t('calls:call.ask.caller')}</span> <span lang=${this.call.lang}>${q?.answer}</span></p>
                </li>`;
              })}
            </ol>`}
      </section>
      <section class="panel" aria-labelledby="explain-title">
        <h2 id="explain-title">${t('calls:call.diagnosis.title')}</h2>
        <form novalidate @submit=${this.handleDiagnose}>
          <fieldset aria-describedby=${this.diagnosisError ? 'explain-error' : nothing}>
            <legend>${t('calls:call.diagnosis.legend')}</legend>
            ${explanations.map(
              (e) => html`<label class="choice ${tried.has(e.id) ? 'tried' : ''}">
                <input
                  type="radio"
                  name="explanation"
                  value=${e.id}
                  .checked=${this.chosen === e.id}
                  aria-invalid=${this.diagnosisError ? 'true' : 'false'}
                  @change=${() => {
                    this.chosen = e.id;
                    this.diagnosisError = false;
                  }}
                />
                <span><span lang=${this.call.lang}>${e.text}</span>${tried.has(e.id) ? html`<span class="tag refused">${t('calls:call.diagnosis.tried')}</span>` : nothing}</span>
              </label>`,
            )}
          </fieldset>
          <div role="alert">
            ${this.diagnosisError ? html`<p class="error" id="explain-error">${t('calls:call.diagnosis.required')}</p>` : nothing}
            ${wrongNow
              ? html`<div class="feedback">
                  <p><strong>${t('calls:call.diagnosis.wrong')}</strong> <span lang=${this.call.lang}>${wrongNow.feedback}</span></p>
                  <p>${t('calls:call.diagnosis.tryAgain')}</p>
                </div>`
              : nothing}
          </div>
          <button type="submit" class="btn primary">${t('calls:call.diagnosis.submit')}</button>
        </form>
      </section>`;
  }

  private renderGuiding(snapshot: CallSnapshot): TemplateResult {
    const ctx = snapshot.context;
    const chosen = ctx.diagnoses.find((d) => d.correct);
    const explanation = this.call.call.diagnosis.explanations.find((e) => e.id === chosen?.id);
    const screen = this.site ? screenOf(this.site) : 'home';
    const conditions = goalConditions(
      this.call.call.goal,
      this.call.call.brief.persona,
      { personas: [], inbox: [] },
      { screen, notCovered: this.site?.context.notCovered ?? null },
      new Set(),
    );
    const waiting = snapshot.matches({ session: { guiding: 'waiting' } });
    return html`<section class="panel" aria-labelledby="guiding-title">
        <h2 id="guiding-title">${t('calls:call.guide.title')}</h2>
        ${explanation ? html`<p class="ok"><strong>${t('calls:call.diagnosis.right')}</strong> <span lang=${this.call.lang}>${explanation.feedback}</span></p>` : nothing}
        <p>${t('calls:call.guide.help')}</p>
        <h3>${t('calls:call.guide.goal')}</h3>
        <ul class="goal">
          ${conditions.map((c) => html`<li>${goalText(c, this.call)}</li>`)}
        </ul>
        <div class="row">
          <button type="button" class="btn" ?disabled=${!waiting} @click=${() => this.actor?.send({ type: 'PROMPT' })}>${t('calls:call.guide.prompt')}</button>
        </div>
        <p><small>${t('calls:call.guide.promptHelp', { points: String(CALL_PENALTIES.prompt) })}</small></p>
        <div role="status">${ctx.promptNote ? html`<p class="feedback">${t(`calls:call.guide.${ctx.promptNote}`)}</p>` : nothing}</div>
      </section>
      <section class="panel" aria-labelledby="journal-title">
        <h2 id="journal-title">${t('calls:call.journal.title')}</h2>
        ${this.renderJournal(snapshot)}
      </section>`;
  }

  private renderJournal(snapshot: CallSnapshot): TemplateResult {
    const journal = snapshot.context.journal;
    if (journal.length === 0) return html`<p>${t('calls:call.journal.empty')}</p>`;
    return html`<ol class="journal" aria-live="polite">
      ${journal.map(
        (entry) => html`<li class=${entry.kind}>
          ${phraseText(entry.phrase)}
          ${entry.prompted ? html`<span class="tag">${t('calls:call.journal.prompted')}</span>` : nothing}
          ${entry.kind === 'told' && entry.refused ? html`<span class="tag refused">${t('calls:call.journal.refused')}</span>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private renderCaller(phase: CallPhase): TemplateResult {
    const site = this.site;
    const live = phase === 'guiding';
    const persona = this.snapshot?.context.persona;
    // A group, not a region: the recreated site inside has its own <main>, which must stay top-level.
    return html`<div class="caller" role="group" aria-labelledby="caller-title">
      <div class="caller-bar">
        <h2 id="caller-title">${t('calls:call.screen.title', { caller: this.call.call.brief.caller })}</h2>
        ${live && persona ? html`<mes-documents-panel .persona=${persona}></mes-documents-panel>` : nothing}
        ${phase !== 'preparing'
          ? html`<sim-devices .source=${this.inboxSource}></sim-devices>`
          : nothing}
      </div>
      ${live ? nothing : html`<p class="inert-note">${t('calls:call.screen.inert')}</p>`}
      <div class="screen-wrap" ?inert=${!live} @mes-intent=${this.handleIntent}>
        <mes-site-frame>${site ? renderScreen(screenOf(site), site.context) : html`<p role="status">${t('common:loading')}</p>`}</mes-site-frame>
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    const snapshot = this.snapshot;
    if (!snapshot || !this.call) return html`<p role="status">${t('calls:call.preparing')}</p>`;
    const phase = phaseOf(snapshot);
    const problem = snapshot.context.problem;
    if (phase === 'ended') {
      return html`${this.renderHead(snapshot, phase)}
        <mes-call-debrief
          .call=${this.call}
          .context=${snapshot.context}
          .record=${this.record}
          .saveError=${this.saveError}
          .saved=${this.saved}
          @mes-call-replay=${() => this.handleRestart()}
          @mes-call-navigate=${(e: CallNavigateEvent) => {
            e.stopPropagation();
            this.navigate(e.detail.to);
          }}
        ></mes-call-debrief>`;
    }
    return html`
      ${this.renderHead(snapshot, phase)}
      ${problem
        ? html`<p class="problem" role="alert">
            ${t('calls:call.problem', { problem: problem === 'goalAlreadyMet' ? t('calls:call.goalAlreadyMet') : problem })}
          </p>`
        : nothing}
      <div class="desk" aria-busy=${phase === 'preparing' ? 'true' : 'false'}>
        <div class="agent">
          ${phase === 'preparing' ? html`<p role="status">${t('calls:call.preparing')}</p>` : nothing}
          ${phase === 'brief' ? this.renderBrief() : nothing}
          ${phase === 'diagnosing' ? this.renderDiagnosis(snapshot) : nothing}
          ${phase === 'guiding' ? this.renderGuiding(snapshot) : nothing}
        </div>
        ${this.renderCaller(phase)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-call-screen': MesCallScreen;
  }
}
