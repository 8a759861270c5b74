import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createApi } from '../../../src/api/client';
import { createHandlers } from '../../../src/backend/handlers';
import { Store } from '../../../src/backend/store';
import { parseScenario } from '../../../src/scenarios/load';
import type { RuleSet, WorldData } from '../../../src/scenarios/schema';
import { createSiteMachine, screenOf, type SiteActor, type SiteSnapshot } from '../../../src/site/machine';
import { SCREEN_IDS, type ScreenId, type SiteEvent } from '../../../src/site/types';
import type { TutorialScenario } from '../../../src/tutorial/machine';

/**
 * The site machine against the real store behind msw/node, as the fuzz and corpus tests drive it: a
 * fake clock that moves a minute per request (so the 30-second delay never blocks a random walk unless
 * a test wants it), a seeded store, and a `send` that waits for the machine's answer.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const scenario = parseScenario(readFileSync(`${root}scenarios/pas-a-pas.yaml`, 'utf8'), 'pas-a-pas.yaml') as TutorialScenario;
export const TODAY = new Date('2026-11-26T10:00:00Z');

export const SCREENS: readonly ScreenId[] = SCREEN_IDS;

export const server = setupServer();

/** Registers the MSW server's lifecycle in the calling test file. */
export function useServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => {
    server.close();
    served = false;
  });
}

export const BASE = 'http://fuzz.test';

export function newStore(world: WorldData = scenario.world, seed = 1): Store {
  let t = Date.parse('2026-11-26T09:00:00Z');
  return new Store(world, { now: () => new Date((t += 61_000)), seed });
}

export const idle = (s: SiteSnapshot): boolean => Object.keys(s.children).length === 0 && !s.context.busy;

export interface SiteHarness {
  actor: SiteActor;
  store: Store;
  /** Errors the actor reported (an xstate actor error ends the actor: this must stay empty). */
  errors: unknown[];
  send(event: SiteEvent): Promise<SiteSnapshot>;
  snapshot(): SiteSnapshot;
  screen(): ScreenId;
  stop(): void;
}

/**
 * The handlers are built once, over whichever store is current: building MSW handlers costs more than a
 * short random walk, and thousands of walks each get a fresh store.
 */
let current: Store | null = null;
/** One machine for every walk: it is a pure definition; each walk runs its own actor. */
let siteMachine: ReturnType<typeof createSiteMachine> | null = null;
let served = false;
const storeProxy = new Proxy({} as Store, {
  get(_target, key) {
    const store = current as unknown as Record<string | symbol, unknown>;
    const value = store[key];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(store) : value;
  },
});

/** Serves this store from now on (the handlers stay the same). */
export function serve(store: Store): void {
  current = store;
  if (!served) {
    server.resetHandlers(...createHandlers(storeProxy));
    served = true;
  }
}

/** The site machine of every walk, with the API client on the test origin. */
export function sharedSiteMachine(): ReturnType<typeof createSiteMachine> {
  siteMachine ??= createSiteMachine({ api: createApi(BASE), deliverProof: () => undefined, today: () => TODAY });
  return siteMachine;
}

export function startSite(options: { ruleSet?: RuleSet; world?: WorldData; seed?: number } = {}): SiteHarness {
  const world = options.world ?? scenario.world;
  const store = newStore(world, options.seed ?? 1);
  serve(store);
  sharedSiteMachine();
  const actor = createActor(sharedSiteMachine(), { input: { ruleSet: options.ruleSet ?? world.ruleSet } });
  const errors: unknown[] = [];
  actor.subscribe({ error: (e) => errors.push(e) });
  actor.start();
  return {
    actor,
    store,
    errors,
    async send(event) {
      actor.send(event);
      return waitFor(actor, idle, { timeout: 5000 });
    },
    snapshot: () => actor.getSnapshot(),
    screen: () => screenOf(actor.getSnapshot()),
    stop: () => actor.stop(),
  };
}

/**
 * Exactly one screen is active: the machine's value is `notCovered`, or `{ screens: X }` with X one
 * screen (a string, or an object of one key for a screen with sub-states), and X is a known screen.
 */
export function oneScreen(snapshot: { value: unknown }): string | null {
  const value = snapshot.value;
  let screen: string;
  if (value === 'notCovered') screen = 'notCovered';
  else if (value && typeof value === 'object' && Object.keys(value).length === 1 && 'screens' in value) {
    const inner = (value as { screens: unknown }).screens;
    if (typeof inner === 'string') screen = inner;
    else if (inner && typeof inner === 'object' && Object.keys(inner).length === 1) screen = Object.keys(inner)[0]!;
    else return `more than one screen: ${JSON.stringify(value)}`;
  } else return `not one screen: ${JSON.stringify(value)}`;
  if (!(SCREENS as readonly string[]).includes(screen)) return `unknown screen ${screen}`;
  if (screenOf(snapshot) !== screen) return `screenOf says ${screenOf(snapshot)}, the state is ${screen}`;
  return null;
}

/** The default persona's values, as a person types them. */
export const MARTINE = {
  code: 'Kp7RmX2qLa9T',
  nir: '2 69 05 44 109 038 57',
  cardType: 'sans-photo',
  serial: '09073458126',
  birthDate: '12/05/1969',
  email: 'martine.l@example.fr',
  mobile: '07 22 33 44 55',
  login: 'mleguellec69',
  password: 'Printemps#2024',
} as const;

export const identifyMartine: SiteEvent[] = [
  { type: 'FIELD', form: 'identify', field: 'code', value: MARTINE.code },
  { type: 'FIELD', form: 'identify', field: 'nir', value: MARTINE.nir },
  { type: 'FIELD', form: 'identify', field: 'cardType', value: MARTINE.cardType },
  { type: 'FIELD', form: 'identify', field: 'serial', value: MARTINE.serial },
];

/** The newest one-time code the simulated inbox or phone received. */
export function latestOtp(store: Store): string {
  return store.inbox().find((m) => m.values.otp !== undefined)?.values.otp ?? '';
}
