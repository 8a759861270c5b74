import { describe, expect, it } from 'vitest';
import { backendStateOf, goalReached } from '../../../src/callcentre/goal';
import { phaseOf, siteOf } from '../../../src/callcentre/machine';
import { buildRecord } from '../../../src/callcentre/score';
import { screenOf } from '../../../src/site/machine';
import { allCalls, callFiles, correctExplanation, promptToEnd, send, settled, startCall, useServer, wrongExplanation } from './harness';

/**
 * Every call of scenarios/calls, played by the call machine against the real simulated service: the
 * caller's screen is where the brief says, the right way reaches the goal on the service's own state,
 * and a wrong diagnosis shows in the record.
 */
useServer();

const calls = allCalls();

describe('the catalogue of calls', () => {
  it('has at least 15 situations, each in its own file, with unique ids', () => {
    expect(callFiles().length).toBeGreaterThanOrEqual(15);
    expect(calls).toHaveLength(callFiles().length);
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
  });

  it('covers the situations the issue lists', () => {
    const ids = calls.map((c) => c.id);
    for (const id of [
      'appel-code-non-recu',
      'appel-code-expire',
      'appel-code-deja-utilise',
      'appel-sans-coordonnees',
      'appel-coordonnees-erronees',
      'appel-type-de-carte',
      'appel-cle-nir',
      'appel-numero-serie',
      'appel-espace-enfant',
      'appel-deja-active',
      'appel-identifiant-refuse',
      'appel-mot-de-passe-refuse',
      'appel-attendre-30-secondes',
      'appel-session-expiree',
      'appel-opposition-justificatif',
      'appel-changement-avis',
      'appel-hameconnage',
    ]) {
      expect(ids, id).toContain(id);
    }
  });
});

/** What the caller's screen shows after the setup: the error of the situation, as the service answers it. */
const AFTER_SETUP: Record<string, { screen: string; error?: string }> = {
  'appel-code-non-recu': { screen: 'codeSent' },
  'appel-code-expire': { screen: 'blocked', error: 'server.CODE_EXPIRED' },
  'appel-code-deja-utilise': { screen: 'blocked', error: 'server.CODE_ALREADY_USED' },
  'appel-sans-coordonnees': { screen: 'blocked', error: 'server.CONTACTS_NOT_FOUND' },
  'appel-coordonnees-erronees': { screen: 'delivery' },
  'appel-type-de-carte': { screen: 'identify', error: 'server.NO_USER_FOUND' },
  'appel-cle-nir': { screen: 'identify', error: 'nir.format' },
  'appel-numero-serie': { screen: 'identify', error: 'serial.required' },
  'appel-espace-enfant': { screen: 'newCode' },
  'appel-deja-active': { screen: 'blocked', error: 'server.PROFILE_ALREADY_EXISTS' },
  'appel-identifiant-refuse': { screen: 'credentials', error: 'server.LOGIN_ALREADY_EXISTS' },
  'appel-mot-de-passe-refuse': { screen: 'credentials', error: 'server.WEAK_PASSWORD_PERSONAL' },
  'appel-attendre-30-secondes': { screen: 'verifyContact', error: 'server.MIN_DELAY_ERROR' },
  'appel-session-expiree': { screen: 'blocked', error: 'server.SESSION_TIMED_OUT' },
  'appel-opposition-justificatif': { screen: 'decision' },
  'appel-changement-avis': { screen: 'blocked', error: 'server.CODE_ALREADY_USED' },
  'appel-hameconnage': { screen: 'home' },
};

describe.each(calls.map((c) => [c.id, c] as const))('%s', (_id, call) => {
  it('puts the caller’s screen where the brief says, goal not yet reached', async () => {
    const { actor, store } = startCall(call);
    const snap = await settled(actor);
    expect(phaseOf(snap)).toBe('brief');
    expect(snap.context.problem).toBeNull();
    const site = siteOf(snap)!.getSnapshot();
    const expected = AFTER_SETUP[call.id];
    expect(expected, 'AFTER_SETUP lists every call').toBeDefined();
    expect(screenOf(site)).toBe(expected!.screen);
    if (expected!.error) {
      const shown = [site.context.formError?.key, ...Object.values(site.context.fieldErrors).map((m) => m.key), site.context.blocker ? `server.${site.context.blocker}` : undefined];
      expect(shown).toContain(expected!.error);
    }
    const state = backendStateOf(store);
    expect(goalReached(call.call.goal, call.call.brief.persona, state, { screen: screenOf(site), notCovered: site.context.notCovered }, new Set(snap.context.baseline))).toBe(false);
    actor.stop();
  });

  it('the right diagnosis, then the right way, reaches the goal on the service’s state', async () => {
    const { actor, store } = startCall(call);
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: correctExplanation(call) });
    expect(phaseOf(snap)).toBe('guiding');
    snap = await promptToEnd(actor);
    expect(phaseOf(snap)).toBe('ended');
    expect(snap.context.resolved).toBe(true);
    const site = siteOf(snap)!.getSnapshot();
    expect(
      goalReached(call.call.goal, call.call.brief.persona, backendStateOf(store), { screen: screenOf(site), notCovered: site.context.notCovered }, new Set(snap.context.baseline)),
    ).toBe(true);
    const record = buildRecord(snap.context, 'rec');
    expect(record).toMatchObject({ resolved: true, diagnosisRight: true, wrongDiagnoses: 0, refusedSubmissions: 0 });
    expect(record.prompts).toBe(snap.context.journal.filter((e) => e.prompted).length);
    expect(record.prompts).toBeGreaterThan(0);
    actor.stop();
  });

  it('a wrong diagnosis is refused with its feedback and shows in the record', async () => {
    const { actor } = startCall(call);
    await settled(actor);
    const wrong = wrongExplanation(call);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: wrong });
    expect(phaseOf(snap)).toBe('diagnosing');
    expect(snap.context.diagnoses).toEqual([expect.objectContaining({ id: wrong, correct: false })]);
    snap = await send(actor, { type: 'HANG_UP' });
    expect(phaseOf(snap)).toBe('ended');
    const record = buildRecord(snap.context, 'rec');
    expect(record).toMatchObject({ resolved: false, diagnosisRight: false, firstDiagnosis: wrong, wrongDiagnoses: 1, passed: false });
    expect(record.steps.find((s) => s.key === `diagnosis:${wrong}`)?.ok).toBe(false);
    actor.stop();
  });
});
