import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createActor, createMachine, setup } from 'xstate';
import { MachineInspector } from '../../src/tutorial/inspector';
import type { MesInspectorPanel } from '../../src/tutorial/inspector-panel';
import '../../src/tutorial/inspector-panel';
import { connectOnlineInspector, onlineInspectorStatus } from '../../src/tutorial/online-inspector';

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

  it('offers Stately\'s online inspector when ?inspect asks for it, and says why not when offline', async () => {
    const { inspector, actor } = running();
    const el = await fixture<MesInspectorPanel>(html`<mes-inspector-panel .inspector=${inspector} .onlineStatus=${'available'}></mes-inspector-panel>`);
    const status = () => el.shadowRoot!.querySelector('[data-testid="online-status"]')!.textContent!;
    expect(status()).to.contain('internet');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.connect')!;
    expect(button.textContent!.trim()).to.equal("Ouvrir l'inspecteur en ligne");
    setTimeout(() => button.click());
    await oneEvent(el, 'mes-inspector-online');
    await expect(el).to.be.accessible();
    el.onlineStatus = 'offline';
    await el.updateComplete;
    expect(status()).to.contain("n'a pas de réseau");
    expect(el.shadowRoot!.querySelector('button.connect')).to.equal(null);
    actor.stop();
  });
});

/** A window that records what the inspector opens and what it posts there. */
function fakeWindow(allowPopups: boolean) {
  const opened: string[] = [];
  const target = { postMessage: () => undefined, closed: false } as unknown as Window;
  const win = {
    open: (url: string) => {
      opened.push(String(url));
      return allowPopups ? target : null;
    },
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
  } as unknown as Window;
  return { win, opened };
}

/**
 * The package's own browser adapter, reduced to what the glue relies on: it opens its window with
 * `window.open` and keeps it as `adapter.targetWindow`. (The real package, which has CommonJS
 * dependencies this test server does not convert, is exercised on the built app: tests/e2e/inspector.e2e.ts.)
 */
const fakePackage = async () => ({
  createBrowserInspector: ((options: { window: Window; url?: string }) => {
    const targetWindow = options.window.open(options.url ?? 'https://stately.ai/inspect', 'xstateinspector');
    const events: unknown[] = [];
    return { adapter: { targetWindow }, stop: () => undefined, inspect: { next: (e: unknown) => events.push(e) }, events };
  }) as never,
});

describe('connectOnlineInspector', () => {
  it('opens the inspector\'s window and hands it the machines\' events', async () => {
    const { win, opened } = fakeWindow(true);
    const connection = await connectOnlineInspector({ window: win, load: fakePackage });
    expect(opened).to.deep.equal(['https://stately.ai/inspect']);
    const machine = createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } });
    const actor = createActor(machine, { inspect: connection.inspect }).start();
    actor.send({ type: 'GO' });
    expect(actor.getSnapshot().value).to.equal('b');
    actor.stop();
    connection.stop();
  });

  it('fails, so that the panel says so, when the browser refuses to open the window', async () => {
    const { win } = fakeWindow(false);
    let failed = false;
    try {
      await connectOnlineInspector({ window: win, load: fakePackage });
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
  });

  it('is only offered when asked for, and only online', () => {
    expect(onlineInspectorStatus(false, true)).to.equal(null);
    expect(onlineInspectorStatus(true, true)).to.equal('available');
    expect(onlineInspectorStatus(true, false)).to.equal('offline');
  });
});
