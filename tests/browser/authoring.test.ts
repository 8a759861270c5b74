import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { api } from '../../src/api/client';
import { Store } from '../../src/backend/store';
import { scenarioSchema, type Scenario, type WorldData } from '../../src/scenarios/schema';
import type { AuthoringDeps, MesAuthoringEditor } from '../../src/authoring/authoring-editor';
import '../../src/authoring/authoring-editor';

// Mocha's globals, typed here: the project has no @types/mocha.
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => Promise<void> | void): void;
declare function afterEach(fn: () => Promise<void> | void): void;

/** Martine, as in scenarios/pas-a-pas.yaml, with one journey and no step yet: what a trainer starts from. */
function draft(): Scenario {
  return scenarioSchema.parse({
    id: 'essai',
    title: 'Essai',
    world: {
      personas: [
        {
          id: 'martine',
          firstName: 'Martine',
          lastName: 'LEGUELLEC',
          sex: 'F',
          birthDate: '1969-05-12',
          nir: '269054410903857',
          card: { type: 'sans-photo', serial: '09073458126' },
          provisionalCode: 'Kp7RmX2qLa9T',
          email: 'martine.leguellec@example.fr',
          mobile: '0611121314',
        },
      ],
    },
    tutorial: { persona: 'martine', journeys: [{ id: 'activation', title: 'Activation' }], steps: [{ id: 'debut', journey: 'activation', slide: 'cover' }] },
  });
}

/** The editor on a real store (the world it loads is the one the site would answer from). */
async function editor(): Promise<{ el: MesAuthoringEditor; loaded: WorldData[] }> {
  const loaded: WorldData[] = [];
  let store: Store | null = null;
  const deps: AuthoringDeps = {
    api,
    loadWorld: async (world) => {
      loaded.push(world);
      store = new Store(world);
    },
    reset: async () => store?.reset(),
    deliverProof: () => undefined,
  };
  const el = await fixture<MesAuthoringEditor>(html`<mes-authoring-editor .scenario=${draft()} .deps=${deps}></mes-authoring-editor>`);
  await waitUntil(() => el.currentScreen === 'home', 'the site shows its home page');
  await el.updateComplete;
  return { el, loaded };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T => {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
};

/** A zone of the site's current screen, inside that screen's shadow root. */
function zone(el: HTMLElement, hotspot: string): HTMLElement {
  const screen = root(el).querySelector<HTMLElement>('[data-screen]');
  const found = screen?.shadowRoot?.querySelector<HTMLElement>(`[data-hotspot="${hotspot}"]`);
  if (!found) throw new Error(`zone ${hotspot} not found`);
  return found;
}

async function record(el: MesAuthoringEditor, hotspot: string, screenAfter: string): Promise<void> {
  q(el, '[data-action="add-step"]').click();
  await el.updateComplete;
  zone(el, hotspot).click();
  await waitUntil(() => el.currentScreen === screenAfter, `the site shows ${screenAfter}`);
  await waitUntil(() => el.draft?.tutorial?.steps.some((s) => s.target === hotspot), `a step on ${hotspot}`);
  await el.updateComplete;
}

const deepActive = (): Element | null => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('mes-authoring-editor', () => {
  afterEach(async () => {
    await setViewport({ width: 1366, height: 900 });
  });

  it('shows the live site with the scenario world, and is accessible', async () => {
    const { el, loaded } = await editor();
    expect(loaded).to.have.length(1);
    expect(loaded[0]?.personas[0]?.id).to.equal('martine');
    expect(q(el, '.site-bar .screen').textContent).to.contain('home');
    await expect(el).to.be.accessible();
  });

  it('turns the next click on the site into a step on the clicked zone, with the event it sends', async () => {
    const { el } = await editor();
    q(el, '[data-action="add-step"]').click();
    await el.updateComplete;
    expect(q(el, '[data-action="add-step"]').getAttribute('aria-pressed')).to.equal('true');
    // A click outside any zone does not pick anything, and stays in the mode.
    (root(el).querySelector('[data-screen]')!.shadowRoot!.querySelector('h1') as HTMLElement).click();
    await el.updateComplete;
    expect(el.draft?.tutorial?.steps).to.have.length(1);
    expect(q(el, '[data-action="add-step"]').getAttribute('aria-pressed')).to.equal('true');

    zone(el, 'activate-space').click();
    await waitUntil(() => el.draft?.tutorial?.steps.length === 2, 'the step is recorded');
    await waitUntil(() => el.currentScreen === 'start', 'the click went through once');
    const step = el.draft!.tutorial!.steps[1]!;
    expect(step).to.deep.include({ id: 'home-activate-space', journey: 'activation', screen: 'home', target: 'activate-space' });
    expect(step.action).to.deep.equal({ send: { type: 'ACTIVATE_SPACE' } });
    expect(step.until).to.deep.equal({ screen: 'start' });
    await el.updateComplete;
    // The trainer writes the callout at once: focus is in its text.
    expect(deepActive()?.id).to.equal('callout-0-text');
    await sendKeys({ type: 'Cliquez ici' });
    await el.updateComplete;
    expect(el.draft!.tutorial!.steps[1]!.callouts[0]).to.deep.equal({ n: 1, text: 'Cliquez ici', target: 'activate-space', kind: 'step' });
    expect((q<HTMLTextAreaElement>(el, '#export-yaml')).value).to.contain('text: Cliquez ici');
    await expect(el).to.be.accessible();
  });

  it('records a field as a fill, with the persona placeholder, and the site keeps the value', async () => {
    const { el } = await editor();
    await record(el, 'activate-space', 'start');
    await record(el, 'begin', 'identify');
    q(el, '[data-action="add-step"]').click();
    await el.updateComplete;
    zone(el, 'code').click();
    await waitUntil(() => el.draft?.tutorial?.steps.length === 4, 'the fill step is recorded');
    const step = el.draft!.tutorial!.steps[3]!;
    expect(step.action).to.deep.equal({ fill: { form: 'identify', field: 'code', value: '{{persona.provisionalCode}}' } });
    expect(step.until).to.equal(undefined);
    await el.updateComplete;
    expect((zone(el, 'code') as HTMLInputElement).value).to.equal('Kp7RmX2qLa9T');
  });

  it('reorders steps from the keyboard, focus following the step', async () => {
    const { el } = await editor();
    await record(el, 'activate-space', 'start');
    await record(el, 'begin', 'identify');
    const ids = () => el.draft!.tutorial!.steps.map((s) => s.id);
    expect(ids()).to.deep.equal(['debut', 'home-activate-space', 'start-begin']);
    q(el, '[data-step="2"] [data-move="up"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ids()).to.deep.equal(['debut', 'start-begin', 'home-activate-space']);
    expect(deepActive()?.getAttribute('aria-label')).to.contain('start-begin');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ids()).to.deep.equal(['start-begin', 'debut', 'home-activate-space']);
    // At the top, focus moved to « Descendre » of the same step, which still works.
    expect(deepActive()?.getAttribute('data-move')).to.equal('down');
    q(el, '[data-step="2"] [data-action="delete"]').click();
    await el.updateComplete;
    expect(ids()).to.deep.equal(['start-begin', 'debut']);
  });

  it('imports a pasted text, and refuses a broken one with the checker messages', async () => {
    const { el, loaded } = await editor();
    expect(el.importText('id: x\ntitle: [', 'colle.yaml')).to.equal(false);
    await el.updateComplete;
    expect(q(el, '.errors[role="alert"]').textContent).to.match(/colle\.yaml:\d+:\d+/);
    const text = el.exportText().replace('id: essai', 'id: essai-2');
    expect(el.importText(text, 'colle.yaml')).to.equal(true);
    await waitUntil(() => loaded.length === 2, 'the imported world is loaded');
    expect(el.draft?.id).to.equal('essai-2');
    expect(el.exportText()).to.equal(text);
  });

  it('fits a 360 px wide screen', async () => {
    await setViewport({ width: 360, height: 740 });
    const { el } = await editor();
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
  });
});
