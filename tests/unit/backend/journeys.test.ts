import { describe, expect, it } from 'vitest';
import { CHLOE, LUCAS, MARTINE, expectApiError, latest, martineIdentify, martineNewCode, startSim, useServer } from './harness';

useServer();

/** The four journeys of the pas à pas, end to end through the client, as the site machine drives them. */
describe('journeys of the default persona', () => {
  it('activation: S3 → S4/S5 → S6 (new e-mail, S13–S14) → S7 → S8', async () => {
    const { api } = startSim();
    const session = await api.identify(martineIdentify());
    expect(session.person.firstName).toBe('Martine');

    expect(await api.decide(session.sessionId, { decision: 'activate', cguAccepted: true })).toMatchObject({
      status: 'pending',
    });

    const { sentTo } = await api.changeContact(session.sessionId, 'email', { value: 'martine.leguellec@example.com' });
    expect(sentTo).toBe('martine.leguellec@example.com');
    const { message, value: otp } = await latest(api, 'otp');
    expect(message.to).toBe(sentTo);
    const { contacts } = await api.verifyContact(session.sessionId, 'email', { otp });
    expect(contacts).toEqual({ email: 'martine.leguellec@example.com', mobile: '0611121314' });

    expect(await api.setCredentials(session.sessionId, { login: 'martine.leguellec', password: 'Printemps#2022' })).toEqual({
      status: 'activated',
      decidedAt: '2024-03-15',
    });

    // Coming back with the same code: the space exists.
    await expectApiError(api.identify(martineIdentify()), 'PROFILE_ALREADY_EXISTS');
    // Asking for a new code is pointless too.
    await expectApiError(api.requestNewCode(martineNewCode()), 'PROFILE_ALREADY_EXISTS');
  });

  it('opposition: S9 → S10 → S11, the justificatif once, then refused', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    expect(await api.decide(sessionId, { decision: 'oppose', cguAccepted: false })).toEqual({
      status: 'opposed',
      decidedAt: '2024-03-15',
    });
    const proof = await api.fetchOppositionProof(sessionId);
    expect(proof).toMatchObject({ firstName: 'Martine', lastName: 'LEGUELLEC', opposedAt: '2024-03-15' });
    await expectApiError(api.fetchOppositionProof(sessionId), 'PROOF_ALREADY_DOWNLOADED', 410);
    // The opposition used the code.
    await expectApiError(api.identify(martineIdentify()), 'CODE_ALREADY_USED');
  });

  it("a child's opposition via the profiles, by the legal representative", async () => {
    const { api } = startSim();
    const parent = await api.identify(martineIdentify());
    await api.decide(parent.sessionId, { decision: 'oppose', cguAccepted: false });

    const profiles = await api.fetchProfiles(parent.sessionId);
    expect(profiles.map((p) => [p.id, p.status])).toEqual([
      ['lucas', 'pending'],
      ['chloe', 'pending'],
    ]);

    const lucas = await api.manageProfile(parent.sessionId, LUCAS.id);
    expect(lucas).toMatchObject({ isChild: true, person: { firstName: 'Lucas' }, status: 'pending' });
    await api.decide(lucas.sessionId, { decision: 'oppose', cguAccepted: false });
    expect(await api.fetchOppositionProof(lucas.sessionId)).toMatchObject({
      firstName: 'Lucas',
      middleNames: '',
      nir: MARTINE.nir,
    });
    await expectApiError(api.fetchOppositionProof(lucas.sessionId), 'PROOF_ALREADY_DOWNLOADED');

    // Back on the parent's S11: Lucas is opposed, Chloé still waits; the parent's own proof is still there.
    expect((await api.fetchProfiles(parent.sessionId)).map((p) => [p.id, p.status, p.decidedAt])).toEqual([
      ['lucas', 'opposed', '2024-03-15'],
      ['chloe', 'pending', null],
    ]);
    expect((await api.fetchOppositionProof(parent.sessionId)).firstName).toBe('Martine');
    // Lucas's letter code was used by the opposition.
    await expectApiError(api.identify(martineIdentify(LUCAS.code)), 'CODE_ALREADY_USED');
  });

  it('new code for Martine: the old code no longer identifies, the new one (from the inbox) does', async () => {
    const { api } = startSim();
    const request = await api.requestNewCode(martineNewCode());
    expect(request).toMatchObject({ channel: 'email', maskedDestination: 'mar*****@example.fr', forFirstName: 'Martine' });
    await api.sendNewCode(request.sessionId);

    const { message, value: code } = await latest(api, 'code');
    expect(message).toMatchObject({
      channel: 'email',
      to: 'martine.leguellec@example.fr',
      subjectKey: 'newCodeEmail.subject',
      bodyKey: 'newCodeEmail.body',
      values: { firstName: 'Martine', lastName: 'LEGUELLEC', code },
    });
    expect(code).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(code).not.toBe(MARTINE.code);

    await expectApiError(api.identify(martineIdentify()), 'NO_USER_FOUND');
    const session = await api.identify(martineIdentify(code));
    expect(session).toMatchObject({ isChild: false, person: { firstName: 'Martine' }, status: 'pending' });
  });

  it('new code for a child, after an opposition, to change her mind', async () => {
    const { api } = startSim();
    const first = await api.identify(martineIdentify(CHLOE.code));
    await api.decide(first.sessionId, { decision: 'oppose', cguAccepted: false });

    const request = await api.requestNewCode(martineNewCode(CHLOE.birthDate));
    expect(request.forFirstName).toBe('Chloé');
    await api.sendNewCode(request.sessionId);
    const { message, value: code } = await latest(api, 'code');
    expect(message.values).toMatchObject({ firstName: 'Chloé', lastName: 'LEGUELLEC' });

    await expectApiError(api.identify(martineIdentify(CHLOE.code)), 'NO_USER_FOUND');
    const session = await api.identify(martineIdentify(code));
    expect(session).toMatchObject({ isChild: true, person: { firstName: 'Chloé' }, status: 'opposed' });
    expect(await api.decide(session.sessionId, { decision: 'activate', cguAccepted: true })).toEqual({
      status: 'activated',
      decidedAt: '2024-03-15',
    });
    // Martine's own code is untouched.
    expect((await api.identify(martineIdentify())).person.firstName).toBe('Martine');
  });
});
