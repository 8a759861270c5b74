import { describe, expect, it } from 'vitest';
import { backendStateOf } from '../../../src/callcentre/goal';
import { phaseOf, siteOf } from '../../../src/callcentre/machine';
import { buildRecord } from '../../../src/callcentre/score';
import { screenOf } from '../../../src/site/machine';
import type { SiteEvent } from '../../../src/site/types';
import { loadCall, promptToEnd, send, settled, startCall, useServer } from './harness';

/** The call machine, one behaviour at a time, against the real simulated service (msw/node). */
useServer();

const intent = (event: SiteEvent) => ({ type: 'INTENT', event }) as const;
const cardCall = () => loadCall('06-type-de-carte.yaml');

describe('call machine', () => {
  it('prepares the world and the caller’s screen, then waits for the agent to pick up', async () => {
    const { actor } = startCall(cardCall());
    let snap = await settled(actor);
    expect(phaseOf(snap)).toBe('brief');
    // Nothing the agent does on the site counts before the diagnosis.
    snap = await send(actor, intent({ type: 'FIELD', form: 'identify', field: 'cardType', value: 'avec-photo' }));
    expect(siteOf(snap)!.getSnapshot().context.forms.identify.cardType).toBe('sans-photo');
    snap = await send(actor, { type: 'ANSWER' });
    expect(phaseOf(snap)).toBe('diagnosing');
    expect(snap.context.answeredAt).not.toBeNull();
  });

  it('asks each known question once, in order; ignores unknown ones', async () => {
    const { actor } = startCall(cardCall());
    await settled(actor);
    const snap = await send(actor, { type: 'ANSWER' }, { type: 'ASK', id: 'photo' }, { type: 'ASK', id: 'photo' }, { type: 'ASK', id: 'nope' }, { type: 'ASK', id: 'modele' });
    expect(snap.context.asked.map((a) => a.id)).toEqual(['photo', 'modele']);
  });

  it('stays in diagnosis after a wrong explanation, goes on after a right one', async () => {
    const { actor } = startCall(cardCall());
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'nir-faux' }, { type: 'DIAGNOSE', id: 'unknown' });
    expect(phaseOf(snap)).toBe('diagnosing');
    expect(snap.context.diagnoses.map((d) => [d.id, d.correct])).toEqual([['nir-faux', false]]);
    snap = await send(actor, { type: 'DIAGNOSE', id: 'modele-carte' });
    expect(phaseOf(snap)).toBe('guiding');
  });

  it('guides by hand: keystrokes in one field make one journal line; the goal ends the call', async () => {
    const { actor, store } = startCall(cardCall());
    await settled(actor);
    let snap = await send(
      actor,
      { type: 'ANSWER' },
      { type: 'DIAGNOSE', id: 'modele-carte' },
      intent({ type: 'FIELD', form: 'identify', field: 'serial', value: '4730' }),
      intent({ type: 'FIELD', form: 'identify', field: 'serial', value: '47305918264' }),
      intent({ type: 'FIELD', form: 'identify', field: 'cardType', value: 'avec-photo' }),
      intent({ type: 'SUBMIT' }),
    );
    expect(snap.context.journal.map((e) => [e.phrase.key, e.phrase.values?.value ?? e.phrase.labels?.label])).toEqual([
      ['journal.field.serial', '47305918264'],
      ['journal.field.cardType', 'common:cardWithPhoto'],
      ['journal.click', 'common:continue'],
    ]);
    expect(screenOf(siteOf(snap)!.getSnapshot())).toBe('decision');
    snap = await send(actor, intent({ type: 'CHOOSE', choice: 'oppose' }), intent({ type: 'SUBMIT' }));
    expect(phaseOf(snap)).toBe('guiding');
    snap = await send(actor, intent({ type: 'SUBMIT' }));
    expect(phaseOf(snap)).toBe('ended');
    expect(snap.context.resolved).toBe(true);
    expect(backendStateOf(store).personas[0]?.status).toBe('opposed');
    const record = buildRecord(snap.context, 'r1');
    expect(record).toMatchObject({ resolved: true, prompts: 0, refusedSubmissions: 0, score: 100, passed: true });
  });

  it('marks a refused submission and adds what the caller’s screen said', async () => {
    const { actor } = startCall(cardCall());
    await settled(actor);
    // The same mistake again: the service still does not find her.
    const snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'modele-carte' }, intent({ type: 'SUBMIT' }));
    const [told, seen] = snap.context.journal;
    expect(told).toMatchObject({ kind: 'told', refused: true, errors: ['server.NO_USER_FOUND'] });
    expect(seen).toMatchObject({ kind: 'seen', phrase: { key: 'journal.seen', labels: { message: 'errors:server.NO_USER_FOUND' } } });
    const record = buildRecord(snap.context, 'r');
    expect(record.steps.find((s) => !s.ok && s.kind === 'screen')?.key).toBe('refused:identify:server.NO_USER_FOUND');
  });

  it('prompts the right way one action at a time, skipping what the screen already shows', async () => {
    const { actor } = startCall(cardCall());
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'modele-carte' }, { type: 'PROMPT' });
    // Code, NIR and serial are already typed: the first thing to fix is the card type.
    expect(snap.context.journal.map((e) => e.phrase.key)).toEqual(['journal.field.cardType']);
    expect(snap.context.journal[0]?.prompted).toBe(true);
    snap = await send(actor, { type: 'PROMPT' });
    expect(screenOf(siteOf(snap)!.getSnapshot())).toBe('decision');
  });

  it('says so when the caller is off the right way, and prompts again once back', async () => {
    const { actor } = startCall(cardCall());
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'modele-carte' }, intent({ type: 'NEW_CODE' }), { type: 'PROMPT' });
    expect(screenOf(siteOf(snap)!.getSnapshot())).toBe('newCode');
    expect(snap.context.promptNote).toBe('offPath');
    snap = await send(actor, intent({ type: 'BACK' }), intent({ type: 'BEGIN' }), { type: 'PROMPT' });
    expect(snap.context.promptNote).toBeNull();
    expect(screenOf(siteOf(snap)!.getSnapshot())).toBe('identify');
  });

  it('hanging up ends the call unresolved; replaying prepares a fresh world', async () => {
    const { actor, store } = startCall(cardCall());
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'modele-carte' }, { type: 'HANG_UP' });
    expect(phaseOf(snap)).toBe('ended');
    expect(snap.context.resolved).toBe(false);
    expect(buildRecord(snap.context, 'r').score).toBe(50);
    snap = await send(actor, { type: 'RESTART' });
    expect(phaseOf(snap)).toBe('brief');
    expect(snap.context.diagnoses).toEqual([]);
    expect(snap.context.journal).toEqual([]);
    expect(screenOf(siteOf(snap)!.getSnapshot())).toBe('identify');
    snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'modele-carte' });
    snap = await promptToEnd(actor);
    expect(snap.context.resolved).toBe(true);
    expect(backendStateOf(store).personas[0]?.status).toBe('opposed');
  });

  it('the 30-second delay is the service’s own: a resend within 30 s is refused, after it goes', async () => {
    const call = loadCall('13-attendre-30-secondes.yaml');
    const { actor, advance } = startCall(call);
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' }, { type: 'DIAGNOSE', id: 'trop-vite' }, intent({ type: 'RESEND' }));
    expect(snap.context.journal[0]).toMatchObject({ refused: true, errors: ['server.MIN_DELAY_ERROR'] });
    advance(31_000);
    snap = await send(actor, intent({ type: 'RESEND' }));
    expect(snap.context.journal.filter((e) => e.kind === 'told')[1]?.refused).toBe(false);
    snap = await promptToEnd(actor);
    expect(snap.context.resolved).toBe(true);
  });

  it('records the time from pick-up to the end, and each step’s time', async () => {
    const { actor, tick } = startCall(cardCall());
    await settled(actor);
    let snap = await send(actor, { type: 'ANSWER' });
    tick(5_000);
    snap = await send(actor, { type: 'ASK', id: 'photo' });
    tick(7_000);
    snap = await send(actor, { type: 'DIAGNOSE', id: 'modele-carte' });
    tick(3_000);
    snap = await send(actor, { type: 'HANG_UP' });
    const record = buildRecord(snap.context, 'r');
    expect(record.durationMs).toBe(15_000);
    expect(record.steps.map((s) => [s.key, s.durationMs])).toEqual([
      ['question:photo', 5_000],
      ['diagnosis:modele-carte', 7_000],
    ]);
  });
});
