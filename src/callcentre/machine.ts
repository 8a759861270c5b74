import { assign, fromPromise, setup, waitFor, type ActorRefFrom, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { InboxMessage } from '../api/types';
import type { PersonaData, StepAction, WorldData } from '../scenarios/schema';
import { screenOf, type SiteMachine, type SiteSnapshot } from '../site/machine';
import type { ScreenId, SiteContext, SiteEvent } from '../site/types';
import { fillTemplate, inboxValues, needsInbox, personaValues } from '../tutorial/values';
import { resolveEvent } from '../tutorial/machine';
import { goalReached, type BackendState } from './goal';
import { describeEvent, fieldOf, locateGuide, nextGuideEvent, type Phrase, type PromptResult } from './guide';
import type { CallScenario } from './schema';

/**
 * One rehearsal call as a statechart: the world is prepared and the caller's screen put where the
 * caller is (preparing), the incoming call is read (brief), the agent asks and diagnoses
 * (diagnosing), then guides the caller's live screen, the site machine running as a child actor,
 * until the goal holds on the real backend state (guiding), and the call ends (ended: the debrief).
 * Pure: the backend, the site machine and the clock are handed in.
 */

export interface CallDeps {
  site: SiteMachine;
  /** The simulated service's controls: each call starts on its own fresh world. */
  backend: {
    loadWorld(world: WorldData): Promise<void>;
    fetchInbox(): Promise<InboxMessage[]>;
  };
  /** The service's real state (the Store), read after each settled event to check the goal. */
  readState: () => BackendState | Promise<BackendState>;
  now?: () => number;
}

export interface CallInput {
  call: CallScenario;
}

/** A line of the journal: what the agent told the caller, or what the caller's screen answered. */
export interface JournalEntry {
  kind: 'told' | 'seen';
  phrase: Phrase;
  screen: ScreenId;
  /** "form.field" for a typed value: the next keystrokes in the same field update this line. */
  field: string | null;
  /** Played by « Souffler l'étape suivante ». */
  prompted: boolean;
  /** The caller's screen refused what this line made them do. */
  refused: boolean;
  /** Keys (namespace "errors") of the messages the refusal showed. */
  errors: string[];
  at: number;
}

export interface AskedQuestion {
  id: string;
  at: number;
}

export interface Diagnosis {
  id: string;
  correct: boolean;
  at: number;
}

export interface CallContext {
  call: CallScenario;
  persona: PersonaData;
  asked: AskedQuestion[];
  diagnoses: Diagnosis[];
  journal: JournalEntry[];
  /** The guide block of the screen the caller is on (−1: off the right way). */
  guideAt: number;
  /** Messages already in the caller's inbox when the call was picked up. */
  baseline: string[];
  lastScreen: ScreenId;
  /** The journal line whose submission awaits the site's answer. */
  pendingEntry: number | null;
  preparedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  resolved: boolean;
  /** Why the prompter had nothing to play. */
  promptNote: 'offPath' | 'nothingLeft' | null;
  problem: string | null;
}

export type CallEvent =
  /** « Décrocher ». */
  | { type: 'ANSWER' }
  | { type: 'ASK'; id: string }
  /** The agent's explanation of the caller's trouble. */
  | { type: 'DIAGNOSE'; id: string }
  /** The agent acts on the caller's screen. */
  | { type: 'INTENT'; event: SiteEvent }
  /** « Souffler l'étape suivante »: the next action of the right way, played and counted. */
  | { type: 'PROMPT' }
  | { type: 'HANG_UP' }
  | { type: 'RESTART' };

/** Events after which the site answers with a verdict the journal records. */
const SUBMISSIONS: ReadonlySet<SiteEvent['type']> = new Set(['SUBMIT', 'RESEND', 'DOWNLOAD_PROOF', 'MANAGE_PROFILE', 'NEW_CODE']);

const idle = (s: SiteSnapshot) => Object.keys(s.children).length === 0 && !s.context.busy;

interface Settled {
  screen: ScreenId;
  site: SiteContext;
  state: BackendState;
}

/** The caller of a call: the brief's persona. */
export function callerOf(call: CallScenario): PersonaData {
  const persona = call.world.personas.find((p) => p.id === call.call.brief.persona);
  if (!persona) throw new Error(`call ${call.id}: no persona ${call.call.brief.persona}`);
  return persona;
}

/** Error keys (namespace "errors") the caller's screen shows. */
export function shownErrors(ctx: SiteContext, screen: ScreenId): string[] {
  const keys = [...Object.values(ctx.fieldErrors).map((m) => m.key), ...(ctx.formError ? [ctx.formError.key] : [])];
  if (screen === 'blocked' && ctx.blocker) keys.push(`server.${ctx.blocker}`);
  return keys;
}

function emptyRun(): Pick<
  CallContext,
  'asked' | 'diagnoses' | 'journal' | 'guideAt' | 'baseline' | 'lastScreen' | 'pendingEntry' | 'answeredAt' | 'endedAt' | 'resolved' | 'promptNote' | 'problem'
> {
  return {
    asked: [],
    diagnoses: [],
    journal: [],
    guideAt: -1,
    baseline: [],
    lastScreen: 'home',
    pendingEntry: null,
    answeredAt: null,
    endedAt: null,
    resolved: false,
    promptNote: null,
    problem: null,
  };
}

export function createCallMachine(deps: CallDeps) {
  const now = deps.now ?? (() => Date.now());

  /** Plays the setup on the caller's screen, as the caller did before calling. */
  async function perform(site: AnyActorRef, actions: readonly StepAction[], persona: PersonaData, signal: AbortSignal): Promise<void> {
    for (const action of actions) {
      // The call was left (another call, « Rejouer »): its setup must not touch the new one's world.
      if (signal.aborted) return;
      let values = personaValues(persona);
      const templates = 'fill' in action ? [action.fill.value] : Object.values(action.send).filter((v): v is string => typeof v === 'string');
      if (templates.some(needsInbox)) values = { ...values, ...inboxValues(await deps.backend.fetchInbox()) };
      if ('fill' in action) {
        site.send({ type: 'FIELD', form: action.fill.form, field: action.fill.field, value: fillTemplate(action.fill.value, values) } as SiteEvent);
      } else {
        site.send(resolveEvent(action.send, values));
      }
      await waitFor(site, (s: SiteSnapshot) => idle(s), { timeout: 15_000 });
    }
  }

  /** Adds what the agent told the caller; keystrokes in the same field update the same line. */
  function tell(context: CallContext, event: SiteEvent, site: SiteSnapshot | undefined, prompted: boolean): Partial<CallContext> {
    if (!site) return {};
    const screen = screenOf(site);
    const phrase = describeEvent(event, screen, site.context);
    if (!phrase) return {};
    const field = fieldOf(event);
    const journal = context.journal.slice();
    const last = journal[journal.length - 1];
    const entry: JournalEntry = { kind: 'told', phrase, screen, field, prompted, refused: false, errors: [], at: now() };
    if (field !== null && last?.kind === 'told' && last.field === field) {
      journal[journal.length - 1] = { ...entry, prompted: last.prompted || prompted };
    } else {
      journal.push(entry);
    }
    const pendingEntry = SUBMISSIONS.has(event.type) ? journal.length - 1 : context.pendingEntry;
    return { journal, pendingEntry, promptNote: null };
  }

  return setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
      input: {} as CallInput,
    },
    actors: {
      site: deps.site,
      prepare: fromPromise<{ baseline: string[]; screen: ScreenId; goalMet: boolean }, { site: AnyActorRef; call: CallScenario; persona: PersonaData }>(
        async ({ input, signal }) => {
          await deps.backend.loadWorld(input.call.world);
          await perform(input.site, input.call.call.setup, input.persona, signal);
          const inbox = await deps.backend.fetchInbox();
          const snapshot = input.site.getSnapshot() as SiteSnapshot;
          const baseline = inbox.map((m) => m.id);
          const state = await deps.readState();
          const screen = screenOf(snapshot);
          const goalMet = goalReached(input.call.call.goal, input.persona.id, state, { screen, notCovered: snapshot.context.notCovered }, new Set(baseline));
          return { baseline, screen, goalMet };
        },
      ),
      prompt: fromPromise<PromptResult, { site: AnyActorRef; call: CallScenario; persona: PersonaData; at: number }>(async ({ input }) => {
        const snapshot = input.site.getSnapshot() as SiteSnapshot;
        const values = { ...personaValues(input.persona), ...inboxValues(await deps.backend.fetchInbox()) };
        return nextGuideEvent(input.call.call.guide, input.at, screenOf(snapshot), snapshot.context, values);
      }),
      /** Waits for the caller's screen to settle, then reads the service's state. */
      settle: fromPromise<Settled, { site: AnyActorRef }>(async ({ input }) => {
        const snapshot = (await waitFor(input.site, (s: SiteSnapshot) => idle(s), { timeout: 15_000 })) as SiteSnapshot;
        const state = await deps.readState();
        return { screen: screenOf(snapshot), site: snapshot.context, state };
      }),
    },
    guards: {
      knownQuestion: ({ context, event }) =>
        event.type === 'ASK' && context.call.call.diagnosis.questions.some((q) => q.id === event.id) && !context.asked.some((a) => a.id === event.id),
      correctExplanation: ({ context, event }) =>
        event.type === 'DIAGNOSE' && context.call.call.diagnosis.explanations.some((e) => e.id === event.id && e.correct),
      knownExplanation: ({ context, event }) =>
        event.type === 'DIAGNOSE' && context.call.call.diagnosis.explanations.some((e) => e.id === event.id),
      hasPromptEvent: ({ event }) => (event as unknown as { output: PromptResult }).output.event !== null,
      goalReached: ({ context, event }) => {
        const out = (event as unknown as { output: Settled }).output;
        return goalReached(
          context.call.call.goal,
          context.persona.id,
          out.state,
          { screen: out.screen, notCovered: out.site.notCovered },
          new Set(context.baseline),
        );
      },
    },
    actions: {
      resetRun: assign(({ context }) => ({ ...emptyRun(), preparedAt: now(), call: context.call })),
      assignPrepared: assign(({ context, event }) => {
        const out = (event as unknown as { output: { baseline: string[]; screen: ScreenId; goalMet: boolean } }).output;
        return {
          baseline: out.baseline,
          lastScreen: out.screen,
          guideAt: locateGuide(context.call.call.guide, 0, out.screen),
          preparedAt: now(),
          problem: out.goalMet ? 'goalAlreadyMet' : null,
        };
      }),
      assignProblem: assign(({ event }) => {
        const error = (event as { error?: unknown }).error;
        return { problem: error instanceof Error ? error.message : String(error ?? 'error') };
      }),
      answer: assign({ answeredAt: () => now() }),
      ask: assign(({ context, event }) => (event.type === 'ASK' ? { asked: [...context.asked, { id: event.id, at: now() }] } : {})),
      diagnose: assign(({ context, event }) => {
        if (event.type !== 'DIAGNOSE') return {};
        const correct = context.call.call.diagnosis.explanations.some((e) => e.id === event.id && e.correct);
        return { diagnoses: [...context.diagnoses, { id: event.id, correct, at: now() }] };
      }),
      tellIntent: assign(({ context, event, self }) => {
        if (event.type !== 'INTENT') return {};
        const site = (self.system.get('site') as ActorRefFrom<SiteMachine> | undefined)?.getSnapshot();
        return tell(context, event.event, site, false);
      }),
      forwardIntent: ({ event, self }) => {
        if (event.type !== 'INTENT') return;
        (self.system.get('site') as AnyActorRef | undefined)?.send(event.event);
      },
      tellPrompted: assign(({ context, event, self }) => {
        const out = (event as unknown as { output: PromptResult }).output;
        if (out.event === null) return {};
        const site = (self.system.get('site') as ActorRefFrom<SiteMachine> | undefined)?.getSnapshot();
        return { ...tell(context, out.event, site, true), guideAt: out.at };
      }),
      forwardPrompted: ({ event, self }) => {
        const out = (event as unknown as { output: PromptResult }).output;
        if (out.event !== null) (self.system.get('site') as AnyActorRef | undefined)?.send(out.event);
      },
      notePrompt: assign(({ event }) => {
        const out = (event as unknown as { output: PromptResult }).output;
        return { promptNote: out.event === null ? out.reason : null };
      }),
      /** The site's answer: a refused submission marks its line and adds what the screen said. */
      judge: assign(({ context, event }) => {
        const out = (event as unknown as { output: Settled }).output;
        const moved = out.screen !== context.lastScreen;
        const guideAt = moved ? locateGuide(context.call.call.guide, context.guideAt + 1, out.screen) : context.guideAt;
        const update: Partial<CallContext> = { lastScreen: out.screen, guideAt, pendingEntry: null };
        const index = context.pendingEntry;
        if (index === null) return update;
        const errors = shownErrors(out.site, out.screen);
        const refused = errors.length > 0 && (!moved || out.screen === 'blocked');
        if (!refused) return update;
        const journal = context.journal.slice();
        const entry = journal[index];
        if (entry) journal[index] = { ...entry, refused: true, errors };
        for (const key of errors) {
          journal.push({
            kind: 'seen',
            phrase: { key: 'journal.seen', labels: { message: `errors:${key}` } },
            screen: out.screen,
            field: null,
            prompted: false,
            refused: true,
            errors: [key],
            at: now(),
          });
        }
        return { ...update, journal };
      }),
      resolve: assign({ resolved: true }),
      end: assign({ endedAt: () => now() }),
    },
  }).createMachine({
    id: 'call',
    context: ({ input }) => ({
      ...emptyRun(),
      call: input.call,
      persona: callerOf(input.call),
      preparedAt: now(),
    }),
    initial: 'session',
    on: {
      RESTART: { target: '.session', reenter: true, actions: 'resetRun' },
    },
    states: {
      /** One site actor per run of the call: a new one on « Rejouer l'appel ». */
      session: {
        invoke: {
          id: 'site',
          systemId: 'site',
          src: 'site',
          input: ({ context }) => ({ ruleSet: context.call.world.ruleSet }),
        },
        initial: 'preparing',
        states: {
          preparing: {
            invoke: {
              src: 'prepare',
              input: ({ context, self }) => ({ site: self.system.get('site') as AnyActorRef, call: context.call, persona: context.persona }),
              onDone: { target: 'brief', actions: 'assignPrepared' },
              onError: { target: 'brief', actions: 'assignProblem' },
            },
          },
          brief: {
            on: { ANSWER: { target: 'diagnosing', actions: 'answer' } },
          },
          diagnosing: {
            on: {
              ASK: { guard: 'knownQuestion', actions: 'ask' },
              DIAGNOSE: [
                { guard: 'correctExplanation', target: 'guiding', actions: 'diagnose' },
                { guard: 'knownExplanation', actions: 'diagnose' },
              ],
              HANG_UP: 'ended',
            },
          },
          guiding: {
            initial: 'waiting',
            on: {
              INTENT: { target: '.checking', reenter: true, actions: ['tellIntent', 'forwardIntent'] },
              HANG_UP: 'ended',
            },
            states: {
              waiting: {
                on: { PROMPT: 'prompting' },
              },
              prompting: {
                invoke: {
                  src: 'prompt',
                  input: ({ context, self }) => ({
                    site: self.system.get('site') as AnyActorRef,
                    call: context.call,
                    persona: context.persona,
                    at: context.guideAt,
                  }),
                  onDone: [
                    { guard: 'hasPromptEvent', target: 'checking', actions: ['tellPrompted', 'forwardPrompted'] },
                    { target: 'waiting', actions: 'notePrompt' },
                  ],
                  onError: { target: 'waiting', actions: 'assignProblem' },
                },
              },
              checking: {
                invoke: {
                  src: 'settle',
                  input: ({ self }) => ({ site: self.system.get('site') as AnyActorRef }),
                  onDone: [
                    { guard: 'goalReached', target: '#call.session.ended', actions: ['judge', 'resolve'] },
                    { target: 'waiting', actions: 'judge' },
                  ],
                  onError: { target: 'waiting', actions: 'assignProblem' },
                },
              },
            },
          },
          /** The debrief: the app records the call and shows what happened. */
          ended: {
            entry: 'end',
          },
        },
      },
    },
  });
}

export type CallMachine = ReturnType<typeof createCallMachine>;
export type CallActor = ActorRefFrom<CallMachine>;
export type CallSnapshot = SnapshotFrom<CallMachine>;

export type CallPhase = 'preparing' | 'brief' | 'diagnosing' | 'guiding' | 'ended';

export function phaseOf(snapshot: CallSnapshot): CallPhase {
  for (const phase of ['preparing', 'brief', 'diagnosing', 'guiding', 'ended'] as const) {
    if (snapshot.matches({ session: phase })) return phase;
  }
  return 'preparing';
}

/** The guiding state waits for the agent (nothing is being played or settled). */
export const isWaiting = (s: CallSnapshot): boolean => s.matches({ session: { guiding: 'waiting' } });

/** The caller's screen, the site child of a call snapshot. */
export function siteOf(snapshot: CallSnapshot): ActorRefFrom<SiteMachine> | undefined {
  return snapshot.children.site as ActorRefFrom<SiteMachine> | undefined;
}
