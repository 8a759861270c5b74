import { expect, waitUntil } from '@open-wc/testing';
import { PRESENTER_CHANNEL, PresenterLink, type PresenterCommandMessage, type PresenterState } from '../../src/tutorial/presenter-link';

/** The two ends of the link, each on its own real BroadcastChannel, as the two windows hold them. */
describe('presenter link', () => {
  let player: PresenterLink;
  let presenter: PresenterLink;
  let commands: PresenterCommandMessage[];
  let states: PresenterState[];
  let hellos: number;

  beforeEach(() => {
    commands = [];
    states = [];
    hellos = 0;
    player = new PresenterLink({ onCommand: (m) => commands.push(m), onHello: () => (hellos += 1) });
    presenter = new PresenterLink({ onState: (s) => states.push(s) });
  });

  afterEach(() => {
    player.close();
    presenter.close();
  });

  it("carries the presenter's commands to the player", async () => {
    presenter.command('NEXT');
    presenter.command('GOTO', 7);
    presenter.command('PREV');
    await waitUntil(() => commands.length === 3, 'the player got the three commands');
    expect(commands).to.deep.equal([
      { type: 'command', command: 'NEXT' },
      { type: 'command', command: 'GOTO', stepIndex: 7 },
      { type: 'command', command: 'PREV' },
    ]);
    expect(states).to.deep.equal([]);
  });

  it("carries the player's state to the presenter, once per change, and again when asked", async () => {
    player.postState({ scenario: 'pas-a-pas', stepIndex: 3, mode: 'guided' });
    player.postState({ scenario: 'pas-a-pas', stepIndex: 3, mode: 'guided' });
    player.postState({ scenario: 'pas-a-pas', stepIndex: 4, mode: 'guided' });
    await waitUntil(() => states.length === 2, 'two distinct states');
    expect(states.map((s) => s.stepIndex)).to.deep.equal([3, 4]);
    presenter.hello();
    await waitUntil(() => hellos === 1, 'the player heard the hello');
    player.postState({ scenario: 'pas-a-pas', stepIndex: 4, mode: 'guided' }, true);
    await waitUntil(() => states.length === 3, 'a forced repeat');
    expect(states[2]).to.deep.equal({ type: 'state', scenario: 'pas-a-pas', stepIndex: 4, mode: 'guided' });
    expect(commands).to.deep.equal([]);
  });

  it('ignores what is not one of its messages, and stops listening once closed', async () => {
    const other = new BroadcastChannel(PRESENTER_CHANNEL);
    other.postMessage({ type: 'command', command: 'DELETE' });
    other.postMessage({ type: 'command', command: 'GOTO' });
    other.postMessage({ type: 'state', scenario: 'x', stepIndex: 'two', mode: 'guided' });
    other.postMessage('NEXT');
    other.postMessage({ type: 'command', command: 'PREV' });
    await waitUntil(() => commands.length === 1, 'the valid command went through');
    expect(commands).to.deep.equal([{ type: 'command', command: 'PREV' }]);
    expect(states).to.deep.equal([]);
    player.close();
    other.postMessage({ type: 'command', command: 'NEXT' });
    presenter.command('NEXT');
    await new Promise((r) => setTimeout(r, 100));
    expect(commands).to.have.length(1);
    other.close();
  });
});
