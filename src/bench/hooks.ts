import { DEFAULT_SCENARIO } from '../scenarios/default-scenario';
import { createActor, waitFor } from 'xstate';
import { api } from '../api/client';
import { bootBackend } from '../app/backend-boot';
import { loadShippedScenario } from '../scenarios/shipped';
import { createSiteMachine } from '../site/machine';
import { createTutorialMachine, isFinished, isSiteStep, type TutorialScenario } from '../tutorial/machine';

/**
 * Hooks of the benchmark build only (`vite build --mode bench`, see scripts/bench.mjs); the app's build
 * has none (main.ts imports this module only in that mode). `journeys(n)` plays the default pas à pas in
 * demonstration mode, without delays, through the same tutorial machine, site machine, API client and
 * simulated backend (MSW in the page) as the player, until at least n of its site journeys have been
 * played to their end; it answers how many were.
 */
export interface BenchHooks {
  journeys(n: number): Promise<number>;
}

let scenario: TutorialScenario | null = null;
let booted = false;

async function playOnce(): Promise<number> {
  scenario ??= (await loadShippedScenario(DEFAULT_SCENARIO)) as TutorialScenario;
  const persona = scenario.world.personas.find((p) => p.id === scenario!.tutorial.persona) ?? scenario.world.personas[0]!;
  if (!booted) {
    await bootBackend(scenario.world, () => undefined);
    booted = true;
  }
  const site = createSiteMachine({ api, deliverProof: () => undefined });
  const machine = createTutorialMachine({ site, backend: api, typingDelayMs: 0, demoDelayMs: 0 });
  const actor = createActor(machine, { input: { scenario, persona, mode: 'demo', stepIndex: 0 } });
  actor.start();
  try {
    const done = await waitFor(actor, (s) => isFinished(s) || s.context.problem !== null, { timeout: 120_000 });
    if (done.context.problem) throw new Error(done.context.problem);
  } finally {
    actor.stop();
  }
  const steps = scenario.tutorial.steps;
  return new Set(steps.filter((s) => isSiteStep(s)).map((s) => s.journey)).size;
}

const hooks: BenchHooks = {
  async journeys(n) {
    let played = 0;
    while (played < n) played += await playOnce();
    return played;
  },
};

(window as unknown as { __mesBench: BenchHooks }).__mesBench = hooks;
