import { assign, fromPromise, setup, waitFor, type ActorRefFrom, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { InboxMessage } from '../api/types';
import type { PersonaData, Scenario, Step, StepAction, Tutorial } from '../scenarios/schema';
import { screenOf, type SiteMachine, type SiteSnapshot } from '../site/machine';
import type { SiteEvent } from '../site/types';
import { fillTemplate, inboxValues, needsInbox, personaValues } from './values';

/**
 * The pas à pas as a statechart: the slides and steps of a scenario, the mode, hints, errors and time.
 * It runs the site machine as a child actor, acts on it in guided and demonstration modes, and reads its
 * snapshots in practice and evaluation modes to know when the trainee has done the step.
 */

export { MODES, isSiteStep, targetOf, isFinished, isWaiting, isPerforming, siteOf, type Mode } from './session-view';
import { isSiteIdle, isSiteStep, type Mode } from './session-view';

export interface StepStats {
  /** The trainee reached this step in this run (an evaluation may start in the middle). */
  visited: boolean;
  wrongClicks: number;
  refusedSubmissions: number;
  hintsUsed: number;
  durationMs: number;
}

export interface TutorialDeps {
  site: SiteMachine;
  /** The simulated backend's controls: the world is put back at each journey's start. */
  backend: {
    reset(): Promise<void>;
    fetchInbox(): Promise<InboxMessage[]>;
  };
  now?: () => number;
  /** Pause between two typed characters in demonstration mode, at speed 1. */
  typingDelayMs?: number;
  /** Pause before each action in demonstration mode, at speed 1. */
  demoDelayMs?: number;
}

export type TutorialScenario = Scenario & { tutorial: Tutorial };

export interface TutorialInput {
  scenario: TutorialScenario;
  /** The persona whose values fill the fields (randomised in evaluation). */
  persona: PersonaData;
  mode?: Mode;
  /** Where to start (a reload or a link to a step). */
  stepIndex?: number;
}

export interface TutorialContext {
  scenario: TutorialScenario;
  steps: Step[];
  persona: PersonaData;
  mode: Mode;
  stepIndex: number;
  /** The step whose site state `preparing` must rebuild. */
  targetIndex: number;
  /** What the overlay says: i18n key (namespace "tutorial") or a scenario text, with values. */
  hint: { key: string; values?: Record<string, string> } | null;
  /** Practice: how precise the hint is (0: none, 1: the task, 2: the callouts, 3: the hand on the zone). */
  hintLevel: number;
  stats: StepStats[];
  enteredAt: number;
  /** The trainee sent the event the step expects (practice, evaluation). */
  sentMatched: boolean;
  /** A submission was sent and its answer is awaited, to count it refused or not. */
  pendingSubmit: boolean;
  demo: { paused: boolean; speed: number };
  finished: boolean;
  /** A step could not be prepared (e.g. a scenario's setup refused by the backend). */
  problem: string | null;
}

export type TutorialEvent =
  | { type: 'NEXT' }
  | { type: 'PREV' }
  | { type: 'GOTO'; stepIndex: number }
  | { type: 'JOURNEY'; journey: string }
  /** Guided: the zone over the target was activated. */
  | { type: 'ZONE' }
  /** Guided: a click outside the zone. */
  | { type: 'OUTSIDE' }
  /** Practice / evaluation: the trainee acted on the live site. */
  | { type: 'INTENT'; event: SiteEvent }
  | { type: 'HINT' }
  | { type: 'SET_MODE'; mode: Mode }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'SPEED'; speed: number }
  | { type: 'RESTART' };

const idle = isSiteIdle;

function emptyStats(): StepStats {
  return { visited: false, wrongClicks: 0, refusedSubmissions: 0, hintsUsed: 0, durationMs: 0 };
}

/** The journey that a step index belongs to, and its first step. */
export function journeyStart(steps: readonly Step[], index: number): number {
  const journey = steps[index]?.journey;
  let start = index;
  while (start > 0 && steps[start - 1]?.journey === journey) start -= 1;
  return start;
}

/** Resolves `{{…}}` in the string fields of a `send` action. */
export function resolveEvent(action: Extract<StepAction, { send: unknown }>['send'], values: Record<string, string>): SiteEvent {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(action)) out[k] = typeof v === 'string' ? fillTemplate(v, values) : v;
  return out as unknown as SiteEvent;
}

const compact = (v: string) => v.replace(/\s+/g, '');

/** Does an event the trainee sent do what the step's action does? */
export function matchesAction(event: SiteEvent, action: StepAction | undefined, values: Record<string, string>): boolean {
  if (!action || !('send' in action)) return false;
  const expected = resolveEvent(action.send, values) as unknown as Record<string, unknown>;
  const actual = event as unknown as Record<string, unknown>;
  return Object.entries(expected).every(([k, v]) => actual[k] === v);
}

/** Is the step done, given the site's snapshot? (Steps without a site condition are done by NEXT.) */
export function stepDone(step: Step, site: SiteSnapshot, values: Record<string, string>, sentMatched: boolean): boolean {
  if (!idle(site)) return false;
  const until = step.until ?? {};
  const action = step.action;
  const forms = site.context.forms as unknown as Record<string, Record<string, string | boolean>>;
  const read = (path: string) => {
    const [form = '', field = ''] = path.split('.');
    return forms[form]?.[field];
  };
  const checks: boolean[] = [];
  if (until.screen) checks.push(screenOf(site) === until.screen);
  for (const [path, expected] of Object.entries(until.values ?? {})) checks.push(read(path) === expected);
  if (until.error) {
    const shown = [site.context.formError, ...Object.values(site.context.fieldErrors)].some((m) => m?.key === until.error);
    checks.push(shown);
  }
  if (action && 'fill' in action) {
    const typed = String(read(`${action.fill.form}.${action.fill.field}`) ?? '');
    if (until.typed) checks.push(typed.trim() !== '');
    else if (!until.screen && !until.values && !until.error) {
      // A one-time code is whatever the inbox holds: any 6 digits count, the site will judge them;
      // a provisional code from the inbox is 12 characters of its alphabet.
      if (action.fill.value.includes('inbox.otp')) checks.push(/^\d{6}$/.test(compact(typed)));
      else if (action.fill.value.includes('inbox.code')) checks.push(/^[0-9A-Za-z]{12}$/.test(compact(typed)));
      else checks.push(compact(typed).toLowerCase() === compact(fillTemplate(action.fill.value, values)).toLowerCase());
    }
  }
  const wantsSent = until.sent ?? (action !== undefined && 'send' in action && !until.screen && !until.values && !until.error);
  if (wantsSent) checks.push(sentMatched);
  return checks.length > 0 && checks.every(Boolean);
}


interface PerformInput {
  site: AnyActorRef;
  actions: StepAction[];
  persona: PersonaData;
  animate: boolean;
  speed: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTutorialMachine(deps: TutorialDeps) {
  const now = deps.now ?? (() => Date.now());
  const typingDelay = deps.typingDelayMs ?? 70;
  const demoDelay = deps.demoDelayMs ?? 1400;

  /** Plays actions on the site as the persona would, waiting for the site's answer after each. */
  async function perform(input: PerformInput): Promise<void> {
    const { site, persona, animate, speed } = input;
    for (const action of input.actions) {
      let values = personaValues(persona);
      if ('fill' in action) {
        if (needsInbox(action.fill.value)) values = { ...values, ...inboxValues(await deps.backend.fetchInbox()) };
        const value = fillTemplate(action.fill.value, values);
        const field = { type: 'FIELD', form: action.fill.form, field: action.fill.field } as const;
        if (animate && action.fill.field !== 'cardType') {
          for (let i = 1; i <= value.length; i += 1) {
            site.send({ ...field, value: value.slice(0, i) } as SiteEvent);
            await sleep(typingDelay / speed);
          }
        } else {
          site.send({ ...field, value } as SiteEvent);
        }
      } else {
        if (Object.values(action.send).some((v) => typeof v === 'string' && needsInbox(v))) {
          values = { ...values, ...inboxValues(await deps.backend.fetchInbox()) };
        }
        site.send(resolveEvent(action.send, values));
      }
      await waitFor(site, (s: SiteSnapshot) => idle(s), { timeout: 15_000 });
    }
  }

  return setup({
    types: {
      context: {} as TutorialContext,
      events: {} as TutorialEvent,
      input: {} as TutorialInput,
    },
    actors: {
      site: deps.site,
      /** Rebuilds the site state of a step: the world back to its start, then the journey's setup and
       * the actions of the steps before it. The same for a journey's start, « ← », a reload, a link. */
      prepare: fromPromise<void, PerformInput>(async ({ input }) => {
        await deps.backend.reset();
        await perform(input);
      }),
      perform: fromPromise<void, PerformInput>(({ input }) => perform(input)),
      /** Waits for the site's answer to what the trainee did. */
      settle: fromPromise<SiteSnapshot, { site: AnyActorRef }>(({ input }) =>
        waitFor(input.site, (s: SiteSnapshot) => idle(s), { timeout: 15_000 }),
      ),
    },
    delays: {
      demoDelay: ({ context }) => demoDelay / context.demo.speed,
    },
    guards: {
      isGuidedLike: ({ context }) => context.mode === 'guided' || context.mode === 'demo',
      isLive: ({ context }) => context.mode === 'practice' || context.mode === 'evaluation',
      isPractice: ({ context }) => context.mode === 'practice',
      isDemoPlaying: ({ context }) => context.mode === 'demo' && !context.demo.paused,
      stepHasAction: ({ context }) => context.steps[context.stepIndex]?.action !== undefined,
      stepIsFreeNext: ({ context }) => {
        const step = context.steps[context.stepIndex];
        // A slide, or a site step with nothing to do on the site: a click anywhere goes on.
        return !step?.action && !step?.until;
      },
      liveCanNext: ({ context }) => {
        const step = context.steps[context.stepIndex];
        return !isSiteStep(step) || (!step?.action && !step?.until);
      },
      skipInEvaluation: ({ context }) => context.mode === 'evaluation' && !isSiteStep(context.steps[context.stepIndex]) && context.steps[context.stepIndex]?.slide !== 'end',
      isLastStep: ({ context }) => context.stepIndex >= context.steps.length - 1,
      hasPrev: ({ context }) => context.stepIndex > 0,
      nextChangesJourney: ({ context }) =>
        context.steps[context.stepIndex + 1] !== undefined &&
        context.steps[context.stepIndex + 1]?.journey !== context.steps[context.stepIndex]?.journey,
      settledStepDone: ({ context, event }) => {
        const step = context.steps[context.stepIndex];
        const site = (event as unknown as { output: SiteSnapshot }).output;
        return step !== undefined && stepDone(step, site, personaValues(context.persona), context.sentMatched);
      },
      evaluationEnds: ({ context }) => context.mode === 'evaluation' && context.steps[context.stepIndex + 1]?.slide === 'end',
    },
    actions: {
      enterStep: assign(({ context }) => ({
        stats: context.stats.map((s, i) => (i === context.stepIndex ? { ...s, visited: true } : s)),
        enteredAt: now(),
        hint: null,
        hintLevel: context.mode === 'practice' ? 0 : context.hintLevel,
        sentMatched: false,
        pendingSubmit: false,
      })),
      closeStep: assign(({ context }) => {
        const stats = context.stats.slice();
        const current = stats[context.stepIndex] ?? emptyStats();
        stats[context.stepIndex] = { ...current, durationMs: current.durationMs + Math.max(0, now() - context.enteredAt) };
        return { stats };
      }),
      toNext: assign(({ context }) => ({ stepIndex: context.stepIndex + 1, targetIndex: context.stepIndex + 1, hintLevel: 0 })),
      toPrev: assign(({ context }) => ({ targetIndex: Math.max(0, context.stepIndex - 1), hintLevel: 0 })),
      toGoto: assign(({ context, event }) => {
        if (event.type !== 'GOTO') return {};
        const i = Math.min(Math.max(0, event.stepIndex), context.steps.length - 1);
        return { targetIndex: i, hintLevel: 0 };
      }),
      toJourney: assign(({ context, event }) => {
        if (event.type !== 'JOURNEY') return {};
        const i = context.steps.findIndex((s) => s.journey === event.journey);
        return i < 0 ? {} : { targetIndex: i, hintLevel: 0, finished: false };
      }),
      toTarget: assign(({ context }) => ({ stepIndex: context.targetIndex })),
      setMode: assign(({ context, event }) => (event.type === 'SET_MODE' ? { mode: event.mode, hint: null, hintLevel: 0, demo: { ...context.demo, paused: false } } : {})),
      pause: assign(({ context }) => ({ demo: { ...context.demo, paused: true } })),
      resume: assign(({ context }) => ({ demo: { ...context.demo, paused: false } })),
      setSpeed: assign(({ context, event }) =>
        event.type === 'SPEED' && Number.isFinite(event.speed) ? { demo: { ...context.demo, speed: Math.min(4, Math.max(0.25, event.speed)) } } : {},
      ),
      hintOutside: assign(({ context }) => ({ hint: { key: context.steps[context.stepIndex]?.target ? 'hints.outside' : 'hints.next' } })),
      hintUseZone: assign({ hint: { key: 'hints.useZone' } }),
      hintNotDone: assign({ hint: { key: 'hints.notDone' } }),
      forwardIntent: ({ context, event, self }) => {
        if (event.type !== 'INTENT') return;
        void context;
        (self.system.get('site') as AnyActorRef | undefined)?.send(event.event);
      },
      judgeIntent: assign(({ context, event }) => {
        if (event.type !== 'INTENT') return {};
        const step = context.steps[context.stepIndex];
        const e = event.event;
        const values = personaValues(context.persona);
        if (matchesAction(e, step?.action, values)) return { sentMatched: true, pendingSubmit: e.type === 'SUBMIT' };
        // Typing and choices inside a form are not clicks; a submission is judged by its answer.
        if (e.type === 'FIELD' || e.type === 'DISMISS_NOTICE') return {};
        if (e.type === 'SUBMIT') return { pendingSubmit: true };
        const stats = context.stats.slice();
        const current = stats[context.stepIndex] ?? emptyStats();
        stats[context.stepIndex] = { ...current, wrongClicks: current.wrongClicks + 1 };
        const hintLevel = context.mode === 'practice' ? Math.min(3, context.hintLevel + 1) : 0;
        return { stats, hintLevel, hint: context.mode === 'practice' ? { key: 'hints.wrongClick' } : null };
      }),
      /** A submission the site refused (field errors or a server refusal) counts, and sharpens the hint. */
      judgeSettled: assign(({ context, event }) => {
        if (!context.pendingSubmit) return {};
        const site = (event as unknown as { output: SiteSnapshot }).output.context;
        const refused = Object.keys(site.fieldErrors).length > 0 || site.formError !== null;
        if (!refused) return { pendingSubmit: false };
        const stats = context.stats.slice();
        const current = stats[context.stepIndex] ?? emptyStats();
        stats[context.stepIndex] = { ...current, refusedSubmissions: current.refusedSubmissions + 1 };
        return {
          stats,
          pendingSubmit: false,
          hintLevel: context.mode === 'practice' ? Math.min(3, context.hintLevel + 1) : 0,
          hint: context.mode === 'practice' ? { key: 'hints.refused' } : null,
        };
      }),
      askHint: assign(({ context }) => {
        const stats = context.stats.slice();
        const current = stats[context.stepIndex] ?? emptyStats();
        stats[context.stepIndex] = { ...current, hintsUsed: current.hintsUsed + 1 };
        return { stats, hintLevel: Math.min(3, context.hintLevel + 1), hint: null };
      }),
      finish: assign({ finished: true }),
      unfinish: assign({ finished: false }),
      assignProblem: assign(({ event }) => ({ problem: String((event as { error?: unknown }).error ?? 'error') })),
      clearProblem: assign({ problem: null }),
      restartStats: assign(({ context }) => ({ stats: context.steps.map(() => emptyStats()), finished: false, targetIndex: 0 })),
    },
  }).createMachine({
    id: 'tutorial',
    context: ({ input }) => {
      const steps = input.scenario.tutorial.steps;
      const start = Math.min(Math.max(0, input.stepIndex ?? 0), steps.length - 1);
      return {
        scenario: input.scenario,
        steps,
        persona: input.persona,
        mode: input.mode ?? 'guided',
        stepIndex: start,
        targetIndex: start,
        hint: null,
        hintLevel: 0,
        stats: steps.map(() => emptyStats()),
        enteredAt: now(),
        sentMatched: false,
        pendingSubmit: false,
        demo: { paused: false, speed: 1 },
        finished: false,
        problem: null,
      };
    },
    initial: 'session',
    on: {
      SET_MODE: { actions: 'setMode' },
      PAUSE: { actions: 'pause' },
      RESUME: { actions: 'resume' },
      SPEED: { actions: 'setSpeed' },
      // Each of these rebuilds the site from a fresh world: a new site actor, then the journey replayed.
      PREV: { guard: 'hasPrev', target: '.session', reenter: true, actions: ['closeStep', 'toPrev'] },
      GOTO: { target: '.session', reenter: true, actions: ['closeStep', 'toGoto'] },
      JOURNEY: { target: '.session', reenter: true, actions: ['closeStep', 'toJourney'] },
      RESTART: { target: '.session', reenter: true, actions: 'restartStats' },
    },
    states: {
      /** One site actor per session: a new one whenever the world starts again. */
      session: {
        invoke: {
          id: 'site',
          systemId: 'site',
          src: 'site',
          input: ({ context }) => ({ ruleSet: context.scenario.world.ruleSet }),
        },
        initial: 'preparing',
        states: {
          preparing: {
            entry: 'clearProblem',
            invoke: {
              src: 'prepare',
              input: ({ context, self }) => {
                const start = journeyStart(context.steps, context.targetIndex);
                const journey = context.scenario.tutorial.journeys.find((j) => j.id === context.steps[start]?.journey);
                const before = context.steps.slice(start, context.targetIndex).flatMap((s) => (s.action ? [s.action] : []));
                return {
                  site: self.system.get('site') as AnyActorRef,
                  actions: [...(journey?.setup ?? []), ...before],
                  persona: context.persona,
                  animate: false,
                  speed: 1,
                };
              },
              onDone: { target: 'step', actions: 'toTarget' },
              onError: { target: 'step', actions: ['toTarget', 'assignProblem'] },
            },
          },
          step: {
            entry: 'enterStep',
            always: [{ guard: 'skipInEvaluation', target: 'advancing' }],
            initial: 'entered',
            on: {
              NEXT: [
                { guard: 'isLive', actions: [], target: '.checkNext' },
                { guard: 'stepIsFreeNext', target: 'advancing' },
                { actions: 'hintUseZone' },
              ],
              HINT: { guard: 'isPractice', actions: 'askHint' },
            },
            states: {
              /** Practice and evaluation: the trainee may have done this step already (fields in another order). */
              entered: {
                always: [{ guard: 'isLive', target: 'checking' }, { target: 'waiting' }],
              },
              waiting: {
                after: {
                  demoDelay: { guard: 'isDemoPlaying', target: 'demoAct' },
                },
                on: {
                  ZONE: { guard: 'isGuidedLike', target: 'performing' },
                  OUTSIDE: { guard: 'isGuidedLike', actions: 'hintOutside' },
                  INTENT: { guard: 'isLive', target: 'checking', actions: ['judgeIntent', 'forwardIntent'] },
                  RESUME: { target: 'waiting', reenter: true, actions: 'resume' },
                  SET_MODE: { target: 'waiting', reenter: true, actions: 'setMode' },
                },
              },
              checkNext: {
                always: [{ guard: 'liveCanNext', target: '#tutorial.session.advancing' }, { target: 'waiting', actions: 'hintNotDone' }],
              },
              demoAct: {
                always: [{ guard: 'stepHasAction', target: 'performing' }, { target: '#tutorial.session.advancing' }],
              },
              performing: {
                invoke: {
                  src: 'perform',
                  input: ({ context, self }) => {
                    const action = context.steps[context.stepIndex]?.action;
                    return {
                      site: self.system.get('site') as AnyActorRef,
                      actions: action ? [action] : [],
                      persona: context.persona,
                      animate: context.mode === 'demo',
                      speed: context.demo.speed,
                    };
                  },
                  onDone: { target: '#tutorial.session.advancing' },
                  onError: { target: 'waiting', actions: 'assignProblem' },
                },
              },
              /** Practice and evaluation: after each intent, wait for the site's answer, then judge. */
              checking: {
                invoke: {
                  src: 'settle',
                  input: ({ self }) => ({ site: self.system.get('site') as AnyActorRef }),
                  onDone: [
                    { guard: 'settledStepDone', target: '#tutorial.session.advancing' },
                    { target: 'waiting', actions: 'judgeSettled' },
                  ],
                  onError: { target: 'waiting' },
                },
              },
            },
          },
          advancing: {
            entry: 'closeStep',
            always: [
              { guard: 'evaluationEnds', target: 'finished', actions: 'finish' },
              { guard: 'isLastStep', target: 'finished', actions: 'finish' },
              { guard: 'nextChangesJourney', target: '#tutorial.session', reenter: true, actions: 'toNext' },
              { target: 'step', actions: 'toNext' },
            ],
          },
          finished: {
            on: {
              PREV: { guard: 'hasPrev', target: 'preparing', actions: ['unfinish', 'toPrev'] },
            },
          },
        },
      },
    },
  });
}

export type TutorialMachine = ReturnType<typeof createTutorialMachine>;
export type TutorialActor = ActorRefFrom<TutorialMachine>;
export type TutorialSnapshot = SnapshotFrom<TutorialMachine>;
