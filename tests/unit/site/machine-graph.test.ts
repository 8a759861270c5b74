import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor, type AnyStateNode } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import { createSiteMachine, screenOf, type SiteApi, type SiteSnapshot } from '../../../src/site/machine';
import type { ScreenId, SiteEvent } from '../../../src/site/types';
import { Store } from '../../../src/backend/store';
import { createHandlers } from '../../../src/backend/handlers';
import { ApiError, createApi } from '../../../src/api/client';
import { scenarioSchema } from '../../../src/scenarios/schema';
import type { ApiErrorCode } from '../../../src/api/types';

/**
 * The site machine's graph: every state it can reach, from the shortest path of events to it. Each
 * path is then played on the real actor over the real backend (msw/node), so that a state added to the
 * machine is tested without anyone writing a test for it.
 */
const scenario = scenarioSchema.parse(parse(readFileSync('scenarios/pas-a-pas.yaml', 'utf8')));
const martine = scenario.world.personas[0]!;
const BASE = 'http://site.test';

// Values the persona would type; the one-time code is read from the inbox when the path is played.
const OTP_PLACEHOLDER = '000000';
const field = (form: string, name: string, value: string) => ({ type: 'FIELD', form, field: name, value }) as SiteEvent;
const common: SiteEvent[] = [{ type: 'BACK' }, { type: 'HOME' }, { type: 'NOT_COVERED', which: 'login' }, { type: 'SUBMIT' }];
/** The events each screen offers: what its elements can send. */
const screenEvents: Record<ScreenId, SiteEvent[]> = {
  home: [{ type: 'ACTIVATE_SPACE' }],
  start: [{ type: 'BEGIN' }, { type: 'NEW_CODE' }],
  identify: [
    { type: 'NEW_CODE' },
    field('identify', 'code', martine.provisionalCode),
    field('identify', 'nir', '2 69 05 44 109 038 57'),
    field('identify', 'cardType', 'sans-photo'),
    field('identify', 'serial', martine.card.serial),
  ],
  decision: [{ type: 'CHOOSE', choice: 'activate' }, { type: 'CHOOSE', choice: 'oppose' }, { type: 'TOGGLE_CGU', checked: true }],
  confirmOpposition: [],
  opposed: [{ type: 'DOWNLOAD_PROOF' }, { type: 'MANAGE_PROFILE', profileId: 'lucas' }],
  contacts: [{ type: 'EDIT_CONTACT', kind: 'email' }, { type: 'EDIT_CONTACT', kind: 'mobile' }],
  editContact: [field('contact', 'value', 'martine.nouvelle@example.fr'), field('contact', 'value', '07 22 33 44 55')],
  verifyContact: [field('contact', 'otp', OTP_PLACEHOLDER), { type: 'RESEND' }],
  credentials: [
    field('credentials', 'login', 'mleguellec69'),
    field('credentials', 'password', 'Printemps#2024'),
    field('credentials', 'confirm', 'Printemps#2024'),
  ],
  activated: [{ type: 'NOT_COVERED', which: 'discover' }],
  newCode: [
    field('newCode', 'nir', '269054410903857'),
    field('newCode', 'birthDate', '12/05/1969'),
    field('newCode', 'cardType', 'sans-photo'),
    field('newCode', 'serial', martine.card.serial),
  ],
  delivery: [{ type: 'EDIT_CONTACT', kind: 'email' }],
  codeSent: [{ type: 'BEGIN' }],
  blocked: [{ type: 'NEW_CODE' }],
  notCovered: [],
};

/** What each invoked actor may answer, as synthetic events for the traversal. */
const sessionOut = (isChild: boolean) => ({
  sessionId: 's',
  person: { firstName: 'Martine', middleNames: 'Julie', lastName: 'LEGUELLEC', birthDate: '1969-05-12', nir: '269054410903857' },
  isChild,
  contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
  status: 'pending',
  decidedAt: null,
});
const outputs: Record<string, unknown> = {
  identify: sessionOut(false),
  decide: { status: 'opposed', decidedAt: '2026-11-26' },
  changeContact: { sentTo: 'martine.nouvelle@example.fr' },
  verifyContact: { contacts: { email: 'martine.nouvelle@example.fr', mobile: '0611121314' } },
  setCredentials: { status: 'activated', decidedAt: '2026-11-26' },
  fetchProof: { firstName: 'Martine', middleNames: 'Julie', lastName: 'LEGUELLEC', nir: '269054410903857', opposedAt: '2026-11-26' },
  fetchProfiles: [],
  manageProfile: sessionOut(true),
  requestNewCode: {
    sessionId: 'n',
    channel: 'email',
    maskedDestination: 'mar*****@example.fr',
    contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
    forFirstName: 'Martine',
  },
  sendNewCode: { channel: 'email', maskedDestination: 'mar*****@example.fr' },
};
/** One refusal that keeps the form (a server error) and one that blocks (a full-page error). */
const FAILURES: ApiErrorCode[] = ['SERVER_ERROR', 'SESSION_TIMED_OUT'];

type AnyEvent = SiteEvent | { type: string; output?: unknown; error?: unknown };

function invokedIds(snapshot: SiteSnapshot): string[] {
  return Object.keys(snapshot.children);
}

function eventsFor(snapshot: SiteSnapshot): AnyEvent[] {
  const pending = invokedIds(snapshot);
  if (pending.length > 0) {
    return pending.flatMap((id) => [
      { type: `xstate.done.actor.${id}`, output: outputs[id] },
      ...FAILURES.map((code) => ({ type: `xstate.error.actor.${id}`, error: { code } })),
    ]);
  }
  return [...common, ...screenEvents[screenOf(snapshot)]];
}

const noop: SiteApi = new Proxy({} as SiteApi, {
  get: () => () => new Promise(() => undefined),
});

const graphMachine = createSiteMachine({ api: noop, deliverProof: () => undefined, today: () => new Date('2026-11-26T10:00:00Z') });

/** The states that matter: where the machine is, and the context that changes what may happen next. */
function serialize(snapshot: SiteSnapshot): string {
  const c = snapshot.context;
  const forms: Record<string, unknown> = {
    identify: Object.values(c.forms.identify).map(Boolean),
    newCode: Object.values(c.forms.newCode).map(Boolean),
    decision: c.forms.decision,
    editContact: [c.forms.contact.value],
    verifyContact: Boolean(c.forms.contact.otp),
    credentials: Object.values(c.forms.credentials).map(Boolean),
  };
  const screen = screenOf(snapshot);
  return JSON.stringify([snapshot.value, c.session?.isChild ?? null, c.contactReturn, c.contactKind, forms[screen] ?? null]);
}

function leafStateIds(node: AnyStateNode): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  // History pseudo-states and transient states (left at once by an eventless transition) are never shown.
  if (children.length === 0) return node.type === 'history' || node.always?.length ? [] : [node.id];
  return children.flatMap(leafStateIds);
}

const paths = getShortestPaths(graphMachine, {
  events: eventsFor as never,
  serializeState: serialize as never,
  limit: 200_000,
  input: { ruleSet: 'seed-2021' },
});

/** The shortest path to each leaf state of the machine. */
const pathByLeaf = new Map<string, (typeof paths)[number]>();
for (const path of paths) {
  const leaves = [...(path.state as SiteSnapshot)._nodes].filter((n) => n.type === 'atomic').map((n) => n.id);
  for (const leaf of leaves) {
    const known = pathByLeaf.get(leaf);
    if (!known || known.steps.length > path.steps.length) pathByLeaf.set(leaf, path);
  }
}

describe('site machine graph', () => {
  it('reaches every state of the machine', () => {
    const all = leafStateIds(graphMachine.root);
    const missing = all.filter((id) => !pathByLeaf.has(id));
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(25);
  });

  describe('every shortest path, played on the real backend', () => {
    const server = setupServer();
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => server.resetHandlers());
    afterAll(() => server.close());

    for (const [leaf, path] of pathByLeaf) {
      it(`reaches ${leaf}`, async () => {
        // A clock that moves a minute per request: no 30-second delay, no 20-minute time-out.
        let t = Date.parse('2026-11-26T09:00:00Z');
        const store = new Store(scenario.world, { now: () => new Date((t += 60_000)), seed: 7 });
        server.use(...createHandlers(store));
        const real = createApi(BASE);
        // Refusals are played at the API boundary (the backend's own are tested on their own).
        const failNext = new Map<string, ApiErrorCode>();
        const api = new Proxy(real, {
          get(target, key: string) {
            const method = Reflect.get(target, key) as (...args: unknown[]) => Promise<unknown>;
            return async (...args: unknown[]) => {
              const code = failNext.get(key);
              if (code) {
                failNext.delete(key);
                throw new ApiError(code, code === 'SERVER_ERROR' ? 500 : 401, code);
              }
              return method.apply(target, args);
            };
          },
        }) as SiteApi;
        const methodOf: Record<string, keyof SiteApi> = {
          identify: 'identify',
          decide: 'decide',
          changeContact: 'changeContact',
          verifyContact: 'verifyContact',
          setCredentials: 'setCredentials',
          fetchProof: 'fetchOppositionProof',
          fetchProfiles: 'fetchProfiles',
          manageProfile: 'manageProfile',
          requestNewCode: 'requestNewCode',
          sendNewCode: 'sendNewCode',
        };
        const delivered: unknown[] = [];
        const machine = createSiteMachine({ api, deliverProof: (p) => delivered.push(p), today: () => new Date('2026-11-26T10:00:00Z') });
        const actor = createActor(machine, { input: { ruleSet: scenario.world.ruleSet } });
        const errors: unknown[] = [];
        actor.subscribe({ error: (e) => errors.push(e) });
        actor.start();

        const steps = path.steps.slice(1);
        const refusalOf = (e: AnyEvent | undefined) => (e ? /^xstate\.error\.actor\.(\w+)$/.exec(e.type) : null);
        for (const [i, step] of steps.entries()) {
          const event = step.event as AnyEvent;
          const expected = JSON.stringify((step.state as SiteSnapshot).value);
          // Arm the refusal of the request that this step starts, when the path says it fails.
          const next = steps[i + 1]?.event as AnyEvent | undefined;
          const refusal = refusalOf(next);
          if (refusal) failNext.set(methodOf[refusal[1]!]!, (next as { error: { code: ApiErrorCode } }).error.code);
          const settled = /^xstate\.(done|error)\.actor\.(\w+)$/.exec(event.type);
          if (settled) {
            // The real request answers: wait for it, then check it led where the graph says.
            const id = settled[2]!;
            await waitFor(actor, (snap) => !(id in snap.children), { timeout: 3000 });
          } else {
            let toSend = event as SiteEvent;
            if (toSend.type === 'FIELD' && toSend.field === 'otp') {
              const otp = store.inbox().map((m) => m.values.otp).find(Boolean);
              toSend = { ...toSend, value: otp ?? OTP_PLACEHOLDER };
            }
            actor.send(toSend);
          }
          expect(JSON.stringify(actor.getSnapshot().value), `step ${i + 1}: ${event.type}`).toBe(expected);
        }
        expect(errors).toEqual([]);
        const finalIds = [...actor.getSnapshot()._nodes].map((n) => n.id);
        expect(finalIds).toContain(leaf);
        actor.stop();
      });
    }
  });
});
