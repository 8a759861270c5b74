import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createApi } from '../../../src/api/client';
import { createRng, randomInt, type Rng } from '../../../src/domain';
import { screenOf } from '../../../src/site/machine';
import type { SiteEvent } from '../../../src/site/types';
import {
  MODES,
  createTutorialMachine,
  isFinished,
  isWaiting,
  siteOf,
  type Mode,
  type TutorialEvent,
  type TutorialSnapshot,
} from '../../../src/tutorial/machine';
import { BAD_VALUES } from './bad-inputs';
import { BASE, MARTINE, newStore, oneScreen, scenario, serve, sharedSiteMachine, useServer } from './harness';

/**
 * Random event sequences on the tutorial machine (which runs the site machine as its child), against
 * the real store behind msw/node. Seeded by createRng: a failure prints its seed, and
 * `FUZZ_SEED=<seed> FUZZ_TUTORIAL=1` replays it alone. After every event, once the tutorial waits for
 * the trainee again:
 *
 * - no exception: the tutorial and its site actor are alive, no step failed to be prepared;
 * - the step index (and the step being prepared) within the tutorial's steps, the mode one of the four,
 *   the hint level 0–3, the demonstration speed finite within its bounds, one record per step;
 * - the site shows exactly one known screen;
 * - the persona is the one given (never lost nor changed);
 * - in guided and demonstration modes, when the trainee has not acted on the live site since the site
 *   was last rebuilt, the site shows the screen the step says.
 */

useServer();

const SEQUENCES = Number(process.env.FUZZ_TUTORIAL ?? 1500);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 20261126);

const steps = scenario.tutorial.steps;
const persona = scenario.world.personas.find((p) => p.id === scenario.tutorial.persona) ?? scenario.world.personas[0]!;
const journeys = scenario.tutorial.journeys.map((j) => j.id);

let clock = Date.parse('2026-11-26T09:00:00Z');
const tutorialMachine = createTutorialMachine({
  site: sharedSiteMachine(),
  backend: createApi(BASE),
  demoDelayMs: 1,
  typingDelayMs: 0,
  now: () => (clock += 1000),
});

const pick = <T>(rng: Rng, items: readonly T[]): T => items[randomInt(rng, 0, items.length - 1)]!;

/** What a trainee may do on the live site, right or wrong. */
function siteEvent(rng: Rng): SiteEvent {
  const value = () =>
    rng() < 0.3 ? pick(rng, BAD_VALUES) : pick(rng, [MARTINE.code, MARTINE.nir, MARTINE.serial, MARTINE.birthDate, MARTINE.email, 'sans-photo', '123456']);
  return pick(rng, [
    { type: 'ACTIVATE_SPACE' },
    { type: 'BEGIN' },
    { type: 'NEW_CODE' },
    { type: 'BACK' },
    { type: 'SUBMIT' },
    { type: 'SUBMIT' },
    { type: 'HOME' },
    { type: 'NOT_COVERED', which: 'help' },
    { type: 'CHOOSE', choice: rng() < 0.5 ? 'activate' : 'oppose' },
    { type: 'TOGGLE_CGU', checked: rng() < 0.8 },
    { type: 'EDIT_CONTACT', kind: rng() < 0.5 ? 'email' : 'mobile' },
    { type: 'DOWNLOAD_PROOF' },
    { type: 'MANAGE_PROFILE', profileId: pick(rng, ['lucas', 'chloe']) },
    { type: 'FIELD', form: 'identify', field: pick(rng, ['code', 'nir', 'cardType', 'serial'] as const), value: value() },
    { type: 'FIELD', form: 'newCode', field: pick(rng, ['nir', 'birthDate', 'cardType', 'serial'] as const), value: value() },
    { type: 'FIELD', form: 'contact', field: pick(rng, ['value', 'otp'] as const), value: value() },
  ] as SiteEvent[]);
}

function tutorialEvent(rng: Rng): TutorialEvent {
  const roll = rng();
  if (roll < 0.22) return { type: 'ZONE' };
  if (roll < 0.4) return { type: 'NEXT' };
  if (roll < 0.55) return { type: 'INTENT', event: siteEvent(rng) };
  switch (randomInt(rng, 0, 10)) {
    case 0:
      return { type: 'PREV' };
    case 1:
      return { type: 'GOTO', stepIndex: randomInt(rng, -3, steps.length + 3) };
    case 2:
      return { type: 'JOURNEY', journey: pick(rng, [...journeys, 'nowhere']) };
    case 3:
      return { type: 'OUTSIDE' };
    case 4:
      return { type: 'HINT' };
    case 5:
    case 6:
      return { type: 'SET_MODE', mode: pick(rng, MODES) };
    case 7:
      return { type: 'PAUSE' };
    case 8:
      return { type: 'RESUME' };
    case 9:
      return { type: 'SPEED', speed: pick(rng, [0.25, 0.5, 1, 2, 4, 0, -1, 10]) };
    default:
      return { type: 'RESTART' };
  }
}

const settled = (s: TutorialSnapshot) => isFinished(s) || isWaiting(s);

function check(snap: TutorialSnapshot, errors: unknown[], wandered: boolean): string | null {
  if (errors.length > 0) return `actor error: ${String(errors[0])}`;
  if (snap.status !== 'active') return `tutorial actor ${snap.status}`;
  const ctx = snap.context;
  if (ctx.problem !== null) return `a step could not be prepared: ${ctx.problem}`;
  if (!Number.isInteger(ctx.stepIndex) || ctx.stepIndex < 0 || ctx.stepIndex >= steps.length) return `stepIndex ${ctx.stepIndex} out of bounds`;
  if (!Number.isInteger(ctx.targetIndex) || ctx.targetIndex < 0 || ctx.targetIndex >= steps.length) return `targetIndex ${ctx.targetIndex} out of bounds`;
  if (!(MODES as readonly string[]).includes(ctx.mode)) return `unknown mode ${ctx.mode}`;
  if (ctx.hintLevel < 0 || ctx.hintLevel > 3) return `hint level ${ctx.hintLevel}`;
  if (!Number.isFinite(ctx.demo.speed) || ctx.demo.speed < 0.25 || ctx.demo.speed > 4) return `demo speed ${ctx.demo.speed}`;
  if (ctx.stats.length !== steps.length) return `${ctx.stats.length} records for ${steps.length} steps`;
  if (JSON.stringify(ctx.persona) !== JSON.stringify(persona)) return 'the persona changed';
  const site = siteOf(snap);
  if (!site) return 'no site actor';
  const siteSnap = site.getSnapshot();
  if (siteSnap.status !== 'active') return `site actor ${siteSnap.status}`;
  const one = oneScreen(siteSnap);
  if (one) return `site: ${one}`;
  const step = steps[ctx.stepIndex]!;
  const guidedLike = ctx.mode === 'guided' || ctx.mode === 'demo';
  if (guidedLike && !wandered && isWaiting(snap) && step.screen && screenOf(siteSnap) !== step.screen) {
    return `step ${step.id} shows ${screenOf(siteSnap)} instead of ${step.screen}`;
  }
  return null;
}

async function runSequence(seed: number): Promise<{ events: number; steps: Set<string>; failure: string | null }> {
  const rng = createRng(seed);
  serve(newStore(scenario.world, seed));
  const mode: Mode = pick(rng, MODES);
  const stepIndex = randomInt(rng, 0, steps.length - 1);
  const actor = createActor(tutorialMachine, { input: { scenario, persona, mode, stepIndex } });
  const errors: unknown[] = [];
  actor.subscribe({ error: (e) => errors.push(e) });
  const seen = new Set<string>();
  const log: string[] = [`start ${mode} at ${steps[stepIndex]!.id}`];
  let wandered = false;
  try {
    actor.start();
    let snap = await waitFor(actor, settled, { timeout: 10_000 });
    let problem = check(snap, errors, wandered);
    if (problem) return { events: 0, steps: seen, failure: `${problem}\n  ${log.join('\n  ')}` };
    const length = randomInt(rng, 2, 6);
    for (let i = 0; i < length; i += 1) {
      const event = tutorialEvent(rng);
      const before = actor.getSnapshot();
      log.push(JSON.stringify(event).slice(0, 160));
      const live = before.context.mode === 'practice' || before.context.mode === 'evaluation';
      if (event.type === 'INTENT' && live && isWaiting(before)) wandered = true;
      if (['GOTO', 'JOURNEY', 'RESTART'].includes(event.type) || (event.type === 'PREV' && before.context.stepIndex > 0)) wandered = false;
      actor.send(event);
      try {
        snap = await waitFor(actor, settled, { timeout: 10_000 });
      } catch (error) {
        return { events: i + 1, steps: seen, failure: `no answer: ${String(error)}\n  ${log.join('\n  ')}` };
      }
      seen.add(steps[snap.context.stepIndex]!.id);
      problem = check(snap, errors, wandered);
      if (problem) return { events: i + 1, steps: seen, failure: `${problem}\n  ${log.join('\n  ')}` };
    }
    return { events: length, steps: seen, failure: null };
  } finally {
    actor.stop();
  }
}

describe('tutorial machine fuzzing', () => {
  it(`${SEQUENCES} random event sequences keep every invariant`, async () => {
    const seen = new Set<string>();
    let events = 0;
    for (let i = 0; i < SEQUENCES; i += 1) {
      const seed = FIRST_SEED + i;
      const result = await runSequence(seed);
      events += result.events;
      result.steps.forEach((s) => seen.add(s));
      if (result.failure) throw new Error(`tutorial fuzz failed with seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_TUTORIAL=1):\n${result.failure}`);
    }
    expect(events).toBeGreaterThanOrEqual(SEQUENCES * 2);
    if (SEQUENCES >= 1000) expect(seen.size).toBeGreaterThan(steps.length * 0.9);
  }, 240_000);

  it('the checks catch a step out of bounds, a lost persona and a screen that is not the step’s', async () => {
    serve(newStore(scenario.world, 1));
    const actor = createActor(tutorialMachine, { input: { scenario, persona, mode: 'guided', stepIndex: steps.findIndex((s) => s.id === 's3-nir') } });
    actor.start();
    const snap = await waitFor(actor, settled, { timeout: 10_000 });
    expect(check(snap, [], false)).toBeNull();
    const bad = (context: Partial<TutorialSnapshot['context']>) => ({ ...snap, context: { ...snap.context, ...context } }) as TutorialSnapshot;
    expect(check(bad({ stepIndex: steps.length }), [], false)).toMatch(/out of bounds/);
    expect(check(bad({ persona: { ...persona, firstName: 'X' } }), [], false)).toMatch(/persona/);
    expect(check(bad({ demo: { paused: false, speed: Number.NaN } }), [], false)).toMatch(/speed/);
    expect(check(bad({ stepIndex: steps.findIndex((s) => s.id === 's8-activated') }), [], false)).toMatch(/instead of activated/);
    expect(check(snap, ['boom'], false)).toMatch(/actor error/);
    actor.stop();
  });
});
