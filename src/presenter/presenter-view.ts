import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { appHref } from '../app/href';
import { currentLanguage, onLanguageChanged, t } from '../i18n';
import { onScenarioUpdate } from '../scenarios/live';
import { shippedScenarioList } from '../scenarios/checked';
import { DEFAULT_SCENARIO } from '../scenarios/registry';
import type { Step } from '../scenarios/schema';
import { isIgnoredKey } from '../tutorial/keyboard';
import type { TutorialScenario } from '../tutorial/machine';
import { PresenterLink, type ChannelLike, type PresenterState } from '../tutorial/presenter-link';
import { scenarioText } from '../tutorial/text';
import { personaValues } from '../tutorial/values';
import { formatElapsed } from './format';

// As in the player: a saved scenario comes through ../scenarios/live, without reloading the page.
if (import.meta.hot) import.meta.hot.accept(['../scenarios/registry', '../scenarios/checked'], () => undefined);

/**
 * The trainer's window (`?view=presenter&scenario=…`): the current step as the trainee sees it, the next
 * one, the step's notes and a timer; its buttons drive the player in the other window through the
 * presenter link, and it follows the player wherever the trainee or the trainer moves it.
 */
@customElement('mes-presenter-view')
export class MesPresenterView extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      font-family: 'Open Sans', system-ui;
      color: #262939;
      background: #f9faff;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 20px;
      background: #0c419a;
      color: #fff;
    }
    h1 {
      font-size: 1.25rem;
      margin: 0;
    }
    header p {
      margin: 0;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 16px;
      padding: 16px 20px;
    }
    section {
      background: #fff;
      border: 1px solid #d5dcf0;
      border-radius: 12px;
      padding: 16px 20px;
    }
    h2 {
      font-size: 0.875rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: #495574;
      margin: 0 0 8px;
    }
    h3 {
      margin: 0 0 8px;
      font-size: 1.5rem;
      color: #0c419a;
    }
    .upcoming h3 {
      font-size: 1.125rem;
    }
    h4 {
      margin: 16px 0 8px;
      font-size: 1rem;
    }
    .meta {
      color: #495574;
      margin: 0 0 12px;
    }
    ol,
    ul {
      margin: 0;
      padding-left: 1.4em;
    }
    li {
      margin: 4px 0;
    }
    .notes p {
      white-space: pre-wrap;
      margin: 0;
      font-size: 1.125rem;
      line-height: 1.5;
    }
    .side {
      display: grid;
      gap: 16px;
      align-content: start;
    }
    .timer output {
      display: block;
      font-size: 2.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: #0c419a;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      padding: 12px 20px;
      background: #fff;
      border-top: 1px solid #d5dcf0;
      position: sticky;
      bottom: 0;
    }
    button,
    select {
      font: inherit;
      font-weight: 700;
      border-radius: 999px;
      padding: 8px 18px;
      min-height: 44px;
      border: 2px solid #0c419a;
      background: #fff;
      color: #0c419a;
      cursor: pointer;
    }
    select {
      border-radius: 8px;
      font-weight: 600;
      max-width: 100%;
    }
    button.primary {
      background: #0c419a;
      color: #fff;
    }
    button:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
    :focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
    header :focus-visible {
      outline-color: #fff;
    }
    .status {
      font-weight: 600;
    }
    .problem {
      margin: 16px 20px;
      padding: 12px 16px;
      border-left: 4px solid #b3303f;
      background: #fdf1f2;
    }
    .problem p {
      margin: 4px 0;
    }
    .problem a {
      color: #0c419a;
      font-weight: 600;
    }
    .hint {
      color: #495574;
      font-size: 0.875rem;
    }
    @media (max-width: 800px) {
      .layout {
        grid-template-columns: 1fr;
      }
      .controls {
        position: static;
      }
    }
  `;

  /** The scenario to present (default: the URL's `scenario`). */
  @property() scenarioId = new URLSearchParams(location.search).get('scenario') || DEFAULT_SCENARIO;
  /** A test's own channel; the page uses the BroadcastChannel of the presenter link. */
  @property({ attribute: false }) channel: ChannelLike | undefined;

  @state() private player: PresenterState | null = null;
  @state() private now = Date.now();
  @state() private startedAt = Date.now();
  @state() private gotoIndex = 0;

  private scenario: TutorialScenario | null = null;
  /** Whether a shipped scenario has the address's id (with or without a pas à pas). */
  private scenarioFound = false;
  private link: PresenterLink | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private cleanups: Array<() => void> = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const found = shippedScenarioList().scenarios.get(this.scenarioId);
    this.scenarioFound = found !== undefined;
    this.scenario = found?.tutorial ? (found as TutorialScenario) : null;
    this.link = new PresenterLink({ ...(this.channel ? { channel: this.channel } : {}), onState: (s) => this.follow(s) });
    // The player may have been open for a while: ask it where it is.
    this.link.hello();
    this.timer = setInterval(() => (this.now = Date.now()), 1000);
    this.cleanups.push(onLanguageChanged(() => this.requestUpdate()));
    window.addEventListener('keydown', this.handleKey);
    this.cleanups.push(() => window.removeEventListener('keydown', this.handleKey));
    document.title = t('presenter:title');
    if (import.meta.hot) {
      this.cleanups.push(
        onScenarioUpdate((updates) => {
          const next = updates.find((u) => u.scenario?.id === this.scenarioId)?.scenario;
          if (!next?.tutorial) return;
          this.scenario = next as TutorialScenario;
          this.requestUpdate();
        }),
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.link?.close();
    this.link = null;
    if (this.timer) clearInterval(this.timer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private follow(s: PresenterState): void {
    if (s.scenario !== this.scenario?.id) return;
    this.player = s;
    this.gotoIndex = s.stepIndex;
  }

  private readonly handleKey = (event: KeyboardEvent): void => {
    if (isIgnoredKey(event)) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') this.send('NEXT');
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.send('PREV');
    else return;
    event.preventDefault();
  };

  private send(command: 'NEXT' | 'PREV' | 'GOTO', stepIndex?: number): void {
    if (!this.player) return;
    this.link?.command(command, stepIndex);
  }

  private resetTimer(): void {
    this.startedAt = Date.now();
    this.now = this.startedAt;
  }

  private values(): Record<string, string> {
    const tutorial = this.scenario?.tutorial;
    const persona = this.scenario?.world.personas.find((p) => p.id === tutorial?.persona) ?? this.scenario?.world.personas[0];
    return persona ? personaValues(persona) : {};
  }

  /** A step's name: its title, else its slide's name, else its journey's title. */
  private stepName(step: Step): string {
    const values = this.values();
    if (step.title) return scenarioText(step.title, values);
    if (step.slide) return t(`presenter:slides.${step.slide}`);
    return scenarioText(this.scenario?.tutorial.journeys.find((j) => j.id === step.journey)?.title, values) || step.id;
  }

  private renderStep(step: Step, index: number, total: number): TemplateResult {
    const values = this.values();
    const journey = this.scenario?.tutorial.journeys.find((j) => j.id === step.journey);
    return html`
      <h3>${this.stepName(step)}</h3>
      <p class="meta">${t('presenter:stepOf', { n: index + 1, total })} · ${scenarioText(journey?.title, values)}</p>
    `;
  }

  private renderCallouts(step: Step): TemplateResult {
    const values = this.values();
    if (step.callouts.length === 0) return html`<p>${t('presenter:noCallouts')}</p>`;
    return html`<ul>
      ${step.callouts.map((c) => html`<li>${c.n ? html`<strong>${c.n}.</strong> ` : nothing}${scenarioText(c.text, values)}</li>`)}
    </ul>`;
  }

  override render(): TemplateResult {
    const scenario = this.scenario;
    if (!scenario) {
      // A mistyped or removed scenario: say which, and lead to the list of those there are.
      const lang = currentLanguage();
      return html`<div class="problem" role="alert">
        <p>${t(this.scenarioFound ? 'presenter:noTutorial' : 'presenter:unknownScenario', { id: this.scenarioId })}</p>
        <p><a href=${appHref(lang === 'fr' ? 'view=catalogue' : `view=catalogue&lang=${lang}`)}>${t('presenter:toCatalogue')}</a></p>
      </div>`;
    }
    const steps = scenario.tutorial.steps;
    const player = this.player;
    const index = Math.min(player?.stepIndex ?? 0, steps.length - 1);
    const step = steps[index]!;
    const next = steps[index + 1];
    const connected = player !== null;
    return html`
      <header>
        <div>
          <h1>${t('presenter:title')}</h1>
          <p>${t('presenter:scenario', { title: scenarioText(scenario.title, this.values()) })}</p>
        </div>
        <p class="status" role="status">
          ${connected ? t('presenter:connected', { mode: t(`player:modes.${player.mode}`) }) : t('presenter:waiting')}
        </p>
      </header>
      <main class="layout">
        <section class="current" aria-labelledby="current-h">
          <h2 id="current-h">${t('presenter:current')}</h2>
          ${this.renderStep(step, index, steps.length)}
          <h4>${t('presenter:callouts')}</h4>
          ${this.renderCallouts(step)}
        </section>
        <div class="side">
          <section class="notes" aria-labelledby="notes-h">
            <h2 id="notes-h">${t('presenter:notes')}</h2>
            <p>${step.notes ? scenarioText(step.notes, this.values()) : t('presenter:noNotes')}</p>
          </section>
          <section class="upcoming" aria-labelledby="next-h">
            <h2 id="next-h">${t('presenter:upcoming')}</h2>
            ${next ? this.renderStep(next, index + 1, steps.length) : html`<p>${t('presenter:last')}</p>`}
          </section>
          <section class="timer" aria-labelledby="timer-h">
            <h2 id="timer-h">${t('presenter:timer')}</h2>
            <output aria-live="off">${formatElapsed(this.now - this.startedAt)}</output>
            <button type="button" @click=${() => this.resetTimer()}>${t('presenter:reset')}</button>
          </section>
        </div>
      </main>
      <div class="controls" role="group" aria-label=${t('presenter:controls')}>
        <button type="button" ?disabled=${!connected || index === 0} @click=${() => this.send('PREV')}>${t('presenter:previous')}</button>
        <button type="button" class="primary" ?disabled=${!connected || !next} @click=${() => this.send('NEXT')}>${t('presenter:next')}</button>
        <label for="goto">${t('presenter:goto')}</label>
        <select id="goto" .value=${String(this.gotoIndex)} @change=${(e: Event) => (this.gotoIndex = Number((e.target as HTMLSelectElement).value))}>
          ${steps.map((s, i) => html`<option value=${String(i)} ?selected=${i === this.gotoIndex}>${i + 1}. ${this.stepName(s)}</option>`)}
        </select>
        <button type="button" ?disabled=${!connected} @click=${() => this.send('GOTO', this.gotoIndex)}>${t('presenter:gotoButton')}</button>
        <span class="hint">${t('presenter:keysHint')}</span>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-presenter-view': MesPresenterView;
  }
}
