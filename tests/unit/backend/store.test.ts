import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/backend/store';
import { BASE, MARTINE, expectApiError, fakeClock, latest, martineIdentify, pasAPasWorld, startSim, useServer, worldWith } from './harness';

useServer();

describe('session timeout', () => {
  it('keeps a session alive while requests come, ends it after 20 minutes without any', async () => {
    const { api, clock } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    clock.advance(19 * 60_000);
    await api.fetchProfiles(sessionId);
    clock.advance(19 * 60_000);
    await api.fetchProfiles(sessionId);
    clock.advance(20 * 60_000);
    await expectApiError(api.decide(sessionId, { decision: 'oppose', cguAccepted: false }), 'SESSION_TIMED_OUT', 401);
    // Gone for good, even if asked again at once.
    await expectApiError(api.fetchProfiles(sessionId), 'SESSION_TIMED_OUT', 401);
    // Nothing was decided.
    expect((await api.identify(martineIdentify())).status).toBe('pending');
  });

  it("keeps the parent's session alive while she manages a child", async () => {
    const { api, clock } = startSim();
    const parent = await api.identify(martineIdentify());
    const child = await api.manageProfile(parent.sessionId, 'lucas');
    clock.advance(15 * 60_000);
    await api.decide(child.sessionId, { decision: 'oppose', cguAccepted: false });
    clock.advance(15 * 60_000);
    expect(await api.fetchProfiles(parent.sessionId)).toHaveLength(2);
  });

  it('times out a new-code session too', async () => {
    const { api, clock } = startSim();
    const { sessionId } = await api.requestNewCode({
      nir: MARTINE.nir,
      birthDate: MARTINE.birthDate,
      cardType: 'sans-photo',
      serial: MARTINE.serial,
    });
    clock.advance(21 * 60_000);
    await expectApiError(api.sendNewCode(sessionId), 'SESSION_TIMED_OUT', 401);
  });
});

describe('faults of the scenario', () => {
  it('answers the error `times` times, even to a request that would succeed, then behaves normally', async () => {
    const { api } = startSim(worldWith({}, { faults: [{ endpoint: 'identify', error: 'CODE_EXPIRED', times: 2 }] }));
    await expectApiError(api.identify(martineIdentify()), 'CODE_EXPIRED', 410);
    await expectApiError(api.identify(martineIdentify()), 'CODE_EXPIRED', 410);
    expect((await api.identify(martineIdentify())).person.firstName).toBe('Martine');
  });

  it('fires always with times 0, and only on its endpoint', async () => {
    const { api } = startSim(worldWith({}, { faults: [{ endpoint: 'credentials', error: 'SERVER_ERROR', times: 0 }] }));
    const { sessionId } = await api.identify(martineIdentify());
    await api.decide(sessionId, { decision: 'activate', cguAccepted: true });
    for (let i = 0; i < 3; i++) {
      await expectApiError(api.setCredentials(sessionId, { login: 'mleguellec', password: 'Tulipe#Rouge85' }), 'SERVER_ERROR', 500);
    }
  });

  it('chains the faults of one endpoint in their order', async () => {
    const { api } = startSim(
      worldWith(
        {},
        {
          faults: [
            { endpoint: 'new-code', error: 'CONTACTS_NOT_FOUND', times: 1 },
            { endpoint: 'new-code-send', error: 'MIN_DELAY_ERROR', times: 1 },
            { endpoint: 'new-code', error: 'NO_USER_FOUND', times: 1 },
          ],
        },
      ),
    );
    const request = { nir: MARTINE.nir, birthDate: MARTINE.birthDate, cardType: 'sans-photo', serial: MARTINE.serial } as const;
    await expectApiError(api.requestNewCode(request), 'CONTACTS_NOT_FOUND', 422);
    await expectApiError(api.requestNewCode(request), 'NO_USER_FOUND', 404);
    const { sessionId } = await api.requestNewCode(request);
    await expectApiError(api.sendNewCode(sessionId), 'MIN_DELAY_ERROR', 429);
    await api.sendNewCode(sessionId);
  });

  it('fires before the session is looked at', async () => {
    const { api } = startSim(worldWith({}, { faults: [{ endpoint: 'profiles', error: 'SESSION_TIMED_OUT', times: 1 }] }));
    const { sessionId } = await api.identify(martineIdentify());
    await expectApiError(api.fetchProfiles(sessionId), 'SESSION_TIMED_OUT', 401);
    // The fault only answered: the session is still there.
    expect(await api.fetchProfiles(sessionId)).toHaveLength(2);
  });

  it('fires again after a reset', async () => {
    const { api } = startSim(worldWith({}, { faults: [{ endpoint: 'identify', error: 'DECEASED_INDIVIDUAL', times: 1 }] }));
    await expectApiError(api.identify(martineIdentify()), 'DECEASED_INDIVIDUAL', 403);
    await api.identify(martineIdentify());
    await api.reset();
    await expectApiError(api.identify(martineIdentify()), 'DECEASED_INDIVIDUAL', 403);
  });
});

describe('reset and world', () => {
  it('reset brings back the initial world: decisions, contacts, sessions and messages forgotten', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    await api.changeContact(sessionId, 'mobile', { value: '0722334455' });
    const { value: otp } = await latest(api, 'otp');
    await api.verifyContact(sessionId, 'mobile', { otp });
    await api.decide(sessionId, { decision: 'oppose', cguAccepted: false });

    await api.reset();
    expect(await api.fetchInbox()).toEqual([]);
    await expectApiError(api.fetchProfiles(sessionId), 'SESSION_TIMED_OUT');
    const again = await api.identify(martineIdentify());
    expect(again).toMatchObject({ status: 'pending', contacts: { mobile: '0611121314' } });
  });

  it('POST /api/world replaces the world and its initial state', async () => {
    const { api } = startSim();
    const other = worldWith({ provisionalCode: 'Ab3Cd4Ef5Gh6', firstName: 'Martina' });
    await api.loadWorld(other);
    await expectApiError(api.identify(martineIdentify()), 'NO_USER_FOUND');
    expect((await api.identify(martineIdentify('Ab3Cd4Ef5Gh6'))).person.firstName).toBe('Martina');
    await api.reset();
    expect((await api.identify(martineIdentify('Ab3Cd4Ef5Gh6'))).person.firstName).toBe('Martina');
  });

  it('POST /api/world refuses what is not a world, naming the field', async () => {
    startSim();
    const response = await fetch(`${BASE}/api/world`, {
      method: 'POST',
      body: JSON.stringify({ personas: [{ ...pasAPasWorld().personas[0], birthDate: '12/05/1969' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'personas.0.birthDate' } });
  });
});

describe('onChange and serialization', () => {
  it('reports the requests that changed the store, not the others', async () => {
    const { api, changes } = startSim();
    await api.fetchInbox();
    expect(changes()).toBe(0);
    await expectApiError(api.identify(martineIdentify('Zz9Zz9Zz9Zz9')), 'NO_USER_FOUND');
    expect(changes()).toBe(0);
    const { sessionId } = await api.identify(martineIdentify());
    expect(changes()).toBe(1);
    await api.fetchProfiles(sessionId);
    expect(changes()).toBe(2);
    await api.fetchInbox();
    expect(changes()).toBe(2);
  });

  it('round-trips through JSON mid-journey: sessions, pending codes, inbox, clock and random source', async () => {
    const sim = startSim();
    const { sessionId } = await sim.api.identify(martineIdentify());
    await sim.api.decide(sessionId, { decision: 'activate', cguAccepted: true });
    await sim.api.changeContact(sessionId, 'email', { value: 'a.leguellec@example.fr' });
    const { value: otp } = await latest(sim.api, 'otp');

    const saved = JSON.stringify(sim.store);
    const restored = Store.fromJSON(JSON.parse(saved), { now: sim.clock.now });
    expect(JSON.stringify(restored)).toBe(saved);
    expect(restored.revision).toBe(sim.store.revision);

    // The restored store draws the same next session id as the original: the random source was
    // restored where it stood.
    const request = martineIdentify();
    expect(restored.identify(request).sessionId).toBe(sim.store.identify(request).sessionId);

    sim.serve(Store.fromJSON(saved, { now: sim.clock.now }));
    sim.clock.advance(30_000);
    expect((await sim.api.fetchInbox()).map((m) => m.values.otp)).toEqual([otp]);
    expect((await sim.api.verifyContact(sessionId, 'email', { otp })).contacts.email).toBe('a.leguellec@example.fr');
    expect(await sim.api.setCredentials(sessionId, { login: 'mleguellec', password: 'Tulipe#Rouge85' })).toMatchObject({
      status: 'activated',
    });
  });

  it('refuses a snapshot it cannot read', () => {
    expect(() => Store.fromJSON({ version: 2 })).toThrow();
    expect(() => Store.fromJSON(null)).toThrow();
  });

  it('restores with an injected random source', () => {
    const clock = fakeClock();
    const store = new Store(pasAPasWorld(), { now: clock.now, rng: () => 0.5 });
    store.identify(martineIdentify());
    const snapshot = store.toJSON();
    expect(snapshot.rng.seed).toBeNull();
    const restored = Store.fromJSON(snapshot, { now: clock.now, rng: () => 0.25 });
    expect(restored.identify(martineIdentify()).sessionId).toMatch(/^j{24}$/);
  });

  it('uses the real clock by default, and the local calendar day', () => {
    const store = new Store(pasAPasWorld());
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(store.today()).toBe(iso);
    expect(new Store(worldWith({}, { today: '2022-01-03' })).today()).toBe('2022-01-03');
  });
});
