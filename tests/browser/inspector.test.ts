import { expect, fixture, html } from '@open-wc/testing';
import { createActor, createMachine, setup } from 'xstate';
import { MachineInspector, type MesInspectorPanel } from '../../src/tutorial/inspector';
import '../../src/tutorial/inspector';

/** The statecharts panel fed by a real actor through xstate's `inspect` option. */
function running() {
  const site = createMachine({ id: 'site', initial: 'home', states: { home: { on: { GO: 'start' } }, start: {} } });
  const machine = setup({ actors: { site } }).createMachine({
    id: 'tutorial',
    initial: 'session',
    states: { session: { invoke: { id: 'site', src: 'site' }, initial: 'waiting', states: { waiting: { on: { NEXT: 'done' } }, done: {} } } },
  });
  const inspector = new MachineInspector();
  const actor = createActor(machine, { inspect: inspector.inspect }).start();
  return { inspector, actor };
}

describe('<mes-inspector-panel>', () => {
  it('shows both machines’ states and their events as they happen', async () => {
    const { inspector, actor } = running();
    const el = await fixture<MesInspectorPanel>(html`<mes-inspector-panel .inspector=${inspector}></mes-inspector-panel>`);
    const text = (id: string) => el.shadowRoot!.querySelector(`[data-testid="${id}"]`)!.textContent!.trim();
    expect(text('tutorial-state')).to.equal('session.waiting');
    expect(text('site-state')).to.equal('home');
    actor.getSnapshot().children.site!.send({ type: 'GO' });
    actor.send({ type: 'NEXT' });
    await el.updateComplete;
    expect(text('tutorial-state')).to.equal('session.done');
    expect(text('site-state')).to.equal('start');
    const items = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items[0]).to.equal('tutorial ← NEXT');
    expect(items[1]).to.equal('site ← GO');
    expect(el.shadowRoot!.querySelector('.online')).to.equal(null);
    await expect(el).to.be.accessible();
    actor.stop();
  });

  it('explains, in French, why the online inspector is not connected when ?inspect asks for it', async () => {
    const { inspector, actor } = running();
    const el = await fixture<MesInspectorPanel>(html`<mes-inspector-panel .inspector=${inspector} online></mes-inspector-panel>`);
    const note = el.shadowRoot!.querySelector('.online')!.textContent!;
    expect(note).to.contain('@statelyai/inspect');
    expect(note).to.contain('internet');
    expect(note).to.contain('npm install --save-dev @statelyai/inspect');
    await expect(el).to.be.accessible();
    actor.stop();
  });
});
