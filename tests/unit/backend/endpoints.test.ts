import { describe, expect, it } from 'vitest';
import type { PersonaData } from '../../../src/scenarios/schema';
import { personaSchema } from '../../../src/scenarios/schema';
import {
  BASE,
  CHLOE,
  LUCAS,
  MARTINE,
  expectApiError,
  latest,
  martineIdentify,
  martineNewCode,
  pasAPasWorld,
  startSim,
  useServer,
  worldWith,
} from './harness';

useServer();

/** A man with a carte Vitale with photo (full serial on file, he types its last 11 digits), mobile only. */
const PAUL: PersonaData = personaSchema.parse({
  id: 'paul',
  firstName: 'Paul',
  lastName: 'DURAND',
  sex: 'M',
  birthDate: '1985-07-14',
  nir: '1 85 07 75 056 123 23',
  card: { type: 'avec-photo', serial: '250148127395560' },
  provisionalCode: 'Pq4Zt7Wm2Xs8',
  mobile: '07 22 33 44 55',
});
const PAUL_ID = { code: 'Pq4Zt7Wm2Xs8', nir: '185077505612323', cardType: 'avec-photo', serial: '48127395560' } as const;

const JEANNE: PersonaData = personaSchema.parse({
  id: 'jeanne',
  firstName: 'Jeanne',
  lastName: 'MARTIN',
  sex: 'F',
  birthDate: '1992-01-30',
  nir: '292016912304592',
  card: { type: 'sans-photo', serial: '7712345678' },
  provisionalCode: 'Dc3Vb8Nm4Lk2',
  email: 'jeanne.martin@example.fr',
  deceased: true,
});
const JEANNE_ID = { code: 'Dc3Vb8Nm4Lk2', nir: '292016912304592', cardType: 'sans-photo', serial: '7712345678' } as const;

describe('POST /api/enrolment/identify', () => {
  it('identifies Martine with her code, NIR, card type and serial', async () => {
    const { api } = startSim();
    const session = await api.identify(martineIdentify());
    expect(session.sessionId).toMatch(/^[a-z0-9]{24}$/);
    expect(session).toMatchObject({
      person: { firstName: 'Martine', middleNames: 'Julie', lastName: 'LEGUELLEC', birthDate: '1969-05-12', nir: MARTINE.nir },
      isChild: false,
      contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
      status: 'pending',
      decidedAt: null,
    });
  });

  it('accepts the NIR and serial typed with spaces, as printed', async () => {
    const { api } = startSim();
    const session = await api.identify({ ...martineIdentify(), nir: '2 69 05 44 109 038 57', serial: '090 734 581 26' });
    expect(session.person.firstName).toBe('Martine');
  });

  it("identifies a child by the child's own code and the parent's NIR and card", async () => {
    const { api } = startSim();
    const session = await api.identify(martineIdentify(LUCAS.code));
    expect(session).toMatchObject({
      person: { firstName: 'Lucas', middleNames: '', lastName: 'LEGUELLEC', birthDate: LUCAS.birthDate, nir: MARTINE.nir },
      isChild: true,
      contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
      status: 'pending',
    });
  });

  it('identifies a card with photo by the last 11 digits of its serial', async () => {
    const { api } = startSim(worldWith({}, { personas: [PAUL] }));
    const session = await api.identify(PAUL_ID);
    expect(session.person).toMatchObject({ firstName: 'Paul', nir: PAUL_ID.nir });
    expect(session.contacts).toEqual({ email: null, mobile: '0722334455' });
    // The first 11 digits of the same serial are not what the card shows in its corner.
    await expectApiError(api.identify({ ...PAUL_ID, serial: '25014812739' }), 'NO_USER_FOUND', 404);
  });

  it('answers NO_USER_FOUND when the code, the NIR, the card type or the serial does not match', async () => {
    const { api } = startSim();
    await expectApiError(api.identify(martineIdentify('Zz9Zz9Zz9Zz9')), 'NO_USER_FOUND', 404);
    await expectApiError(api.identify({ ...martineIdentify(), nir: '185077505612323' }), 'NO_USER_FOUND', 404);
    await expectApiError(api.identify({ ...martineIdentify(), serial: '09073458127' }), 'NO_USER_FOUND', 404);
    await expectApiError(api.identify({ ...martineIdentify(), cardType: 'avec-photo' }), 'NO_USER_FOUND', 404);
    // Codes are compared exactly, as printed on the letter.
    await expectApiError(api.identify(martineIdentify(MARTINE.code.toLowerCase())), 'NO_USER_FOUND', 404);
  });

  it('refuses badly formed inputs with INVALID_REQUEST and the field', async () => {
    const { api } = startSim();
    const short = await expectApiError(api.identify(martineIdentify('Kp7RmX2qLa9')), 'INVALID_REQUEST', 400);
    expect(short.details?.field).toBe('code');
    const key = await expectApiError(api.identify({ ...martineIdentify(), nir: '269054410903858' }), 'INVALID_REQUEST', 400);
    expect(key.details?.field).toBe('nir');
    const card = await expectApiError(
      api.identify({ ...martineIdentify(), cardType: 'sans photo' as never }),
      'INVALID_REQUEST',
      400,
    );
    expect(card.details?.field).toBe('cardType');
    const serial = await expectApiError(api.identify({ ...martineIdentify(), serial: '12051969' }), 'INVALID_REQUEST', 400);
    expect(serial.details?.field).toBe('serial');
  });

  it('answers 400 INVALID_REQUEST to a malformed body, never an exception', async () => {
    startSim();
    for (const body of ['{not json', '', '[1,2]', 'null', JSON.stringify({ code: 12 })]) {
      const response = await fetch(`${BASE}/api/enrolment/identify`, { method: 'POST', body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'INVALID_REQUEST', message: expect.any(String) });
    }
  });

  it('answers CODE_EXPIRED and CODE_ALREADY_USED by the state of the code', async () => {
    let { api } = startSim(worldWith({ codeState: 'expired' }));
    await expectApiError(api.identify(martineIdentify()), 'CODE_EXPIRED', 410);
    ({ api } = startSim(worldWith({ codeState: 'used' })));
    await expectApiError(api.identify(martineIdentify()), 'CODE_ALREADY_USED', 409);
  });

  it('checks the identity before revealing the state of the code', async () => {
    const { api } = startSim(worldWith({ codeState: 'expired' }));
    await expectApiError(api.identify({ ...martineIdentify(), serial: '09073458127' }), 'NO_USER_FOUND');
  });

  it('answers DECEASED_INDIVIDUAL and PROFILE_ALREADY_EXISTS', async () => {
    let { api } = startSim(worldWith({}, { personas: [JEANNE] }));
    await expectApiError(api.identify(JEANNE_ID), 'DECEASED_INDIVIDUAL', 403);
    ({ api } = startSim(worldWith({ status: 'activated', decidedAt: '2024-01-10' })));
    await expectApiError(api.identify(martineIdentify()), 'PROFILE_ALREADY_EXISTS', 409);
  });

  it('lets an opposed person identify again with a valid code, to change her mind', async () => {
    const { api } = startSim(worldWith({ status: 'opposed', decidedAt: '2024-01-10' }));
    const session = await api.identify(martineIdentify());
    expect(session).toMatchObject({ status: 'opposed', decidedAt: '2024-01-10' });
  });
});

describe('POST /api/enrolment/:id/decision', () => {
  it('records an opposition: opposed today, the code used', async () => {
    const { api } = startSim(worldWith({}, { today: '2024-03-20' }));
    const { sessionId } = await api.identify(martineIdentify());
    expect(await api.decide(sessionId, { decision: 'oppose', cguAccepted: false })).toEqual({
      status: 'opposed',
      decidedAt: '2024-03-20',
    });
    await expectApiError(api.identify(martineIdentify()), 'CODE_ALREADY_USED');
  });

  it("records an adult's activation consent, completed later by the credentials", async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    expect(await api.decide(sessionId, { decision: 'activate', cguAccepted: true })).toEqual({
      status: 'pending',
      decidedAt: null,
    });
    // Not activated yet: the code still identifies her.
    expect((await api.identify(martineIdentify())).status).toBe('pending');
  });

  it("completes a child's activation at once", async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify(CHLOE.code));
    expect(await api.decide(sessionId, { decision: 'activate', cguAccepted: true })).toEqual({
      status: 'activated',
      decidedAt: '2024-03-15',
    });
    await expectApiError(api.identify(martineIdentify(CHLOE.code)), 'PROFILE_ALREADY_EXISTS');
    await expectApiError(api.decide(sessionId, { decision: 'oppose', cguAccepted: false }), 'PROFILE_ALREADY_EXISTS');
  });

  it('refuses an activation without the CGU, and an unknown decision', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    const cgu = await expectApiError(api.decide(sessionId, { decision: 'activate', cguAccepted: false }), 'INVALID_REQUEST', 400);
    expect(cgu.details?.field).toBe('cguAccepted');
    await expectApiError(api.decide(sessionId, { decision: 'maybe' as never, cguAccepted: true }), 'INVALID_REQUEST', 400);
  });

  it('answers SESSION_TIMED_OUT to an unknown session', async () => {
    const { api } = startSim();
    await expectApiError(api.decide('nosuchsession', { decision: 'oppose', cguAccepted: false }), 'SESSION_TIMED_OUT', 401);
    await expectApiError(api.fetchProfiles('constructor'), 'SESSION_TIMED_OUT', 401);
  });
});

describe('POST /api/enrolment/:id/contacts/:kind and /verify', () => {
  it('sends a one-time code to the new e-mail address and changes it once verified', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    expect(await api.changeContact(sessionId, 'email', { value: 'Martine.L@Example.fr' })).toEqual({
      sentTo: 'Martine.L@Example.fr',
    });
    const { message, value: otp } = await latest(api, 'otp');
    expect(message).toMatchObject({
      channel: 'email',
      to: 'Martine.L@Example.fr',
      subjectKey: 'otpEmail.subject',
      bodyKey: 'otpEmail.body',
    });
    expect(otp).toMatch(/^\d{6}$/);

    const wrong = otp === '000000' ? '111111' : '000000';
    await expectApiError(api.verifyContact(sessionId, 'email', { otp: wrong }), 'WRONG_OTP', 400);
    // A wrong code may be retried.
    expect(await api.verifyContact(sessionId, 'email', { otp })).toEqual({
      contacts: { email: 'martine.l@example.fr', mobile: '0611121314' },
    });
    expect((await api.identify(martineIdentify())).contacts.email).toBe('martine.l@example.fr');
  });

  it('sends an SMS to the new mobile number, shown grouped by two', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    expect(await api.changeContact(sessionId, 'mobile', { value: '+33 7 22 33 44 55' })).toEqual({
      sentTo: '07 22 33 44 55',
    });
    const { message, value: otp } = await latest(api, 'otp');
    expect(message).toMatchObject({ channel: 'sms', to: '07 22 33 44 55', bodyKey: 'otpSms.body' });
    const { contacts } = await api.verifyContact(sessionId, 'mobile', { otp });
    expect(contacts.mobile).toBe('0722334455');
  });

  it("changes the parent's contacts from a child's session", async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify(LUCAS.code));
    await api.changeContact(sessionId, 'email', { value: 'famille.leguellec@example.fr' });
    const { value: otp } = await latest(api, 'otp');
    await api.verifyContact(sessionId, 'email', { otp });
    expect((await api.identify(martineIdentify())).contacts.email).toBe('famille.leguellec@example.fr');
  });

  it('refuses an invalid value, an unknown kind, and a verification without any code sent', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    const email = await expectApiError(api.changeContact(sessionId, 'email', { value: 'martine@' }), 'INVALID_REQUEST', 400);
    expect(email.details?.field).toBe('value');
    await expectApiError(api.changeContact(sessionId, 'mobile', { value: '0123456789' }), 'INVALID_REQUEST', 400);
    await expectApiError(api.changeContact(sessionId, 'fax' as never, { value: '0611121314' }), 'INVALID_REQUEST', 400);
    await expectApiError(api.verifyContact(sessionId, 'mobile', { otp: '123456' }), 'INVALID_REQUEST', 400);
    await expectApiError(api.verifyContact(sessionId, 'mobile', { otp: '12345' }), 'INVALID_REQUEST', 400);
  });

  it('answers MIN_DELAY_ERROR when a code is asked again within 30 seconds', async () => {
    const { api, clock } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    await api.changeContact(sessionId, 'email', { value: 'a.leguellec@example.fr' });
    clock.advance(29_000);
    await expectApiError(api.changeContact(sessionId, 'email', { value: 'a.leguellec@example.fr' }), 'MIN_DELAY_ERROR', 429);
    // The other kind has its own delay.
    await api.changeContact(sessionId, 'mobile', { value: '0722334455' });
    clock.advance(1_000);
    await api.changeContact(sessionId, 'email', { value: 'b.leguellec@example.fr' });
    // Only the latest code counts.
    const { value: otp } = await latest(api, 'otp');
    const inbox = await api.fetchInbox();
    expect(inbox.map((m) => m.to)).toEqual(['b.leguellec@example.fr', '07 22 33 44 55', 'a.leguellec@example.fr']);
    expect((await api.verifyContact(sessionId, 'email', { otp })).contacts.email).toBe('b.leguellec@example.fr');
  });

  it('refuses a one-time code older than 10 minutes', async () => {
    const { api, clock } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    await api.changeContact(sessionId, 'email', { value: 'a.leguellec@example.fr' });
    const { value: otp } = await latest(api, 'otp');
    clock.advance(10 * 60_000);
    await expectApiError(api.verifyContact(sessionId, 'email', { otp }), 'WRONG_OTP', 400);
  });
});

describe('POST /api/enrolment/:id/credentials', () => {
  async function consented(world = pasAPasWorld()) {
    const sim = startSim(world);
    const { sessionId } = await sim.api.identify(martineIdentify());
    await sim.api.decide(sessionId, { decision: 'activate', cguAccepted: true });
    return { ...sim, sessionId };
  }

  it('activates with a valid identifier and password; the code is then used', async () => {
    const { api, sessionId } = await consented();
    expect(await api.setCredentials(sessionId, { login: 'mleguellec', password: 'Tulipe#Rouge85' })).toEqual({
      status: 'activated',
      decidedAt: '2024-03-15',
    });
    await expectApiError(api.identify(martineIdentify()), 'PROFILE_ALREADY_EXISTS', 409);
  });

  it('refuses credentials before the CGU consent, and for a child', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    await expectApiError(api.setCredentials(sessionId, { login: 'mleguellec', password: 'Tulipe#Rouge85' }), 'INVALID_REQUEST');
    const child = await api.identify(martineIdentify(LUCAS.code));
    await expectApiError(
      api.setCredentials(child.sessionId, { login: 'lleguellec', password: 'Tulipe#Rouge85' }),
      'INVALID_REQUEST',
    );
  });

  it('refuses an identifier or a password that breaks the rules with INVALID_REQUEST', async () => {
    const { api, sessionId } = await consented();
    const email = await expectApiError(
      api.setCredentials(sessionId, { login: 'martine@example.fr', password: 'Tulipe#Rouge85' }),
      'INVALID_REQUEST',
      400,
    );
    expect(email.details?.field).toBe('login');
    const short = await expectApiError(api.setCredentials(sessionId, { login: 'mleguellec', password: 'Sol#24' }), 'INVALID_REQUEST');
    expect(short.details?.field).toBe('password');
  });

  it('answers LOGIN_ALREADY_EXISTS with three free suggestions', async () => {
    const { api, sessionId } = await consented(worldWith({ takenLogins: ['mleguellec', 'mleguellec42'] }));
    const error = await expectApiError(
      api.setCredentials(sessionId, { login: 'MLeguellec', password: 'Tulipe#Rouge85' }),
      'LOGIN_ALREADY_EXISTS',
      409,
    );
    const suggestions = error.details?.suggestions ?? [];
    expect(suggestions).toHaveLength(3);
    expect(new Set(suggestions).size).toBe(3);
    for (const s of suggestions) {
      expect(s).toMatch(/^MLeguellec\d+$/);
      expect(s.toLowerCase()).not.toBe('mleguellec42');
    }
    expect(await api.setCredentials(sessionId, { login: suggestions[0]!, password: 'Tulipe#Rouge85' })).toMatchObject({
      status: 'activated',
    });
  });

  it("treats another activated persona's identifier as taken", async () => {
    const { api, sessionId } = await consented(worldWith({}, { personas: [PAUL] }));
    const paul = await api.identify(PAUL_ID);
    await api.decide(paul.sessionId, { decision: 'activate', cguAccepted: true });
    await api.setCredentials(paul.sessionId, { login: 'famille.leguellec', password: 'Tulipe#Rouge85' });
    await expectApiError(
      api.setCredentials(sessionId, { login: 'famille.leguellec', password: 'Tulipe#Rouge85' }),
      'LOGIN_ALREADY_EXISTS',
    );
  });

  it('refuses weak and personal passwords under the current rules', async () => {
    const { api, sessionId } = await consented(worldWith({}, { ruleSet: 'current' }));
    await expectApiError(api.setCredentials(sessionId, { login: 'mleguellec', password: 'Azerty123!' }), 'WEAK_PASSWORD', 400);
    await expectApiError(
      api.setCredentials(sessionId, { login: 'mleguellec', password: 'Martine#2024x' }),
      'WEAK_PASSWORD_PERSONAL',
      400,
    );
    // The middle name is personal too.
    await expectApiError(
      api.setCredentials(sessionId, { login: 'mleguellec', password: 'Julie#Rouge85' }),
      'WEAK_PASSWORD_PERSONAL',
    );
    // Current rules: lowercase identifiers only.
    await expectApiError(api.setCredentials(sessionId, { login: 'MLeguellec', password: 'Tulipe#Rouge85' }), 'INVALID_REQUEST');
    expect(await api.setCredentials(sessionId, { login: 'mleguellec', password: 'Tulipe#Rouge85' })).toMatchObject({
      status: 'activated',
    });
  });

  it("refuses, on the service's side, personal and common passwords that the 2021 checklist lets through", async () => {
    const { api, sessionId } = await consented();
    await expectApiError(api.setCredentials(sessionId, { login: 'mleguellec', password: 'Martine#2024x' }), 'WEAK_PASSWORD_PERSONAL', 400);
    await expectApiError(api.setCredentials(sessionId, { login: 'mleguellec', password: 'Azerty123!' }), 'WEAK_PASSWORD', 400);
    expect(await api.setCredentials(sessionId, { login: 'mleguellec', password: 'Printemps#2024' })).toMatchObject({
      status: 'activated',
    });
  });
});

describe('GET /api/enrolment/:id/opposition-proof', () => {
  it('is refused while not opposed, answered once after the opposition, then refused', async () => {
    const { api } = startSim(worldWith({}, { today: '2024-03-20' }));
    const { sessionId } = await api.identify(martineIdentify());
    await expectApiError(api.fetchOppositionProof(sessionId), 'INVALID_REQUEST', 400);
    await api.decide(sessionId, { decision: 'oppose', cguAccepted: false });
    expect(await api.fetchOppositionProof(sessionId)).toEqual({
      firstName: 'Martine',
      middleNames: 'Julie',
      lastName: 'LEGUELLEC',
      nir: MARTINE.nir,
      opposedAt: '2024-03-20',
    });
    await expectApiError(api.fetchOppositionProof(sessionId), 'PROOF_ALREADY_DOWNLOADED', 410);
  });
});

describe('profiles', () => {
  it("lists the parent's children, refuses a child's session, opens a session for a child", async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    expect(await api.fetchProfiles(sessionId)).toEqual([
      { id: 'lucas', firstName: 'Lucas', lastName: 'LEGUELLEC', birthDate: LUCAS.birthDate, status: 'pending', decidedAt: null },
      { id: 'chloe', firstName: 'Chloé', lastName: 'LEGUELLEC', birthDate: CHLOE.birthDate, status: 'pending', decidedAt: null },
    ]);
    const child = await api.manageProfile(sessionId, 'chloe');
    expect(child).toMatchObject({ isChild: true, person: { firstName: 'Chloé', nir: MARTINE.nir }, status: 'pending' });
    expect(child.sessionId).not.toBe(sessionId);
    await expectApiError(api.fetchProfiles(child.sessionId), 'NOT_LEGAL_REPRESENTATIVE', 403);
    await expectApiError(api.manageProfile(child.sessionId, 'lucas'), 'NOT_LEGAL_REPRESENTATIVE', 403);
    await expectApiError(api.manageProfile(sessionId, 'someone-else'), 'NOT_LEGAL_REPRESENTATIVE', 403);
  });

  it('is reached by an outage armed from the toolbar, once, like every other request', async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    await api.armNextFailure('SERVER_ERROR');
    await expectApiError(api.manageProfile(sessionId, 'lucas'), 'SERVER_ERROR', 500);
    expect(await api.manageProfile(sessionId, 'lucas')).toMatchObject({ isChild: true });
  });

  it("refuses another parent's child", async () => {
    const { api } = startSim(worldWith({}, { personas: [PAUL] }));
    const paul = await api.identify(PAUL_ID);
    expect(await api.fetchProfiles(paul.sessionId)).toEqual([]);
    await expectApiError(api.manageProfile(paul.sessionId, 'lucas'), 'NOT_LEGAL_REPRESENTATIVE', 403);
  });

  it("refuses to open an activated child's profile again", async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    const child = await api.manageProfile(sessionId, 'lucas');
    await api.decide(child.sessionId, { decision: 'activate', cguAccepted: true });
    expect((await api.fetchProfiles(sessionId))[0]).toMatchObject({ status: 'activated', decidedAt: '2024-03-15' });
    await expectApiError(api.manageProfile(sessionId, 'lucas'), 'PROFILE_ALREADY_EXISTS', 409);
  });
});

describe('provisional code', () => {
  it("answers the channel and the masked destination for Martine's own code", async () => {
    const { api } = startSim();
    const answer = await api.requestNewCode(martineNewCode());
    expect(answer).toMatchObject({
      channel: 'email',
      maskedDestination: 'mar*****@example.fr',
      contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
      forFirstName: 'Martine',
    });
    expect(answer.sessionId).toMatch(/^[a-z0-9]{24}$/);
  });

  it("chooses the child by the child's date of birth", async () => {
    const { api } = startSim();
    expect((await api.requestNewCode(martineNewCode(CHLOE.birthDate))).forFirstName).toBe('Chloé');
  });

  it('goes by SMS when only a mobile is on file', async () => {
    const { api } = startSim(worldWith({}, { personas: [PAUL] }));
    const answer = await api.requestNewCode({ ...PAUL_ID, birthDate: '1985-07-14' });
    expect(answer).toMatchObject({ channel: 'sms', maskedDestination: '07 ** ** ** 55', forFirstName: 'Paul' });
    await api.sendNewCode(answer.sessionId);
    const { message } = await latest(api, 'code');
    expect(message).toMatchObject({ channel: 'sms', to: '07 22 33 44 55', bodyKey: 'newCodeSms.body' });
  });

  it('answers NO_USER_FOUND to an unknown card or date of birth', async () => {
    const { api } = startSim();
    await expectApiError(api.requestNewCode(martineNewCode('1969-05-13')), 'NO_USER_FOUND', 404);
    await expectApiError(api.requestNewCode({ ...martineNewCode(), serial: '09073458127' }), 'NO_USER_FOUND', 404);
  });

  it('refuses a malformed date of birth or NIR with INVALID_REQUEST', async () => {
    const { api } = startSim();
    const date = await expectApiError(api.requestNewCode(martineNewCode('12/05/1969')), 'INVALID_REQUEST', 400);
    expect(date.details?.field).toBe('birthDate');
    await expectApiError(api.requestNewCode(martineNewCode('1969-02-30')), 'INVALID_REQUEST', 400);
    await expectApiError(api.requestNewCode({ ...martineNewCode(), nir: '1 55 12 55 555 555 55' }), 'INVALID_REQUEST', 400);
  });

  it('answers CONTACTS_NOT_FOUND without any e-mail or mobile on file', async () => {
    const { api } = startSim(worldWith({ email: null, mobile: null }));
    await expectApiError(api.requestNewCode(martineNewCode()), 'CONTACTS_NOT_FOUND', 422);
  });

  it('answers PROFILE_ALREADY_EXISTS for an activated space, DECEASED_INDIVIDUAL for a deceased person', async () => {
    let { api } = startSim(worldWith({ status: 'activated', decidedAt: '2024-01-10' }));
    await expectApiError(api.requestNewCode(martineNewCode()), 'PROFILE_ALREADY_EXISTS', 409);
    // Her child's space is still undecided: a code for the child is fine.
    expect((await api.requestNewCode(martineNewCode(LUCAS.birthDate))).forFirstName).toBe('Lucas');
    ({ api } = startSim(worldWith({}, { personas: [JEANNE] })));
    await expectApiError(api.requestNewCode({ ...JEANNE_ID, birthDate: '1992-01-30' }), 'DECEASED_INDIVIDUAL', 403);
  });

  it('answers MIN_DELAY_ERROR when sent again within 30 seconds, even from a new request', async () => {
    const { api, clock } = startSim();
    const first = await api.requestNewCode(martineNewCode());
    expect(await api.sendNewCode(first.sessionId)).toEqual({ channel: 'email', maskedDestination: 'mar*****@example.fr' });
    clock.advance(10_000);
    await expectApiError(api.sendNewCode(first.sessionId), 'MIN_DELAY_ERROR', 429);
    const second = await api.requestNewCode(martineNewCode());
    await expectApiError(api.sendNewCode(second.sessionId), 'MIN_DELAY_ERROR', 429);
    clock.advance(20_000);
    await api.sendNewCode(second.sessionId);
    const codes = (await api.fetchInbox()).map((m) => m.values.code);
    expect(codes).toHaveLength(2);
    // Only the latest code identifies.
    await expectApiError(api.identify(martineIdentify(codes[1]!)), 'NO_USER_FOUND');
    expect((await api.identify(martineIdentify(codes[0]!))).person.firstName).toBe('Martine');
  });

  it('sends the code to contacts corrected from S18 with the same session', async () => {
    const { api } = startSim();
    const { sessionId } = await api.requestNewCode(martineNewCode());
    await api.changeContact(sessionId, 'email', { value: 'martine.nouvelle@example.fr' });
    const { value: otp } = await latest(api, 'otp');
    await api.verifyContact(sessionId, 'email', { otp });
    expect(await api.sendNewCode(sessionId)).toEqual({ channel: 'email', maskedDestination: 'mar*****@example.fr' });
    const { message } = await latest(api, 'code');
    expect(message.to).toBe('martine.nouvelle@example.fr');
  });

  it('keeps the two kinds of session apart', async () => {
    const { api } = startSim();
    const newCode = await api.requestNewCode(martineNewCode());
    await expectApiError(api.decide(newCode.sessionId, { decision: 'oppose', cguAccepted: false }), 'INVALID_REQUEST');
    await expectApiError(api.fetchProfiles(newCode.sessionId), 'INVALID_REQUEST');
    const enrolment = await api.identify(martineIdentify());
    await expectApiError(api.sendNewCode(enrolment.sessionId), 'INVALID_REQUEST');
    await expectApiError(api.sendNewCode('nosuchsession'), 'SESSION_TIMED_OUT', 401);
  });
});

describe('GET /api/inbox', () => {
  it('keeps every message, newest first, with its timestamp on the simulated day', async () => {
    const { api, clock } = startSim(worldWith({}, { today: '2024-06-01' }));
    expect(await api.fetchInbox()).toEqual([]);
    const { sessionId } = await api.identify(martineIdentify());
    await api.changeContact(sessionId, 'email', { value: 'a.leguellec@example.fr' });
    clock.advance(60_000);
    await api.changeContact(sessionId, 'mobile', { value: '0722334455' });
    const inbox = await api.fetchInbox();
    expect(inbox.map((m) => m.channel)).toEqual(['sms', 'email']);
    expect(inbox.map((m) => m.receivedAt)).toEqual(['2024-06-01T09:01:00.000Z', '2024-06-01T09:00:00.000Z']);
    expect(new Set(inbox.map((m) => m.id)).size).toBe(2);
  });
});
