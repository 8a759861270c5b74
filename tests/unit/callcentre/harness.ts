import { readFileSync, readdirSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createApi } from '../../../src/api/client';
import { createHandlers } from '../../../src/backend/handlers';
import { Store } from '../../../src/backend/store';
import { backendStateOf } from '../../../src/callcentre/goal';
import { parseCallScenario } from '../../../src/callcentre/load';
import { createCallMachine, phaseOf, type CallActor, type CallSnapshot } from '../../../src/callcentre/machine';
import type { CallScenario } from '../../../src/callcentre/schema';
import { createSiteMachine } from '../../../src/site/machine';

/**
 * The calls of scenarios/calls, read from disk as the app bundles them, and a call machine running
 * them against the real handlers behind msw/node, with a clock that only moves when a test says so.
 */

export const CALLS_DIR = 'scenarios/calls';

export function callFiles(): string[] {
  return readdirSync(CALLS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function loadCall(file: string): CallScenario {
  return parseCallScenario(readFileSync(`${CALLS_DIR}/${file}`, 'utf8'), file);
}

export function allCalls(): CallScenario[] {
  return callFiles().map(loadCall);
}

const server = setupServer();

export function useServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface Running {
  actor: CallActor;
  store: Store;
  /** Moves the service's clock (the 30-second delay, the 20-minute session). */
  advance(ms: number): void;
  /** The machine's clock (time taken, step durations). */
  tick(ms: number): void;
}

export function startCall(call: CallScenario): Running {
  let serviceTime = Date.parse('2026-11-26T09:00:00Z');
  let machineTime = Date.parse('2026-11-26T09:00:00Z');
  const store = new Store(call.world, { now: () => new Date(serviceTime), seed: 7 });
  server.resetHandlers(...createHandlers(store));
  const api = createApi('http://calls.test');
  const site = createSiteMachine({ api, deliverProof: () => undefined, today: () => new Date('2026-11-26T10:00:00Z') });
  const machine = createCallMachine({ site, backend: api, readState: () => backendStateOf(store), now: () => machineTime });
  const actor = createActor(machine, { input: { call } });
  actor.start();
  return {
    actor,
    store,
    advance: (ms) => void (serviceTime += ms),
    tick: (ms) => void (machineTime += ms),
  };
}

/** Waits until the call waits for the agent: brief, diagnosing, guiding's waiting, or ended. */
export async function settled(actor: CallActor): Promise<CallSnapshot> {
  return waitFor(
    actor,
    (s) => {
      const phase = phaseOf(s);
      return phase === 'brief' || phase === 'diagnosing' || phase === 'ended' || s.matches({ session: { guiding: 'waiting' } });
    },
    { timeout: 10_000 },
  );
}

export async function send(actor: CallActor, ...events: Parameters<CallActor['send']>[0][]): Promise<CallSnapshot> {
  let snap = actor.getSnapshot();
  for (const e of events) {
    actor.send(e);
    snap = await settled(actor);
  }
  return snap;
}

/** Prompts until the call ends (or the prompter has nothing left); returns the last snapshot. */
export async function promptToEnd(actor: CallActor, max = 60): Promise<CallSnapshot> {
  let snap = await settled(actor);
  for (let i = 0; i < max && phaseOf(snap) === 'guiding'; i += 1) {
    snap = await send(actor, { type: 'PROMPT' });
    if (snap.context.promptNote !== null) break;
  }
  return snap;
}

export function correctExplanation(call: CallScenario): string {
  return call.call.diagnosis.explanations.find((e) => e.correct)!.id;
}

export function wrongExplanation(call: CallScenario): string {
  return call.call.diagnosis.explanations.find((e) => !e.correct)!.id;
}

/** Records of real runs: one call resolved by the prompter, one wrong diagnosis then hang-up. */
export async function playedRecords(): Promise<import('../../../src/callcentre/score').CallRecord[]> {
  const { buildRecord } = await import('../../../src/callcentre/score');
  const records = [];
  let n = 0;
  for (const file of ['06-type-de-carte.yaml', '15-opposition-justificatif.yaml']) {
    const call = loadCall(file);
    const right = startCall(call);
    await settled(right.actor);
    await send(right.actor, { type: 'ANSWER' }, { type: 'ASK', id: call.call.diagnosis.questions[0]!.id });
    right.tick(2_000);
    await send(right.actor, { type: 'DIAGNOSE', id: correctExplanation(call) });
    right.tick(1_500);
    const done = await promptToEnd(right.actor);
    records.push(buildRecord(done.context, `0d9f3c2e-4b1a-4c8e-9f00-00000000000${n++}`));
    right.actor.stop();

    const wrong = startCall(call);
    await settled(wrong.actor);
    await send(wrong.actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: wrongExplanation(call) });
    wrong.tick(65_250);
    const hung = await send(wrong.actor, { type: 'HANG_UP' });
    records.push(buildRecord(hung.context, `0d9f3c2e-4b1a-4c8e-9f00-00000000000${n++}`));
    wrong.actor.stop();
  }
  return records;
}
