import { describe, expect, it } from 'vitest';
import { assign, createActor, createMachine, setup } from 'xstate';
import { MachineInspector, MAX_EVENTS, statePaths } from '../../../src/tutorial/inspector';
import { commandEvent, parsePresenterMessage } from '../../../src/tutorial/presenter-link';
import { formatElapsed } from '../../../src/presenter/format';

describe('presenter commands', () => {
  const at = { mode: 'guided' as const, waiting: true, hasZone: true };
  it('NEXT on a guided step with a zone clicks the zone; elsewhere it is NEXT', () => {
    expect(commandEvent({ type: 'command', command: 'NEXT' }, at)).toEqual({ type: 'ZONE' });
    expect(commandEvent({ type: 'command', command: 'NEXT' }, { ...at, hasZone: false })).toEqual({ type: 'NEXT' });
    expect(commandEvent({ type: 'command', command: 'NEXT' }, { ...at, mode: 'practice' })).toEqual({ type: 'NEXT' });
    expect(commandEvent({ type: 'command', command: 'NEXT' }, { ...at, waiting: false })).toBeNull();
  });
  it('GOTO and PREV are the machine events of the same name', () => {
    expect(commandEvent({ type: 'command', command: 'GOTO', stepIndex: 9 }, at)).toEqual({ type: 'GOTO', stepIndex: 9 });
    expect(commandEvent({ type: 'command', command: 'PREV' }, { ...at, waiting: false })).toEqual({ type: 'PREV' });
  });
  it('parses only well-formed messages', () => {
    expect(parsePresenterMessage({ type: 'state', scenario: 'a', stepIndex: 2, mode: 'demo' })).toEqual({ type: 'state', scenario: 'a', stepIndex: 2, mode: 'demo' });
    expect(parsePresenterMessage({ type: 'state', scenario: 'a', stepIndex: 2, mode: 'solo' })).toBeNull();
    expect(parsePresenterMessage({ type: 'command', command: 'GOTO', stepIndex: 1.5 })).toBeNull();
    expect(parsePresenterMessage(null)).toBeNull();
  });
  it('formats the elapsed time', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});

describe('statecharts inspector', () => {
  it('reads nested state values as dotted paths', () => {
    expect(statePaths('idle')).toEqual(['idle']);
    expect(statePaths({ session: { step: 'waiting' } })).toEqual(['session.step.waiting']);
    expect(statePaths({ a: 'x', b: { c: 'y' } })).toEqual(['a.x', 'b.c.y']);
  });

  it("follows a machine and its 'site' child, and keeps the last events", () => {
    const site = createMachine({ id: 'site', initial: 'home', states: { home: { on: { GO: 'start' } }, start: {} } });
    const parent = setup({ actors: { site } }).createMachine({
      id: 'tutorial',
      context: { n: 0 },
      initial: 'session',
      states: {
        session: {
          invoke: { id: 'site', src: 'site' },
          initial: 'waiting',
          states: { waiting: { on: { TICK: { actions: assign({ n: ({ context }) => context.n + 1 }) }, DONE: 'done' } }, done: {} },
        },
      },
    });
    const inspector = new MachineInspector(() => 42);
    let changes = 0;
    inspector.subscribe(() => (changes += 1));
    const actor = createActor(parent, { inspect: inspector.inspect }).start();
    expect(inspector.tutorialPath).toBe('session.waiting');
    expect(inspector.sitePath).toBe('home');
    actor.getSnapshot().children.site!.send({ type: 'GO' });
    expect(inspector.sitePath).toBe('start');
    for (let i = 0; i < 30; i += 1) actor.send({ type: 'TICK' });
    actor.send({ type: 'DONE' });
    expect(inspector.tutorialPath).toBe('session.done');
    expect(inspector.events).toHaveLength(MAX_EVENTS);
    expect(inspector.events[0]).toEqual({ actor: 'tutorial', type: 'DONE', at: 42 });
    expect(inspector.events.slice(1).every((e) => e.type === 'TICK')).toBe(true);
    expect(changes).toBeGreaterThan(30);
  });
});
