import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { parse } from 'yaml';
import { ApiError, createApi, type Api } from '../../../src/api/client';
import type { ApiErrorCode, IdentifyRequest, InboxMessage, NewCodeRequest } from '../../../src/api/types';
import { createHandlers } from '../../../src/backend/handlers';
import { Store } from '../../../src/backend/store';
import { scenarioSchema, type PersonaData, type WorldData } from '../../../src/scenarios/schema';

/**
 * Shared set-up of the backend tests: the handlers behind msw/node, reached through the typed client,
 * with a fake clock and a seeded random source.
 */

export const BASE = 'http://sim.test';

/**
 * The default persona's world, read from the pas à pas as the app reads it: Martine and her children
 * only (the scenario's other personas, and her taken identifiers, are for rehearsal in the app).
 */
export function pasAPasWorld(): WorldData {
  const text = readFileSync(new URL('../../../scenarios/pas-a-pas.yaml', import.meta.url), 'utf8');
  const world = scenarioSchema.parse(parse(text)).world;
  const martine = world.personas[0]!;
  return { ...world, personas: [{ ...martine, takenLogins: [] }] };
}

export const MARTINE = {
  code: 'Kp7RmX2qLa9T',
  nir: '269054410903857',
  cardType: 'sans-photo',
  serial: '09073458126',
  birthDate: '1969-05-12',
} as const;

export const LUCAS = { id: 'lucas', code: 'Ht4WqZ8nBv2M', birthDate: '2012-09-03' } as const;
export const CHLOE = { id: 'chloe', code: 'Rd6XpL3sKe9F', birthDate: '2013-02-21' } as const;

export function martineIdentify(code: string = MARTINE.code): IdentifyRequest {
  return { code, nir: MARTINE.nir, cardType: MARTINE.cardType, serial: MARTINE.serial };
}

export function martineNewCode(birthDate: string = MARTINE.birthDate): NewCodeRequest {
  return { nir: MARTINE.nir, birthDate, cardType: MARTINE.cardType, serial: MARTINE.serial };
}

/** The pas à pas world with Martine changed (and other changes to the world). */
export function worldWith(martine: Partial<PersonaData>, world: Partial<WorldData> = {}): WorldData {
  const base = pasAPasWorld();
  const [first, ...others] = base.personas;
  return { ...base, ...world, personas: [{ ...first!, ...martine }, ...others, ...(world.personas ?? [])] };
}

export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
}

export function fakeClock(start = '2024-03-15T09:00:00.000Z'): FakeClock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

const server = setupServer();

/** Registers the MSW server's lifecycle in the calling test file. */
export function useServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface Sim {
  store: Store;
  api: Api;
  clock: FakeClock;
  changes: () => number;
  /** Serves another store (e.g. one restored from JSON) from now on. */
  serve(store: Store): void;
}

export function startSim(world: WorldData = pasAPasWorld(), seed = 42): Sim {
  const clock = fakeClock();
  const store = new Store(world, { now: clock.now, seed });
  let changes = 0;
  const serve = (s: Store) => server.resetHandlers(...createHandlers(s, { onChange: () => void changes++ }));
  serve(store);
  return { store, api: createApi(BASE), clock, changes: () => changes, serve };
}

export { server };

/** The promise rejects with an ApiError of this code (and status, when given). */
export async function expectApiError(promise: Promise<unknown>, code: ApiErrorCode, status?: number): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, the request succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.code).toBe(code);
  if (status !== undefined) expect(apiError.status).toBe(status);
  expect(apiError.network).toBe(false);
  return apiError;
}

/** The newest message of the inbox that carries this value (otp or code). */
export async function latest(api: Api, value: 'otp' | 'code'): Promise<{ message: InboxMessage; value: string }> {
  const messages = await api.fetchInbox();
  const message = messages.find((m) => m.values[value] !== undefined);
  if (!message) throw new Error(`no message with a ${value} in the inbox`);
  return { message, value: message.values[value]! };
}
