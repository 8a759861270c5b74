import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createApi } from '../../../src/api/client';
import { createHandlers } from '../../../src/backend/handlers';
import { Store } from '../../../src/backend/store';
import { parseScenario } from '../../../src/scenarios/load';
import { createSiteMachine, screenOf } from '../../../src/site/machine';
import type { SiteEvent } from '../../../src/site/types';
import {
  createTutorialMachine,
  isFinished,
  isWaiting,
  siteOf,
  type Mode,
  type TutorialActor,
  type TutorialScenario,
  type TutorialSnapshot,
} from '../../../src/tutorial/machine';

const scenario = parseScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml') as TutorialScenario;
const persona = scenario.world.personas[0]!;
const steps = scenario.tutorial.steps;
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function start(mode: Mode = 'guided', stepIndex = 0): { actor: TutorialActor; store: Store } {
  let t = Date.parse('2026-11-26T09:00:00Z');
  const store = new Store(scenario.world, { now: () => new Date((t += 61_000)), seed: 11 });
  server.use(...createHandlers(store));
  const api = createApi('http://tuto.test');
  const site = createSiteMachine({ api, deliverProof: () => undefined, today: () => new Date('2026-11-26T10:00:00Z') });
  const machine = createTutorialMachine({ site, backend: api, demoDelayMs: 1, typingDelayMs: 0, now: () => (t += 1000) });
  const actor = createActor(machine, { input: { scenario, persona, mode, stepIndex } });
  actor.start();
  return { actor, store };
}

/** Waits until the tutorial waits for the trainee (or has finished). */
async function settled(actor: TutorialActor): Promise<TutorialSnapshot> {
  return waitFor(actor, (s) => isFinished(s) || isWaiting(s), { timeout: 8000 });
}

const stepId = (s: TutorialSnapshot) => s.context.steps[s.context.stepIndex]?.id;
const screen = (s: TutorialSnapshot) => screenOf(siteOf(s)!.getSnapshot());

async function send(actor: TutorialActor, ...events: Parameters<TutorialActor['send']>[0][]): Promise<TutorialSnapshot> {
  let snap = actor.getSnapshot();
  for (const e of events) {
    actor.send(e);
    snap = await settled(actor);
  }
  return snap;
}

describe('tutorial machine', () => {
  it('guided: the whole pas à pas, the zone for site steps and a click anywhere for the others', async () => {
    const { actor } = start('guided');
    let snap = await settled(actor);
    const seen: string[] = [];
    for (let i = 0; i < 200 && !isFinished(snap); i += 1) {
      const step = snap.context.steps[snap.context.stepIndex]!;
      seen.push(`${step.id}:${step.slide ?? screen(snap)}`);
      if (step.screen) expect(screen(snap), step.id).toBe(step.screen);
      snap = await send(actor, step.action ? { type: 'ZONE' } : { type: 'NEXT' });
    }
    expect(isFinished(snap)).toBe(true);
    expect(seen).toHaveLength(steps.length);
    expect(seen).toContain('s8-activated:activated');
    expect(seen).toContain('s12-end:opposed');
    expect(seen).toContain('s18-sent:codeSent');
  });

  it('guided: a step with a zone refuses NEXT and a click outside with a hint, and does not move', async () => {
    const { actor } = start('guided', indexOf('s3-code'));
    let snap = await settled(actor);
    expect(screen(snap)).toBe('identify');
    snap = await send(actor, { type: 'NEXT' });
    expect(stepId(snap)).toBe('s3-code');
    expect(snap.context.hint?.key).toBe('hints.useZone');
    snap = await send(actor, { type: 'OUTSIDE' });
    expect(snap.context.hint?.key).toBe('hints.outside');
    snap = await send(actor, { type: 'ZONE' });
    expect(stepId(snap)).toBe('s3-nir');
    expect(siteOf(snap)!.getSnapshot().context.forms.identify.code).toBe(persona.provisionalCode);
  });

  it('← goes back one step and rebuilds the site as it was, typed values included', async () => {
    const { actor } = start('guided', indexOf('s3-serial'));
    let snap = await settled(actor);
    const forms = () => siteOf(actor.getSnapshot())!.getSnapshot().context.forms.identify;
    expect(forms()).toMatchObject({ code: persona.provisionalCode, nir: '2 69 05 44 109 038 57', cardType: 'sans-photo', serial: '' });
    snap = await send(actor, { type: 'ZONE' }, { type: 'ZONE' });
    expect(stepId(snap)).toBe('s4-choose');
    expect(screen(snap)).toBe('decision');
    snap = await send(actor, { type: 'PREV' });
    expect(stepId(snap)).toBe('s3-submit');
    expect(screen(snap)).toBe('identify');
    expect(forms().serial).toBe(persona.card.serial);
    snap = await send(actor, { type: 'PREV' }, { type: 'PREV' });
    expect(stepId(snap)).toBe('s3-card');
    expect(forms()).toMatchObject({ cardType: '', serial: '' });
  });

  it('practice: out-of-order typing, a wrong click and a refused submission are counted; hints grow', async () => {
    const { actor } = start('practice', indexOf('s3-code'));
    let snap = await settled(actor);
    const intent = (event: SiteEvent) => ({ type: 'INTENT', event }) as const;
    snap = await send(actor, intent({ type: 'FIELD', form: 'identify', field: 'nir', value: '269054410903857' }));
    expect(stepId(snap)).toBe('s3-code');
    snap = await send(actor, intent({ type: 'SUBMIT' }));
    expect(snap.context.stats[indexOf('s3-code')]?.refusedSubmissions).toBe(1);
    expect(snap.context.hint?.key).toBe('hints.refused');
    expect(snap.context.hintLevel).toBe(1);
    snap = await send(actor, intent({ type: 'NOT_COVERED', which: 'help' }));
    expect(snap.context.stats[indexOf('s3-code')]?.wrongClicks).toBe(1);
    expect(screen(snap)).toBe('notCovered');
    snap = await send(actor, intent({ type: 'BACK' }), { type: 'HINT' });
    expect(snap.context.hintLevel).toBe(3);
    expect(snap.context.stats[indexOf('s3-code')]?.hintsUsed).toBe(1);
    // The code typed: the NIR was already there, so two steps are done at once.
    snap = await send(actor, intent({ type: 'FIELD', form: 'identify', field: 'code', value: persona.provisionalCode }));
    expect(stepId(snap)).toBe('s3-card');
    snap = await send(
      actor,
      intent({ type: 'FIELD', form: 'identify', field: 'cardType', value: 'sans-photo' }),
      intent({ type: 'FIELD', form: 'identify', field: 'serial', value: persona.card.serial }),
      intent({ type: 'SUBMIT' }),
    );
    expect(stepId(snap)).toBe('s4-choose');
    expect(screen(snap)).toBe('decision');
    // NEXT does not skip a site step in practice.
    snap = await send(actor, { type: 'NEXT' });
    expect(stepId(snap)).toBe('s4-choose');
    expect(snap.context.hint?.key).toBe('hints.notDone');
  });

  it('switches mode in the middle of a journey without losing the place', async () => {
    const { actor } = start('guided', indexOf('s3-nir'));
    let snap = await settled(actor);
    snap = await send(actor, { type: 'ZONE' });
    expect(stepId(snap)).toBe('s3-card');
    snap = await send(actor, { type: 'SET_MODE', mode: 'practice' });
    expect(snap.context.mode).toBe('practice');
    expect(stepId(snap)).toBe('s3-card');
    expect(siteOf(snap)!.getSnapshot().context.forms.identify.nir).toBe('2 69 05 44 109 038 57');
    snap = await send(actor, { type: 'INTENT', event: { type: 'FIELD', form: 'identify', field: 'cardType', value: 'sans-photo' } });
    expect(stepId(snap)).toBe('s3-serial');
    snap = await send(actor, { type: 'SET_MODE', mode: 'guided' }, { type: 'ZONE' });
    expect(stepId(snap)).toBe('s3-submit');
  });

  it('demonstration speed: kept between ¼× and 4×, and a speed that is not a number is ignored', async () => {
    const { actor } = start('demo', 0);
    actor.send({ type: 'SPEED', speed: 2 });
    expect(actor.getSnapshot().context.demo.speed).toBe(2);
    actor.send({ type: 'SPEED', speed: Number.NaN });
    actor.send({ type: 'SPEED', speed: Number.POSITIVE_INFINITY });
    expect(actor.getSnapshot().context.demo.speed).toBe(2);
    actor.send({ type: 'SPEED', speed: 100 });
    expect(actor.getSnapshot().context.demo.speed).toBe(4);
    actor.stop();
  });

  it('demonstration plays by itself, pauses and resumes', async () => {
    const { actor } = start('demo', indexOf('s1-activate'));
    await waitFor(actor, (s) => stepId(s) === 's3-nir', { timeout: 8000 });
    actor.send({ type: 'PAUSE' });
    const paused = await waitFor(actor, (s) => isWaiting(s), { timeout: 8000 });
    const at = paused.context.stepIndex;
    await new Promise((r) => setTimeout(r, 50));
    expect(actor.getSnapshot().context.stepIndex).toBe(at);
    actor.send({ type: 'RESUME' });
    await waitFor(actor, (s) => stepId(s) === 's4-choose', { timeout: 8000 });
    expect(siteOf(actor.getSnapshot())!.getSnapshot().context.forms.identify.serial).toBe(persona.card.serial);
    actor.stop();
  });

  it('evaluation skips the slides, counts, and ends before « Fin de parcours »', async () => {
    const { actor } = start('evaluation', indexOf('s17-open'));
    let snap = await settled(actor);
    const intent = (event: SiteEvent) => ({ type: 'INTENT', event }) as const;
    snap = await send(
      actor,
      intent({ type: 'BEGIN' }),
      intent({ type: 'BACK' }),
      intent({ type: 'NEW_CODE' }),
      intent({ type: 'FIELD', form: 'newCode', field: 'nir', value: '2 69 05 44 109 038 57' }),
      intent({ type: 'FIELD', form: 'newCode', field: 'birthDate', value: '12/05/1969' }),
      intent({ type: 'FIELD', form: 'newCode', field: 'cardType', value: 'sans-photo' }),
      intent({ type: 'FIELD', form: 'newCode', field: 'serial', value: '9999' }),
      intent({ type: 'SUBMIT' }),
      intent({ type: 'FIELD', form: 'newCode', field: 'serial', value: persona.card.serial }),
      intent({ type: 'SUBMIT' }),
      intent({ type: 'SUBMIT' }),
    );
    expect(stepId(snap)).toBe('s18-sent');
    expect(snap.context.hint).toBeNull();
    snap = await send(actor, { type: 'NEXT' });
    expect(isFinished(snap)).toBe(true);
    const stats = snap.context.stats;
    expect(stats[indexOf('s17-open')]?.wrongClicks).toBe(2);
    // Refused while the serial step was not done: the error belongs to that step.
    expect(stats[indexOf('s17-serial')]?.refusedSubmissions).toBe(1);
  });

  it('« Fin de parcours » starts a journey again from its own start', async () => {
    const { actor } = start('guided', indexOf('end'));
    let snap = await settled(actor);
    snap = await send(actor, { type: 'JOURNEY', journey: 'opposition' });
    expect(stepId(snap)).toBe('s9-choose');
    expect(screen(snap)).toBe('decision');
    expect(siteOf(snap)!.getSnapshot().context.session?.person.firstName).toBe('Martine');
  });
});
