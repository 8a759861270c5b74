import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '../../../src/api/types';
import { goalConditions, goalReached, type BackendState } from '../../../src/callcentre/goal';
import type { CallGoal } from '../../../src/callcentre/schema';

/** The goal check, pure: a state of the service, a screen, the messages already there at pick-up. */

function state(over: Partial<BackendState['personas'][number]> = {}, inbox: InboxMessage[] = []): BackendState {
  return {
    personas: [
      {
        id: 'martine',
        status: 'pending',
        email: 'martine.leguellec@example.fr',
        mobile: '0611121314',
        proofDownloaded: false,
        children: [{ id: 'lucas', status: 'pending', proofDownloaded: false }],
        ...over,
      },
    ],
    inbox,
  };
}

const home = { screen: 'home', notCovered: null } as const;
const none = new Set<string>();
const message = (id: string, subjectKey: string): InboxMessage => ({
  id,
  channel: 'email',
  to: 'x@example.fr',
  subjectKey,
  bodyKey: 'b',
  values: {},
  receivedAt: '2026-11-26T09:00:00Z',
});

const reached = (goal: CallGoal, s: BackendState, screen: { screen: string; notCovered: string | null } = home, baseline = none) =>
  goalReached(goal, 'martine', s, screen as never, baseline);

describe('goal', () => {
  it('reads the status of the brief’s persona, or of a child', () => {
    expect(reached({ status: 'activated' }, state())).toBe(false);
    expect(reached({ status: 'activated' }, state({ status: 'activated' }))).toBe(true);
    expect(reached({ child: 'lucas', status: 'activated' }, state({ status: 'activated' }))).toBe(false);
    const s = state();
    s.personas[0]!.children[0]!.status = 'activated';
    expect(reached({ child: 'lucas', status: 'activated' }, s)).toBe(true);
  });

  it('opposed and proofDownloaded must both hold', () => {
    expect(reached({ opposed: true, proofDownloaded: true }, state({ status: 'opposed' }))).toBe(false);
    expect(reached({ opposed: true, proofDownloaded: true }, state({ status: 'opposed', proofDownloaded: true }))).toBe(true);
  });

  it('counts only the messages sent after pick-up', () => {
    const inbox = [message('msg-2', 'otpEmail.subject'), message('msg-1', 'newCodeEmail.subject')];
    expect(reached({ inbox: 'newCode' }, state({}, inbox), home, new Set(['msg-1']))).toBe(false);
    expect(reached({ inbox: 'otp' }, state({}, inbox), home, new Set(['msg-1']))).toBe(true);
    expect(reached({ inbox: 'newCode' }, state({}, [message('msg-3', 'newCodeSms.subject'), ...inbox]), home, new Set(['msg-1']))).toBe(true);
  });

  it('compares contacts as the service stores them', () => {
    expect(reached({ contact: { mobile: '06 11 12 13 14' } }, state())).toBe(true);
    expect(reached({ contact: { mobile: '+33 6 11 12 13 14' } }, state())).toBe(true);
    expect(reached({ contact: { email: 'Martine.Leguellec@example.fr' } }, state())).toBe(true);
    expect(reached({ contact: { email: 'autre@example.fr' } }, state())).toBe(false);
    expect(reached({ contact: { mobile: '0745123698' } }, state({ mobile: null }))).toBe(false);
  });

  it('reads the caller’s screen for what the service cannot see', () => {
    expect(reached({ screen: 'notCovered', notCovered: 'login' }, state(), { screen: 'notCovered', notCovered: 'help' })).toBe(false);
    expect(reached({ screen: 'notCovered', notCovered: 'login' }, state(), { screen: 'notCovered', notCovered: 'login' })).toBe(true);
  });

  it('lists each condition with a key of its own', () => {
    const conditions = goalConditions({ contact: { email: 'a@example.fr' }, inbox: 'newCode' }, 'martine', state(), home, none);
    expect(conditions.map((c) => [c.key, c.met])).toEqual([
      ['goal.inbox.newCode', false],
      ['goal.email', false],
    ]);
    expect(conditions[1]?.values).toEqual({ who: 'martine', value: 'a@example.fr' });
  });

  it('an unknown persona never reaches a goal', () => {
    expect(goalReached({ status: 'pending' }, 'nobody', state(), home, none)).toBe(false);
  });
});
