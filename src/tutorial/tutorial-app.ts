import { LitElement, css, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { ActorRefFrom, InspectionEvent, Subscription } from 'xstate';
import type { OppositionProof } from '../api/types';
import { arrowIcon } from '../app/icons';
import type { SimDevices } from '../app/sim-devices';
import { currentLanguage, loadLocales, onLanguageChanged, setLanguage, t, type Language } from '../i18n';
import { draftKey } from '../authoring/draft';
import { DEFAULT_SCENARIO, loadShippedScenario, shippedIssueLines } from '../scenarios/shipped';
import type { PersonaData, Scenario, Step, WorldData } from '../scenarios/schema';
import type { SiteMachine, SiteSnapshot } from '../site/machine';
import type { SiteContext, SiteEvent } from '../site/types';
import type { EvaluationResult, StepRecord } from './evaluation/score';
import { isFullscreen, onFullscreenChange, toggleFullscreen } from './fullscreen';
import { KeyboardController } from './keyboard';
import type { TutorialActor, TutorialContext, TutorialEvent, TutorialScenario, TutorialSnapshot } from './machine';
import { MODES, isFinished, isPerforming, isSiteStep, isWaiting, siteOf, targetOf, type Mode } from './session-view';
import type { MesTutorialOverlay } from './overlay/tutorial-overlay';
import './progress-bar';
import type { MesShortcutsDialog } from './shortcuts-dialog';
// The slides a pas à pas opens with; the notification ones (larger) come with the session (./session-kit).
import './slides/slide-cover';
import './slides/slide-howto';
import './slides/slide-before';
import './slides/slide-section';
import './slides/slide-end';
import { SLIDE_TAGS } from './slides/tags';
import { scenarioText } from './text';
import { MachineInspector, onlineInspectorRequested } from './inspector';
import { connectOnlineInspector, onlineInspectorStatus, type OnlineInspectorConnection, type OnlineInspectorStatus } from './online-inspector';
import { PresenterLink, commandEvent, type PresenterCommandMessage } from './presenter-link';
import type { ScenarioUpdate } from '../scenarios/live';
import { personaValues } from './values';
import { appHref } from '../app/href';

type SessionKit = typeof import('./session-kit');

/** The session's code (./session-kit) and the other bundles of the page's language, loaded once, after the first slide. */
let kitLoading: Promise<SessionKit> | null = null;
function loadKit(): Promise<SessionKit> {
  kitLoading ??= Promise.all([import('./session-kit'), loadLocales(currentLanguage())]).then(([kit]) => kit);
  return kitLoading;
}

/** The next frame, or a timer where no frame comes (a page not shown, whose frames stop). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 100);
    const frame = requestAnimationFrame(done);
  });
}

/**
 * Once every Lit element under `root` (through shadow roots) has rendered what it was asked to: an element's
 * update renders the elements it creates or changes in the microtasks after its own. Microtasks only, a few
 * rounds at most (an element re-rendering itself for ever is not waited for).
 */
async function renderedDeep(root: Element | null): Promise<void> {
  if (!root) return;
  for (let round = 0; round < 5; round += 1) {
    const pending: Array<Promise<unknown>> = [];
    const visit = (el: Element): void => {
      const lit = el as Element & { isUpdatePending?: boolean; updateComplete?: Promise<unknown> };
      if (lit.isUpdatePending && lit.updateComplete) pending.push(lit.updateComplete);
      if (el.shadowRoot) for (const child of el.shadowRoot.children) visit(child);
      for (const child of el.children) visit(child);
    };
    visit(root);
    if (pending.length === 0) return;
    await Promise.all(pending);
  }
}

/** The scenario id shown when none is asked for. */

/** What the bars and a slide need before the session runs: the first slide is shown from this alone. */
type ViewContext = Pick<TutorialContext, 'stepIndex' | 'steps' | 'mode' | 'demo'>;

/** The editor's draft scenario from sessionStorage, checked as a file would be (throws ScenarioError). */
async function readDraft(id: string): Promise<Scenario> {
  const text = sessionStorage.getItem(draftKey(id));
  if (text === null) throw new Error(t('player:noTutorial', { id }));
  // The YAML parser and the checker come only with a draft: shipped scenarios are checked at build time.
  const { parseScenario } = await import('../scenarios/load');
  return parseScenario(text, `${id}.yaml`);
}

// Scenario files saved in the dev server reach the player through ../scenarios/live; accepting the
// update of the shipped scenarios here keeps Vite from reloading the whole page (and losing the session) for it.
if (import.meta.hot) import.meta.hot.accept('../scenarios/shipped', () => undefined);

/**
 * The pas à pas player: the scenario's slides and the simulated site under the overlay, driven by the
 * tutorial machine; the mode switch, the progress bar, fullscreen and the keyboard. Each step has its
 * own address (`?scenario=…&step=…&mode=…`): a reload or a link opens that step, its site rebuilt.
 */
/**
 * Resolves when the page is idle (a frame painted, no input waiting), or after a second at the latest:
 * work done ahead of need waits for it, so that a key pressed meanwhile is handled first.
 */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

/** Room kept between what is brought into view and the bars (or the window's edge): a focus ring's width and more. */
const FOCUS_ROOM = 8;

/** The shortcuts dialog's module, loaded on demand (once). */
let shortcutsDialog: Promise<unknown> | null = null;
const loadShortcutsDialog = (): Promise<unknown> =>
  (shortcutsDialog ??= import('./shortcuts-dialog').catch((error: unknown) => {
    // Asked again next time (a network back, say); meanwhile the dialog simply does not open.
    shortcutsDialog = null;
    console.warn('[player] shortcuts dialog unavailable', error);
  }));

@customElement('mes-tutorial')
export class MesTutorial extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      font-family: 'Open Sans', system-ui;
      color: #495574;
      background: #f9faff;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 8px 12px;
      background: #fff;
      color: #262939;
      border-bottom: 1px solid #d5dcf0;
      font-size: 0.875rem;
      position: sticky;
      top: 0;
      /* Above the overlay (--mes-overlay-z): the tutorial's own controls stay usable in guided mode. */
      z-index: 1100;
    }
    .bar mes-progress-bar {
      flex: 1 1 260px;
      min-width: 200px;
    }
    .bar label {
      font-weight: 600;
    }
    .bar select,
    .bar button {
      font: inherit;
      font-weight: 600;
      color: #0c419a;
      background: #fff;
      border: 2px solid #0c419a;
      border-radius: 999px;
      padding: 6px 14px;
      min-height: 36px;
      cursor: pointer;
    }
    .bar select {
      border-radius: 8px;
    }
    .bar a.catalogue {
      font-weight: 600;
      color: #0c419a;
      border: 2px solid #0c419a;
      border-radius: 999px;
      padding: 6px 14px;
      min-height: 36px;
      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      text-decoration: none;
    }
    /* The arrows of « Précédent » and « Continuer » (src/app/icons.ts). */
    button .arrow {
      width: 1em;
      height: 1em;
      vertical-align: -0.15em;
    }
    button .arrow:first-child {
      margin-inline-end: 0.35em;
    }
    button .arrow:last-child {
      margin-inline-start: 0.35em;
    }
    .bar button[aria-pressed='true'] {
      background: #e7ecfa;
    }
    .bar :focus-visible,
    .panel :focus-visible,
    .slide :focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
    .group {
      display: flex;
      align-items: center;
      gap: 6px;
      flex-wrap: wrap;
    }
    .stage {
      flex: 1;
      display: flex;
      flex-direction: column;
      position: relative;
    }
    .slide {
      flex: 1;
      cursor: pointer;
    }
    .site[inert] {
      user-select: none;
    }
    .panel {
      background: #fff;
      border-top: 1px solid #e7ecfa;
      padding: 12px 16px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      justify-content: space-between;
      position: sticky;
      bottom: 0;
      z-index: 1100;
      box-shadow: 0 -4px 16px rgba(12, 65, 154, 0.08);
    }
    .panel h2 {
      font-size: 1rem;
      margin: 0;
      color: #262939;
    }
    .panel p {
      margin: 0;
    }
    .task {
      font-weight: 600;
      color: #0c419a;
    }
    .panel button {
      font: inherit;
      font-weight: 700;
      border-radius: 999px;
      padding: 8px 18px;
      min-height: 40px;
      border: 2px solid #0c419a;
      background: #fff;
      color: #0c419a;
      cursor: pointer;
    }
    .panel button.primary {
      background: #0c419a;
      color: #fff;
    }
    .problem,
    .issues {
      margin: 12px;
      padding: 12px 16px;
      border-left: 4px solid #b3303f;
      background: #fdf1f2;
      color: #262939;
      white-space: pre-wrap;
    }
    .issues {
      font-family: ui-monospace, monospace;
    }
    .bar mes-notice {
      flex: 1 0 100%;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    /* The statecharts panel's button is for trainers and developers: seen only when tabbed to. */
    .bar .reveal-on-focus:not(:focus) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      padding: 0;
      border: 0;
    }
    .inspector {
      position: fixed;
      left: 12px;
      bottom: 12px;
      width: min(440px, calc(100vw - 24px));
      z-index: 1200;
    }
    /* On a phone, or where the bar would take too much of a short window (a laptop at 200 % zoom), it
       scrolls with the page: the site keeps most of the height. */
    :host([bar-scrolls]) .bar {
      position: static;
    }
    @media (max-width: 600px) {
      .bar {
        position: static;
      }
    }
  `;

  @state() private snapshot: TutorialSnapshot | null = null;
  @state() private site: SiteSnapshot | null = null;
  @state() private ready = false;
  @state() private bootError: string | null = null;
  @state() private issues: string[] = [];
  /** What the address asked for and could not be had (a scenario, step, mode or view unknown): said above the stage. */
  @state() private notices: Array<{ key: string; values: Record<string, string> }> = [];
  @state() private fullscreen = false;
  @state() private documentsOpen = false;
  @query('mes-tutorial-overlay') private overlay!: MesTutorialOverlay | null;
  @query('mes-shortcuts-dialog') private shortcutsDialog!: MesShortcutsDialog | null;
  @query('sim-devices') private devices!: SimDevices | null;

  private readonly keyboard = new KeyboardController(this);
  private actor: TutorialActor | null = null;
  private actorSub: Subscription | null = null;
  private siteRef: ActorRefFrom<SiteMachine> | null = null;
  private siteSub: Subscription | null = null;
  private scenario: TutorialScenario | null = null;
  private persona: PersonaData | null = null;
  private seed: number | null = null;
  private lastStepKey = '';
  /** Heights of the sticky bars, which the overlay's callouts keep clear of. */
  @state() private barHeights = { top: 0, bottom: 0 };
  private readonly barObserver = new ResizeObserver(() => this.measureBars());
  /**
   * The bars observed: each is observed once. Observing one again (at every update) reports its size
   * again after the next layout, and the style property set then had the whole player styled and painted
   * anew: a second frame right after each step's, whose commit waited for the raster of the first.
   */
  private observedBars = new Set<Element>();
  private cleanups: Array<() => void> = [];
  /** The trainer's presenter view, in another window, follows and drives the player. */
  private presenter: PresenterLink | null = null;
  /** The statecharts panel (key I): the machines' states and last events, collected offline. */
  private readonly inspector = new MachineInspector();
  @state() private inspectorOpen = onlineInspectorRequested();
  /** Stately's online inspector (`?inspect`): offered in the panel, opened on the trainer's click. */
  @state() private onlineStatus: OnlineInspectorStatus | null = onlineInspectorStatus(onlineInspectorRequested());
  private onlineConnection: OnlineInspectorConnection | null = null;
  private readonly networkChanged = (): void => {
    if (this.onlineStatus === 'available' || this.onlineStatus === 'offline') this.onlineStatus = onlineInspectorStatus(true);
  };
  /** A hook for another inspector (e.g. Stately's, on a developer's machine); the panel's always runs. */
  inspect: ((event: InspectionEvent) => void) | null = null;
  /** The checker's messages on a scenario saved with errors (dev server): the old version keeps running. */
  @state() private liveIssues: string[] = [];
  /** The first slide, shown before the session's code is loaded (null once the session runs). */
  @state() private preview: ViewContext | null = null;
  /** The session's code, once loaded. */
  private kit: SessionKit | null = null;
  /**
   * What the trainee asked for on the first step shown before the session ran (next, or a journey of
   * « Fin de parcours »): done as soon as the session waits for them.
   */
  private pendingEvents: TutorialEvent[] = [];
  /** The session has not waited for the trainee yet (it starts on the slide already shown). */
  private firstWait = true;

  override connectedCallback(): void {
    super.connectedCallback();
    this.cleanups.push(onLanguageChanged(() => this.requestUpdate()));
    this.cleanups.push(onFullscreenChange((on) => (this.fullscreen = on)));
    this.registerKeys();
    this.presenter = new PresenterLink({ onCommand: (m) => this.obeyPresenter(m), onHello: () => this.postPresenterState(true) });
    this.cleanups.push(() => this.presenter?.close());
    // The address of the step shown is written when the page is left, if it was not yet (see syncUrl).
    window.addEventListener('pagehide', this.writeUrl);
    this.cleanups.push(() => window.removeEventListener('pagehide', this.writeUrl));
    // A window made shorter (or zoomed) may leave the bars their width: they are measured again.
    const resized = (): void => this.measureBars();
    window.addEventListener('resize', resized);
    this.cleanups.push(() => window.removeEventListener('resize', resized));
    this.cleanups.push(() => {
      document.documentElement.style.removeProperty('scroll-padding-top');
      document.documentElement.style.removeProperty('scroll-padding-bottom');
    });
    if (import.meta.hot) {
      let live: (() => void) | null = null;
      let gone = false;
      void import('../scenarios/live').then(({ onScenarioUpdate }) => {
        if (!gone) live = onScenarioUpdate((updates) => void this.reloadScenario(updates));
      });
      this.cleanups.push(() => {
        gone = true;
        live?.();
      });
    }
    if (this.onlineStatus) {
      window.addEventListener('online', this.networkChanged);
      window.addEventListener('offline', this.networkChanged);
      this.cleanups.push(() => {
        window.removeEventListener('online', this.networkChanged);
        window.removeEventListener('offline', this.networkChanged);
        this.onlineConnection?.stop();
      });
    }
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.writeUrl();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.barObserver.disconnect();
    this.observedBars.clear();
    this.stopActor();
  }

  // ---------------------------------------------------------------------------------------------
  // Boot

  private async boot(): Promise<void> {
    try {
      const params = new URLSearchParams(location.search);
      this.issues = [...shippedIssueLines];
      // An empty part of the address (`?scenario=&step=`, a link's template left blank) counts as absent.
      const wanted = params.get('scenario') || DEFAULT_SCENARIO;
      // A draft of the editor (?view=auteur) replaces the shipped scenario; the checker's messages stop here.
      const draft = params.get('draft') === '1' ? await readDraft(wanted) : null;
      const found = draft ?? (await loadShippedScenario(wanted));
      const scenario = found ?? (await loadShippedScenario(DEFAULT_SCENARIO));
      if (!scenario?.tutorial) throw new Error(t('player:noTutorial', { id: wanted }));
      this.scenario = scenario as TutorialScenario;
      const modeParam = params.get('mode') || null;
      const mode = (MODES as readonly string[]).includes(modeParam ?? '') ? (modeParam as Mode) : 'guided';
      const stepId = params.get('step') || null;
      const steps = this.scenario.tutorial.steps;
      const stepIndex = Math.max(0, steps.findIndex((s) => s.id === stepId));
      const lang = params.get('lang');
      if (lang === 'fr' || lang === 'en') await setLanguage(lang);
      // An address with a mistyped part still opens the pas à pas, and says what it did instead.
      const view = params.get('view') || null;
      this.notices = [
        ...(view !== null ? [{ key: 'player:unknownView', values: { view } }] : []),
        ...(!found ? [{ key: 'player:unknownScenario', values: { id: wanted } }] : []),
        ...(found && stepId !== null && !steps.some((s) => s.id === stepId) ? [{ key: 'player:unknownStep', values: { id: stepId } }] : []),
        ...(modeParam !== null && mode !== modeParam ? [{ key: 'player:unknownMode', values: { mode: modeParam } }] : []),
      ];
      // Its element only where there is one: the first slide's scripts do not carry it.
      if (this.notices.length > 0) void import('../app/notice').catch(() => undefined);
      // A slide needs neither the site nor the statecharts: show it at once, then load the rest.
      const slide = steps[stepIndex]?.slide;
      if (slide && customElements.get(SLIDE_TAGS[slide]) && mode !== 'evaluation') {
        this.persona = this.worldFor(this.scenario, null).persona;
        this.preview = { stepIndex, steps, mode, demo: { paused: false, speed: 1 } };
        this.syncUrl(this.preview);
        await this.updateComplete;
        await this.markFirstStepReady();
      }
      const kit = await loadKit();
      this.kit = kit;
      const seedParam = Number(params.get('seed'));
      this.seed = mode === 'evaluation' ? (Number.isFinite(seedParam) && seedParam > 0 ? seedParam : kit.randomSeed()) : null;
      await this.startTutorial(mode, stepIndex);
      // Then the steps ahead are drawn once out of sight, when the page is idle (see drawAhead): the session
      // is ready for a key first.
      this.drawAhead();
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
      // A prerendered first slide (src/boot/takeover.ts) gives way to the message.
      this.dispatchEvent(new CustomEvent('mes-boot-failed'));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing ahead

  /**
   * What this page has drawn once, ahead or shown: slides by their step's id, site screens by their id. The
   * first time a slide is drawn in a page costs several times what it costs afterwards (Lit preparing its
   * templates, its style sheets, the faces of its fonts loaded and its words shaped: 50 to 150 ms for a
   * notification slide, 10 to 20 ms the next time), and so does each screen of the site (some 10 to 30 ms
   * more than afterwards); that time would fall between the trainee's key and the step shown.
   */
  private readonly drawn = new Set<string>();
  private aheadScheduled = false;
  /** The site's first snapshot, to draw its screens ahead with while no journey runs. */
  private firstSite: SiteSnapshot | null = null;

  /**
   * Draws ahead, out of sight, the steps of the scenario this page has not drawn yet (a slide, or a screen of
   * the site), the nearest after the one shown first, then drops them: one at a time, each once the page is
   * idle, until every step has been drawn once before it comes (`data-drawn-ahead` on the element then).
   * As reveal.js lays out its whole deck when it starts, but a piece at a time, and never while a key
   * waits: a key pressed during one drawing (5 to 40 ms) waits for that one only.
   */
  private drawAhead(): void {
    if (this.aheadScheduled) return;
    this.aheadScheduled = true;
    void whenIdle().then(async () => {
      this.aheadScheduled = false;
      if (!this.isConnected || !this.kit) return;
      // A key waits, or the site is being rebuilt: the step that comes will draw ahead again.
      if (this.pendingEvents.length > 0 || this.rebuildingSite()) return;
      // The step's address (and the presenter view) waits to be written once idle: it goes first.
      if (this.urlFrame || this.urlIdle || this.urlTimer !== undefined) {
        this.drawAhead();
        return;
      }
      const next = this.nextToDraw();
      if (!next) {
        this.toggleAttribute('data-drawn-ahead', true);
        return;
      }
      this.drawn.add(next.key);
      try {
        await (next.step.slide ? this.drawSlideAhead(next.step) : this.drawScreenAhead(this.kit, next.step));
      } catch {
        // Only a head start: the step is drawn anyway when it comes.
      }
      this.drawAhead();
    });
  }

  /** What a step draws for the first time in a page: its slide, or its screen of the site. */
  private static drawKey(step: Step): string {
    return step.slide ? `slide:${step.id}` : `screen:${step.screen ?? ''}`;
  }

  /** The nearest step after the one shown (then before it) whose drawing this page has not done yet. */
  private nextToDraw(): { key: string; step: Step } | null {
    const view = this.snapshot?.context ?? this.preview;
    if (!view) return null;
    const steps = view.steps;
    for (let k = 1; k < steps.length; k++) {
      const step = steps[(view.stepIndex + k) % steps.length]!;
      const key = MesTutorial.drawKey(step);
      if (this.drawn.has(key)) continue;
      if (!step.slide || customElements.get(SLIDE_TAGS[step.slide])) return { key, step };
    }
    return null;
  }

  /** The step shown is drawn: no need to draw it ahead. */
  private markDrawn(view: ViewContext): void {
    const step = view.steps[view.stepIndex];
    if (step) this.drawn.add(MesTutorial.drawKey(step));
  }

  /**
   * Draws the recreated site once, out of sight, on the screen of a step (its first screen if the step names
   * none it knows), with the context of the journey under way or, before any, the site's first context; its
   * errors and notices left out, so that nothing in it asks for the focus or announces.
   */
  private async drawScreenAhead(kit: SessionKit, step: Step): Promise<void> {
    const first = (this.firstSite ??= this.firstSiteSnapshot(kit));
    const shown: SiteContext = { ...(this.site ?? first).context, fieldErrors: {}, formError: null, notice: null, busy: false };
    const screen = kit.SCREEN_IDS.find((id) => id === step.screen) ?? kit.screenOf(first);
    await this.drawOutOfSight(html`<div class="site"><mes-site-frame>${kit.renderScreen(screen, shown)}</mes-site-frame></div>`, '[data-screen]');
  }

  /** The site machine's first snapshot, not started: nothing is asked of the backend. */
  private firstSiteSnapshot(kit: SessionKit): SiteSnapshot {
    const machine = kit.createSiteMachine({ api: kit.api, deliverProof: () => undefined });
    const ruleSet = this.scenario?.world.ruleSet;
    return kit.createActor(machine, { input: ruleSet ? { ruleSet } : {} }).getSnapshot() as SiteSnapshot;
  }

  /** Draws a slide once, out of sight. */
  private async drawSlideAhead(step: Step): Promise<void> {
    await this.drawOutOfSight(this.renderSlide(step), '.slide > *');
  }

  /**
   * Draws `content` in a closed shadow root out of sight (hidden from assistive technologies, out of the tab
   * order), waits for its element `drawn` to render, lays it out, then drops it.
   */
  private async drawOutOfSight(content: TemplateResult, drawn: string): Promise<void> {
    const host = this.warmHost();
    const root = host.attachShadow({ mode: 'closed' });
    document.body.append(host);
    try {
      render(content, root);
      await root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(drawn)?.updateComplete;
      await this.layOut(host);
    } finally {
      render(nothing, root);
      host.remove();
    }
  }

  /** Lays `host` out, its text shaped with its fonts (again once a face it asked for has loaded). */
  private async layOut(host: HTMLElement): Promise<void> {
    void host.offsetHeight;
    await document.fonts.ready;
    void host.offsetHeight;
  }

  /** An element out of sight, hidden from assistive technologies and out of the tab order, to draw ahead in. */
  private warmHost(): HTMLElement {
    const host = document.createElement('div');
    host.setAttribute('aria-hidden', 'true');
    host.inert = true;
    host.style.cssText = 'position:fixed;top:0;left:-200vw;width:100vw;visibility:hidden;pointer-events:none;contain:layout paint style';
    return host;
  }

  /** The world of the scenario, with the tutorial's persona drawn at random for an evaluation. */
  private worldFor(scenario: TutorialScenario, seed: number | null): { world: WorldData; persona: PersonaData } {
    const base = scenario.world.personas.find((p) => p.id === scenario.tutorial.persona) ?? scenario.world.personas[0]!;
    const persona = seed === null || !this.kit ? base : this.kit.randomizePersona(base, seed, scenario.world.today ? { today: scenario.world.today } : {});
    const world: WorldData = { ...scenario.world, personas: scenario.world.personas.map((p) => (p.id === base.id ? persona : p)) };
    return { world, persona };
  }

  /** Opens Stately's inspector, then restarts at the same step so that it sees the machines from their start. */
  private async connectOnline(): Promise<void> {
    this.onlineStatus = 'connecting';
    try {
      const connection = await connectOnlineInspector();
      this.onlineConnection?.stop();
      this.onlineConnection = connection;
      this.inspect = connection.inspect;
      this.onlineStatus = 'connected';
      const snap = this.snapshot;
      if (snap) await this.startTutorial(snap.context.mode, snap.context.stepIndex);
    } catch {
      this.onlineStatus = 'failed';
    }
  }

  private async startTutorial(mode: Mode, stepIndex: number): Promise<void> {
    const scenario = this.scenario;
    const kit = this.kit;
    if (!scenario || !kit) return;
    const { world, persona } = this.worldFor(scenario, mode === 'evaluation' ? this.seed : null);
    this.persona = persona;
    await kit.bootBackend(world, this.refreshInbox);
    this.ready = true;
    this.stopActor();
    const site = kit.createSiteMachine({ api: kit.api, deliverProof: (proof) => void this.deliverProof(proof) });
    const machine = kit.createTutorialMachine({ site, backend: kit.api });
    this.inspector.reset();
    const actor = kit.createActor(machine, {
      input: { scenario, persona, mode, stepIndex },
      inspect: (event) => {
        this.inspector.inspect(event);
        this.inspect?.(event);
      },
    });
    this.actorSub = actor.subscribe({
      next: (snapshot) => this.handleSnapshot(snapshot),
      error: (error) => {
        this.bootError = error instanceof Error ? error.message : String(error);
      },
    });
    this.actor = actor;
    actor.start();
    if (!this.preview) await this.markFirstStepReady();
  }

  /**
   * The first step is on screen (painted, its fonts loaded): `data-ready` on the element and a
   * `mes-first-step-ready` event, once per page. What the performance benchmark and the size test wait for.
   */
  private async markFirstStepReady(): Promise<void> {
    if (this.hasAttribute('data-ready')) return;
    await this.updateComplete;
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    if (this.hasAttribute('data-ready')) return;
    this.setAttribute('data-ready', '');
    // The prerendered first slide (src/boot/first-slide.ts) may have been ready before: its mark stands;
    // `mes-player-ready` says when the player itself is (the size budget counts the scripts until then).
    if (!performance.getEntriesByName('mes-first-step-ready').length) performance.mark('mes-first-step-ready');
    performance.mark('mes-player-ready');
    // Later, while the first slide is read.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadShortcutsDialog());
    else setTimeout(() => void loadShortcutsDialog(), 0);
    this.dispatchEvent(new CustomEvent('mes-first-step-ready', { bubbles: true, composed: true }));
  }

  private stopActor(): void {
    this.actorSub?.unsubscribe();
    this.siteSub?.unsubscribe();
    this.actor?.stop();
    this.actor = null;
    this.siteRef = null;
  }

  private handleSnapshot(snapshot: TutorialSnapshot): void {
    this.snapshot = snapshot;
    for (const waiter of this.snapshotWaiters.splice(0)) waiter();
    this.preview = null;
    if (isWaiting(snapshot)) {
      this.firstWait = false;
      const pending = this.pendingEvents.shift();
      if (pending) queueMicrotask(() => this.sendWhenWaiting(pending));
    }
    const ref = siteOf(snapshot) ?? null;
    if (ref !== this.siteRef) {
      this.siteSub?.unsubscribe();
      this.siteRef = ref;
      this.site = ref?.getSnapshot() ?? null;
      this.siteSub = ref?.subscribe((s) => this.siteChanged(s)) ?? null;
    } else if (ref && !this.rebuildingSite()) {
      this.site = ref.getSnapshot();
    }
    this.markDrawn(snapshot.context);
    this.drawAhead();
    // The presenter view hears of the step with the address, once the step is painted: a post on the
    // channel usually takes a fraction of a millisecond, but now and then 2 to 10 ms, in the step's task.
    this.presenterDue = true;
    this.syncUrl(snapshot.context);
  }

  /**
   * While the session rebuilds the site state of a step (`preparing`: the world back to its start, then the
   * journey's setup and the steps before it, played at once), the screens it passes through are not drawn:
   * the stage keeps what it showed (it is busy meanwhile) and draws the step's screen once, when it is
   * reached. Drawing each of those screens, to take it away in the same instant, was most of the time a
   * journey's first step took to appear.
   */
  private rebuildingSite(): boolean {
    return this.snapshot?.matches({ session: 'preparing' }) ?? false;
  }

  private siteChanged(site: SiteSnapshot): void {
    if (!this.rebuildingSite()) this.site = site;
  }

  /**
   * While the session plays a guided step's action on the site, this update waits for the session's next
   * snapshot (the step after, once the site has answered), or for the next task, whichever comes first, and
   * draws them once. The site answers in the microtasks of the key's task as a rule (its backend is in the
   * page): drawn at once, the player and the overlay were updated for moments no one sees (the site busy,
   * then its new screen, under the step before), then again for the step after. An answer that takes longer
   * (a slow or failing network) has the site's state drawn from the next task on, as before. Not in
   * demonstration mode, whose typing is drawn key by key.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const snap = this.snapshot;
    if (!snap || snap.context.mode !== 'guided' || !isPerforming(snap)) return super.scheduleUpdate();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, 0);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.snapshotWaiters.push(done);
    }).then(() => super.scheduleUpdate());
  }

  /** Updates waiting for the session's next snapshot (see scheduleUpdate). */
  private snapshotWaiters: Array<() => void> = [];

  /**
   * The mailbox and phone read their messages again after a change in the simulated world: once for all the
   * changes of one task (a step's setup makes several), not once each; and once the frame that draws the
   * change is painted (a task posted from it runs then), or after a timer where no frame comes. Read in a
   * task of its own right after the click's, the inbox (a request, then the panel's update) came before the
   * frame that draws the step.
   */
  private inboxDue = false;
  private readonly refreshInbox = (): void => {
    if (this.inboxDue) return;
    this.inboxDue = true;
    const read = (): void => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      if (!this.inboxDue) return;
      this.inboxDue = false;
      void this.devices?.refresh();
    };
    const fallback = setTimeout(read, 100);
    const frame = requestAnimationFrame(() => setTimeout(read, 0));
  };

  // ---------------------------------------------------------------------------------------------
  // Presenter view, live reload

  /** The step changed since the presenter view was last told (see handleSnapshot). */
  private presenterDue = false;

  private postPresenterState(force = false): void {
    const snap = this.snapshot;
    if (!snap || !this.scenario) return;
    this.presenter?.postState({ scenario: this.scenario.id, stepIndex: snap.context.stepIndex, mode: snap.context.mode }, force);
  }

  private obeyPresenter(message: PresenterCommandMessage): void {
    const snap = this.snapshot;
    if (!snap) return;
    const step = snap.context.steps[snap.context.stepIndex];
    const event = commandEvent(message, { mode: snap.context.mode, waiting: isWaiting(snap), hasZone: Boolean(step && isSiteStep(step) && step.target) });
    if (event) this.actor?.send(event);
  }

  private openPresenter(): void {
    const params = new URLSearchParams({ view: 'presenter', scenario: this.scenario?.id ?? DEFAULT_SCENARIO, lang: currentLanguage() });
    const win = window.open(`${location.pathname}?${params.toString()}`, 'mes-presenter');
    if (!win) this.bootError = t('player:presenterPopupBlocked');
  }

  /** A scenario file saved in the dev server: the new version at the same step, or its errors shown. */
  private async reloadScenario(updates: ScenarioUpdate[]): Promise<void> {
    const current = this.scenario;
    const snap = this.snapshot;
    if (!current || !snap) return;
    const update = updates.find((u) => u.previousId === current.id || u.scenario?.id === current.id);
    if (!update) return;
    if (!update.scenario?.tutorial) {
      const { formatIssue } = await import('../scenarios/load');
      this.liveIssues = update.issues.length ? update.issues.map(formatIssue) : [t('player:noTutorial', { id: current.id })];
      return;
    }
    this.liveIssues = [];
    const stepId = snap.context.steps[snap.context.stepIndex]?.id;
    const steps = update.scenario.tutorial.steps;
    const index = steps.findIndex((s) => s.id === stepId);
    this.scenario = update.scenario as TutorialScenario;
    await this.startTutorial(snap.context.mode, index >= 0 ? index : Math.min(snap.context.stepIndex, steps.length - 1));
  }

  private async deliverProof(proof: OppositionProof): Promise<void> {
    try {
      const { downloadOppositionProof } = await import('../documents/opposition-proof');
      await downloadOppositionProof(proof, {});
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
      // A prerendered first slide (src/boot/takeover.ts) gives way to the message.
      this.dispatchEvent(new CustomEvent('mes-boot-failed'));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Address of the step

  /** The address of the step shown, not written yet (see syncUrl). */
  private pendingSearch: string | null = null;
  private urlFrame = 0;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private urlIdle = 0;

  /**
   * The address follows the step shown (`?scenario=…&step=…&mode=…`), written once the frame that draws
   * the step is painted and the page is idle, rather than in the task that changes it:
   * `history.replaceState` is a synchronous round trip to the browser process (1 to 60 ms on a busy
   * machine) and recalculates the page's style, and the trainee's next press comes before it. Written at
   * the latest half a second after that frame, and at once when the page is left (pagehide, see
   * connectedCallback) or this element removed. The step shown is also on the stage (`data-step`), at once.
   */
  private syncUrl(view: ViewContext): void {
    const step = view.steps[view.stepIndex];
    if (step && this.scenario) {
      const params = new URLSearchParams(location.search);
      params.set('scenario', this.scenario.id);
      params.set('step', step.id);
      params.set('mode', view.mode);
      if (view.mode === 'evaluation' && this.seed !== null) params.set('seed', String(this.seed));
      else params.delete('seed');
      this.pendingSearch = `?${params.toString()}`;
    }
    if (this.urlFrame || this.urlTimer !== undefined || this.urlIdle) return;
    // After the next frame, or after a timer where no frame comes (a page not shown); then once idle.
    const later = (): void => {
      cancelAnimationFrame(this.urlFrame);
      clearTimeout(this.urlTimer);
      this.urlFrame = 0;
      this.urlTimer = undefined;
      if (typeof requestIdleCallback === 'function') this.urlIdle = requestIdleCallback(() => this.writeUrl(), { timeout: 500 });
      else this.urlTimer = setTimeout(() => this.writeUrl(), 0);
    };
    this.urlFrame = requestAnimationFrame(later);
    this.urlTimer = setTimeout(later, 100);
  }

  /** Writes the address of the step shown now, if it changed, and tells the presenter view. */
  private readonly writeUrl = (): void => {
    cancelAnimationFrame(this.urlFrame);
    clearTimeout(this.urlTimer);
    if (this.urlIdle) cancelIdleCallback(this.urlIdle);
    this.urlFrame = 0;
    this.urlTimer = undefined;
    this.urlIdle = 0;
    const search = this.pendingSearch;
    this.pendingSearch = null;
    if (search !== null && search !== location.search) history.replaceState(null, '', search);
    if (this.presenterDue) {
      this.presenterDue = false;
      this.postPresenterState();
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Keyboard

  private registerKeys(): void {
    const nav = 'tutorial:groups.navigation';
    const display = 'tutorial:groups.display';
    this.keyboard.register({ keys: ['ArrowRight', ' ', 'PageDown'], labelKey: 'tutorial:keys.next', group: nav, handler: () => this.next() });
    this.keyboard.register({ keys: ['ArrowLeft', 'PageUp'], labelKey: 'tutorial:keys.previous', group: nav, handler: () => this.prev() });
    this.keyboard.register({ keys: ['f'], labelKey: 'tutorial:keys.fullscreen', group: display, handler: () => void this.handleFullscreen() });
    this.keyboard.register({ keys: ['h'], labelKey: 'player:keys.hint', group: nav, handler: () => this.actor?.send({ type: 'HINT' }) });
    this.keyboard.register({ keys: ['p'], labelKey: 'player:keys.pause', group: display, handler: () => this.togglePause() });
    this.keyboard.register({ keys: ['?'], labelKey: 'tutorial:keys.help', group: display, handler: () => void this.openShortcuts() });
    this.keyboard.register({ keys: ['i'], labelKey: 'player:inspectorKey', group: display, handler: () => (this.inspectorOpen = !this.inspectorOpen) });
  }

  private next(): void {
    this.sendWhenWaiting({ type: 'NEXT' });
  }

  /** A journey of « Fin de parcours »: the machine takes it in any state, once it runs. */
  private chooseJourney(journey: string): void {
    if (this.actor) this.actor.send({ type: 'JOURNEY', journey });
    else this.sendWhenWaiting({ type: 'JOURNEY', journey });
  }

  /** Sends a trainee's request; on the first step, shown before the session runs, keeps it until it waits. */
  private sendWhenWaiting(event: TutorialEvent): void {
    const snap = this.snapshot;
    if (!snap || !isWaiting(snap)) {
      if (this.firstWait && (this.preview || snap)) this.pendingEvents.push(event);
      return;
    }
    this.actor?.send(event);
  }

  private prev(): void {
    this.actor?.send({ type: 'PREV' });
  }

  private togglePause(): void {
    const snap = this.snapshot;
    if (!snap || snap.context.mode !== 'demo') return;
    this.actor?.send({ type: snap.context.demo.paused ? 'RESUME' : 'PAUSE' });
  }

  /**
   * The shortcuts dialog's module is not part of the first slide's: it is fetched once the player is ready
   * (see loadShortcutsDialog), or when the dialog is first asked for; its element in the page is upgraded then.
   */
  private async openShortcuts(): Promise<void> {
    await loadShortcutsDialog();
    const dialog = this.shortcutsDialog;
    if (!dialog) return;
    dialog.shortcuts = this.keyboard.shortcuts();
    await dialog.show();
  }

  private async handleFullscreen(): Promise<void> {
    await toggleFullscreen(document.documentElement);
    this.fullscreen = isFullscreen();
  }

  // ---------------------------------------------------------------------------------------------
  // Events from the stage

  private readonly handleIntent = (event: CustomEvent<SiteEvent>): void => {
    event.stopPropagation();
    const snap = this.snapshot;
    if (!snap) return;
    const mode = snap.context.mode;
    if (mode === 'practice' || mode === 'evaluation') this.actor?.send({ type: 'INTENT', event: event.detail });
  };

  private readonly handleSlideClick = (event: MouseEvent): void => {
    // Buttons and links of a slide (a download, the end menu) do their own thing.
    const interactive = event.composedPath().some((n) => n instanceof HTMLElement && /^(BUTTON|A|INPUT|SELECT|TEXTAREA|LABEL|SUMMARY)$/.test(n.tagName));
    if (!interactive) this.next();
  };

  private handleMode(event: Event): void {
    const mode = (event.target as HTMLSelectElement).value as Mode;
    if (this.actor) this.actor.send({ type: 'SET_MODE', mode });
    else this.sendWhenWaiting({ type: 'SET_MODE', mode });
  }

  private async handleLanguage(lang: Language): Promise<void> {
    await setLanguage(lang);
    document.documentElement.lang = lang;
  }

  private async handleCertificate(event: CustomEvent<{ name: string }>): Promise<void> {
    const result = this.result();
    if (!result) return;
    try {
      const { downloadCertificate } = await import('../documents/certificate');
      await downloadCertificate({
        name: event.detail.name,
        scenarioTitle: result.scenarioTitle,
        score: result.score,
        passed: result.passed,
        totalMs: result.totalMs,
        date: new Date(result.finishedAt),
      });
    } catch (error) {
      this.bootError = error instanceof Error ? error.message : String(error);
      // A prerendered first slide (src/boot/takeover.ts) gives way to the message.
      this.dispatchEvent(new CustomEvent('mes-boot-failed'));
    }
  }

  private async restartEvaluation(): Promise<void> {
    if (!this.kit) return;
    this.seed = this.kit.randomSeed();
    const start = this.scenario?.tutorial.steps.findIndex((s) => isSiteStep(s)) ?? 0;
    await this.startTutorial('evaluation', Math.max(0, start));
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private values(): Record<string, string> {
    if (!this.persona) return {};
    // Read several times by each render: worked out once per persona.
    if (this.valuesOf?.persona !== this.persona) this.valuesOf = { persona: this.persona, values: personaValues(this.persona) };
    return this.valuesOf.values;
  }

  private valuesOf: { persona: PersonaData; values: Record<string, string> } | null = null;

  private result(): EvaluationResult | null {
    const snap = this.snapshot;
    const scenario = this.scenario;
    if (!snap || !scenario || !isFinished(snap) || snap.context.mode !== 'evaluation') return null;
    const records: StepRecord[] = snap.context.steps.flatMap((step, i) => {
      const stats = snap.context.stats[i]!;
      if (!isSiteStep(step) || !stats.visited) return [];
      return [
        {
          stepId: step.id,
          title: this.stepTitle(step),
          journey: scenarioText(scenario.tutorial.journeys.find((j) => j.id === step.journey)?.title),
          wrongClicks: stats.wrongClicks,
          refusedSubmissions: stats.refusedSubmissions,
          hintsUsed: stats.hintsUsed,
          durationMs: stats.durationMs,
        },
      ];
    });
    if (!this.kit) return null;
    return this.kit.computeResult(scenario.id, scenarioText(scenario.title), records, new Date());
  }

  /** What the step asks, in a few words: the callout on its target, or its first numbered one. */
  private stepTitle(step: Step): string {
    const values = this.values();
    const target = step.target ? scenarioText(step.target, values) : null;
    const own =
      step.callouts.find((c) => c.target !== undefined && target !== null && scenarioText(c.target, values) === target) ??
      step.callouts.find((c) => c.kind === 'step') ??
      step.callouts[0];
    return scenarioText(own?.text ?? step.title ?? step.id, values);
  }

  private measureBars(): void {
    const top = this.renderRoot.querySelector<HTMLElement>('.bar')?.offsetHeight ?? 0;
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    // The top bar stays in sight on wide screens, unless it would take more than a fifth of the window's
    // height (it wraps onto several lines at 200 % zoom); on a phone it scrolls with the page. The step's
    // panel stays at the bottom.
    const scrolls = !window.matchMedia('(min-width: 601px)').matches || top > window.innerHeight / 5;
    if (scrolls !== this.hasAttribute('bar-scrolls')) this.toggleAttribute('bar-scrolls', scrolls);
    const next = { top: scrolls ? 0 : top, bottom: panel?.offsetHeight ?? 0 };
    if (next.top !== this.barHeights.top || next.bottom !== this.barHeights.bottom) this.barHeights = next;
    // What the browser brings into view (the element focused by Tab, a field with an error) stops short of
    // the bars, its focus ring with it, instead of going under them.
    const root = document.documentElement.style;
    const padTop = `${next.top + FOCUS_ROOM}px`;
    const padBottom = `${next.bottom + FOCUS_ROOM}px`;
    if (root.scrollPaddingTop !== padTop) root.scrollPaddingTop = padTop;
    if (root.scrollPaddingBottom !== padBottom) root.scrollPaddingBottom = padBottom;
    this.placeSidePanels();
  }

  /**
   * The side panels (documents, mailbox and phone) stop above the step's panel: their end stays in sight
   * and « Continuer » stays usable while a value is copied from them. Set on each panel itself (see
   * TabbedSidePanel.bottomInset), not as a custom property, on this element or theirs: that had every
   * element under it styled again (a hundred, in the task of a step whose panel changed height).
   */
  private placeSidePanels(): void {
    const bottom = String(this.barHeights.bottom);
    for (const panel of this.renderRoot.querySelectorAll('sim-devices, mes-documents-panel')) {
      if (panel.getAttribute('bottom-inset') !== bottom) panel.setAttribute('bottom-inset', bottom);
    }
  }

  /** Observes the bars shown, once each, and no longer those taken away. */
  private observeBars(): void {
    const bars = new Set(this.renderRoot.querySelectorAll('.bar, .panel'));
    let removed = false;
    for (const el of this.observedBars) {
      if (bars.has(el)) continue;
      this.barObserver.unobserve(el);
      this.observedBars.delete(el);
      removed = true;
    }
    // A bar taken away (the step's panel under a result) is not reported by the observer; one added is.
    if (removed) this.measureBars();
    for (const el of bars) {
      if (this.observedBars.has(el)) continue;
      this.observedBars.add(el);
      this.barObserver.observe(el);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The statechart panel's element is fetched the first time the panel opens (what it shows is
    // collected from the start): the first slide does not wait for it.
    if (this.inspectorOpen) void import('./inspector-panel');
    this.observeBars();
    // A side panel drawn by this update (the documents, on leaving guided mode) is placed at once.
    this.placeSidePanels();
    const snap = this.snapshot;
    const view = snap?.context ?? this.preview;
    if (!view || (snap && !isWaiting(snap))) return;
    const key = `${view.stepIndex}:${view.mode}`;
    if (key === this.lastStepKey) return;
    this.lastStepKey = key;
    void this.focusStep(view, snap, key);
  }

  /**
   * Keyboard users land on what the step asks: the zone in guided mode, else the title. In the task that
   * changed the step, once its screen is rendered (this update's microtasks), when its target is there:
   * the page is laid out there, the overlay measures the target and draws the zone, the spotlight and the
   * callouts, and the focus moves, all before the frame. That task ends before the next frame as a rule
   * (the display's frames come every 16.7 ms): work done in it is done while the page would wait for the
   * frame anyway, where work left for the frame adds to the trainee's wait. Where the target is not rendered
   * yet (a screen still loading), the overlay draws it in the frame that finds it.
   */
  private async focusStep(view: ViewContext, snap: TutorialSnapshot | null, key: string): Promise<void> {
    await this.updateComplete;
    // The site's elements render in the microtasks after this one's, a new screen after the frame around it:
    // its target is looked for once they all have.
    if (!view.steps[view.stepIndex]?.slide) await renderedDeep(this.renderRoot.querySelector('.site'));
    // A target below the fold is scrolled to now, in the step's task: scrolled in the frame, its scroll
    // event came in one more frame right after, which painted again and waited for the raster of the first.
    const rendered = this.scrollToTargetNow(view, snap);
    if (rendered !== 'missing') {
      // The bars' heights (the step's panel is often another height) are read now, the page being laid out:
      // the callouts are placed clear of them in this task, not again in one more frame after the frame's
      // ResizeObserver reports them.
      this.measureBars();
      await this.updateComplete;
      await this.overlay?.drawNow();
    } else {
      await nextFrame();
    }
    // Another step came meanwhile: it moves the focus itself.
    if (key !== this.lastStepKey) return;
    const step = view.steps[view.stepIndex];
    if (!step) return;
    if (step.slide || !snap) {
      const slide = this.renderRoot.querySelector<HTMLElement & { headingElement?: HTMLElement | null; updateComplete?: Promise<unknown> }>('.slide > *');
      await slide?.updateComplete;
      slide?.headingElement?.focus();
      return;
    }
    const target = targetOf(step, snap.context.persona);
    if (target) {
      // Bring the step's target into view (on a phone it is often below the fold).
      const siteRoot = this.renderRoot.querySelector('.site');
      for (let i = 0; i < 10 && siteRoot; i += 1) {
        // As a rule, the overlay's anchor has just found it, in this task or frame: no need to search the site again.
        const el = this.overlay?.anchoredElement(target) ?? this.kit?.findHotspot(siteRoot, target);
        if (el) {
          // Only when it is not in view: a scroll moves the whole screen under the overlay, whose zone
          // and callouts are then measured and drawn again in the next frame.
          if (!this.inView(el)) {
            el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
            // The zone follows in this frame, not one frame later at its former place.
            this.overlay?.measure();
          }
          break;
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
    }
    // The zone is rendered once the overlay has measured the target, in this task as a rule.
    if (snap.context.mode === 'guided' && target && (await this.overlay?.focusZone())) return;
    await this.kit?.focusScreenTitle(this.renderRoot.querySelector('.site') ?? this.renderRoot);
  }

  /**
   * Scrolls the step's target into view if it is rendered already and not in view. This lays the page out
   * in the step's task (the frame then has that much less to do); a target rendered later is scrolled to in
   * the frame (focusStep). Says whether the step's target is `found`, `missing` (not rendered yet), or
   * whether the step has `none` (a slide, a step without target).
   */
  private scrollToTargetNow(view: ViewContext, snap: TutorialSnapshot | null): 'found' | 'none' | 'missing' {
    const step = view.steps[view.stepIndex];
    if (!step || step.slide || !snap) return 'none';
    const target = targetOf(step, snap.context.persona);
    const siteRoot = this.renderRoot.querySelector('.site');
    if (!target) return 'none';
    const el = siteRoot ? this.kit?.findHotspot(siteRoot, target) : null;
    if (!el) return 'missing';
    if (!this.inView(el)) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    return 'found';
  }

  /** Whether `el` is wholly in view between the player's bars, with room for the spotlight around it. */
  private inView(el: Element): boolean {
    const box = el.getBoundingClientRect();
    const margin = 16;
    return (
      box.top >= this.barHeights.top + margin &&
      box.bottom <= window.innerHeight - this.barHeights.bottom - margin &&
      box.left >= 0 &&
      box.right <= window.innerWidth
    );
  }

  private renderSlide(step: Step): TemplateResult {
    const persona = this.persona;
    const slide = (() => {
      switch (step.slide) {
        case 'cover':
          return html`<mes-slide-cover></mes-slide-cover>`;
        case 'howto':
          return html`<mes-slide-howto
            @mes-fullscreen-request=${(e: Event) => {
              e.preventDefault();
              void this.handleFullscreen();
            }}
          ></mes-slide-howto>`;
        case 'before':
          return html`<mes-slide-before></mes-slide-before>`;
        case 'notification-mail':
          return html`<mes-slide-notification-mail .persona=${persona}></mes-slide-notification-mail>`;
        case 'notification-letter':
          return html`<mes-slide-notification-letter .persona=${persona}></mes-slide-notification-letter>`;
        case 'section':
          return html`<mes-slide-section .heading=${scenarioText(step.title, this.values())}></mes-slide-section>`;
        case 'end':
          return html`<mes-slide-end
            .menu=${step.menu ? step.menu.map((m) => ({ journey: m.journey, label: scenarioText(m.label, this.values()) })) : null}
            @mes-journey=${(e: CustomEvent<{ journey: string }>) => this.chooseJourney(e.detail.journey)}
          ></mes-slide-end>`;
        default:
          return html``;
      }
    })();
    // The recreated site has its own <main> (in its frame); a slide is the page's main content.
    return html`<main class="slide" @click=${this.handleSlideClick}>${slide}</main>`;
  }

  private renderSite(snap: TutorialSnapshot, step: Step): TemplateResult {
    const site = this.site;
    const mode = snap.context.mode;
    const guidedLike = mode === 'guided' || mode === 'demo';
    const level = snap.context.hintLevel;
    const values = this.values();
    const target = targetOf(step, snap.context.persona);
    const callouts = step.callouts.map((c) => ({
      ...c,
      text: scenarioText(c.text, values),
      ...(c.target ? { target: scenarioText(c.target, values) } : {}),
    }));
    const showCallouts = guidedLike || (mode === 'practice' && level >= 2);
    const showHand = guidedLike ? Boolean(target) : mode === 'practice' && level >= 3;
    const hint = this.hintText(snap, step);
    return html`
      <div class="site" ?inert=${guidedLike} @mes-intent=${this.handleIntent}>
        <mes-site-frame>${site ? this.kit ? this.kit.renderScreen(this.kit.screenOf(site), site.context) : nothing : nothing}</mes-site-frame>
      </div>
      ${site && snap.matches({ session: 'step' })
        ? html`<mes-tutorial-overlay
            .root=${this.renderRoot.querySelector('.site')}
            .target=${guidedLike || showHand ? target : null}
            .callouts=${showCallouts ? callouts : []}
            .mode=${mode}
            ?show-hand=${showHand}
            .hint=${hint}
            .zoneLabel=${this.stepTitle(step)}
            .zoneKey=${snap.context.stepIndex}
            .insetTop=${this.barHeights.top}
            .insetBottom=${this.barHeights.bottom}
            @mes-zone-activate=${() => this.actor?.send({ type: 'ZONE' })}
            @mes-outside-click=${() => this.actor?.send({ type: 'OUTSIDE' })}
            @mes-advance=${() => this.next()}
          ></mes-tutorial-overlay>`
        : nothing}
    `;
  }

  private hintText(snap: TutorialSnapshot, step: Step): string | null {
    const ctx = snap.context;
    if (ctx.mode === 'evaluation') return null;
    if (ctx.hint) return t(`player:${ctx.hint.key}`);
    if (ctx.mode === 'practice' && ctx.hintLevel >= 1) {
      const text = step.hints[Math.min(ctx.hintLevel - 1, step.hints.length - 1)] ?? step.task ?? step.callouts[0]?.text;
      return text ? scenarioText(text, this.values()) : null;
    }
    return null;
  }

  private renderBar(ctx: ViewContext, step: Step): TemplateResult {
    const journey = this.scenario?.tutorial.journeys.find((j) => j.id === step.journey);
    const live = ctx.mode === 'practice' || ctx.mode === 'evaluation';
    return html`
      <div class="bar" role="region" aria-label=${t('player:barLabel')}>
        <mes-progress-bar .current=${ctx.stepIndex + 1} .total=${ctx.steps.length} .journey=${scenarioText(journey?.title)}></mes-progress-bar>
        <div class="group">
          <label for="mode">${t('player:mode')}</label>
          <select id="mode" data-hotspot="mode" .value=${ctx.mode} @change=${this.handleMode}>
            ${MODES.map((m) => html`<option value=${m} ?selected=${m === ctx.mode}>${t(`player:modes.${m}`)}</option>`)}
          </select>
        </div>
        ${ctx.mode === 'demo'
          ? html`<div class="group">
              <button type="button" data-hotspot="pause" aria-pressed=${ctx.demo.paused ? 'true' : 'false'} @click=${() => this.togglePause()}>
                ${ctx.demo.paused ? t('player:resume') : t('player:pause')}
              </button>
              <label for="speed">${t('player:speed')}</label>
              <select id="speed" .value=${String(ctx.demo.speed)} @change=${(e: Event) => this.actor?.send({ type: 'SPEED', speed: Number((e.target as HTMLSelectElement).value) })}>
                ${[0.5, 1, 2, 4].map((s) => html`<option value=${String(s)} ?selected=${s === ctx.demo.speed}>× ${s}</option>`)}
              </select>
            </div>`
          : nothing}
        ${live ? html`<mes-documents-panel .persona=${this.persona} ?open=${this.documentsOpen} @mes-documents-toggle=${(e: CustomEvent<{ open: boolean }>) => (this.documentsOpen = e.detail.open)}></mes-documents-panel>` : nothing}
        ${this.ready ? html`<sim-devices></sim-devices>` : nothing}
        <div class="group">
          <button type="button" data-hotspot="previous" @click=${() => this.prev()} ?disabled=${ctx.stepIndex === 0}>${arrowIcon('previous')}${t('player:previous')}</button>
          <button type="button" data-hotspot="fullscreen" aria-pressed=${this.fullscreen ? 'true' : 'false'} @click=${() => void this.handleFullscreen()}>
            ${t('player:fullscreen')}
          </button>
          <button type="button" data-hotspot="presenter" @click=${() => this.openPresenter()}>
            ${t('player:presenterOpen')}<span class="visually-hidden"> (${t('player:presenterOpenHint')})</span>
          </button>
          <button type="button" class="reveal-on-focus" aria-expanded=${this.inspectorOpen ? 'true' : 'false'} @click=${() => (this.inspectorOpen = !this.inspectorOpen)}>
            ${t('player:inspectorOpen')}
          </button>
          <button type="button" data-hotspot="shortcuts" aria-haspopup="dialog" @click=${() => void this.openShortcuts()}>?<span class="visually-hidden"> ${t('tutorial:keys.help')}</span></button>
          <a class="catalogue" data-hotspot="catalogue" href=${appHref(currentLanguage() === 'fr' ? 'view=catalogue' : `view=catalogue&lang=${currentLanguage()}`)}>${t('player:catalogueLink')}</a>
          <a class="catalogue" href=${appHref('view=accessibilite')}>${t('common:statementLink')}</a>
          <button type="button" data-hotspot="language" lang=${currentLanguage() === 'fr' ? 'en' : 'fr'} @click=${() => void this.handleLanguage(currentLanguage() === 'fr' ? 'en' : 'fr')}>
            ${t('player:otherLanguage')}
          </button>
        </div>
        ${this.renderNotice()}
      </div>
    `;
  }

  /** In the bar, above the overlay: its button stays usable on a guided site step. */
  private renderNotice(): TemplateResult | typeof nothing {
    if (this.notices.length === 0) return nothing;
    return html`<mes-notice
      .messages=${this.notices.map((n) => t(n.key, n.values))}
      .closeLabel=${t('player:noticeClose')}
      @mes-notice-close=${() => (this.notices = [])}
    ></mes-notice>`;
  }

  private renderPanel(ctx: ViewContext, step: Step): TemplateResult {
    const journey = this.scenario?.tutorial.journeys.find((j) => j.id === step.journey);
    const values = this.values();
    const title = scenarioText(step.title ?? journey?.title, values);
    const freeNext = !step.action && !step.until;
    return html`
      <section class="panel" aria-labelledby="step-title">
        <div>
          <h2 id="step-title">${title}</h2>
          ${ctx.mode === 'evaluation' && journey?.task ? html`<p class="task">${scenarioText(journey.task, values)}</p>` : nothing}
          ${ctx.mode === 'practice' && journey?.task ? html`<p class="task">${scenarioText(journey.task, values)}</p>` : nothing}
        </div>
        <div class="group">
          ${ctx.mode === 'practice' && isSiteStep(step)
            ? html`<button type="button" data-hotspot="hint" @click=${() => this.actor?.send({ type: 'HINT' })}>${t('player:askHint')}</button>`
            : nothing}
          ${freeNext || step.slide
            ? html`<button type="button" class="primary" data-hotspot="next" @click=${() => this.next()}>${t('player:next')}${arrowIcon('next')}</button>`
            : nothing}
        </div>
      </section>
    `;
  }

  private renderIssues(): TemplateResult {
    return html`
      ${this.issues.length ? html`<div class="issues" role="alert">${t('app:scenarioIssues')}\n${this.issues.join('\n')}</div>` : nothing}
      ${this.liveIssues.length ? html`<div class="issues" role="alert">${t('app:scenarioIssues')}\n${this.liveIssues.join('\n')}</div>` : nothing}
    `;
  }

  override render(): TemplateResult {
    const snap = this.snapshot;
    if (this.bootError && !snap) return html`<p class="problem" role="alert">${t('player:bootError')} ${this.bootError}</p>`;
    // Before the session runs, its first slide is drawn from the preview, with the same template as once it
    // runs: the same elements are kept when the session takes over, and the keyboard focus with them (a
    // trainee who tabbed to a button of the slide meanwhile is still on it).
    const view = snap?.context ?? this.preview;
    const step = view?.steps[view.stepIndex];
    if (!view || !step || (!snap && !step.slide)) return html`<p role="status">${t('common:loading')}</p>`;
    const result = snap ? this.result() : null;
    const busy = snap !== null && !isWaiting(snap) && !isFinished(snap);
    const problem = snap ? snap.context.problem || this.bootError : null;
    return html`
      ${this.renderBar(view, step)} ${this.renderIssues()}
      ${problem ? html`<p class="problem" role="alert">${t('player:problem')} ${problem}</p>` : nothing}
      <div class="stage" aria-busy=${busy ? 'true' : 'false'} data-step=${step.id}>
        ${result
          ? html`<main><mes-debrief
              .result=${result}
              @mes-certificate=${(e: CustomEvent<{ name: string }>) => void this.handleCertificate(e)}
              @mes-evaluation-restart=${() => void this.restartEvaluation()}
            ></mes-debrief></main>`
          : step.slide
            ? this.renderSlide(step)
            : snap
              ? this.renderSite(snap, step)
              : nothing}
      </div>
      ${result ? nothing : this.renderPanel(view, step)}
      <mes-shortcuts-dialog></mes-shortcuts-dialog>
      ${this.inspectorOpen
        ? html`<aside class="inspector" aria-labelledby="inspector-title">
            <mes-inspector-panel .inspector=${this.inspector} .onlineStatus=${this.onlineStatus}
              @mes-inspector-online=${() => void this.connectOnline()}
              @mes-inspector-close=${() => (this.inspectorOpen = false)}></mes-inspector-panel>
          </aside>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-tutorial': MesTutorial;
  }
}
