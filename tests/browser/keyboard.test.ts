import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, render, type TemplateResult } from 'lit';
import { t } from '../../src/i18n';
import { KeyboardController, isIgnoredKey } from '../../src/tutorial/keyboard';
import { isFullscreen, toggleFullscreen } from '../../src/tutorial/fullscreen';
import { keyName, type MesShortcutsDialog } from '../../src/tutorial/shortcuts-dialog';
import '../../src/tutorial/shortcuts-dialog';

// ---------------------------------------------------------------------------------------------------
// Fixture: a lit host owning a KeyboardController, and fields nested two shadow roots deep.

class KeysHost extends LitElement {
  readonly keys = new KeyboardController(this);
}
customElements.define('test-keys-host', KeysHost);

class DeepFields extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `
      <label>Adresse e-mail <input id="mail" /></label>
      <textarea aria-label="Commentaire"></textarea>
      <div id="editable" contenteditable="true" role="textbox" aria-label="Note">x</div>
      <button id="plain">Bouton</button>`;
  }
}
customElements.define('test-deep-fields', DeepFields);

class Fields extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<section><test-deep-fields></test-deep-fields></section>`;
  }
  deep(selector: string): HTMLElement {
    const el = this.shadowRoot!.querySelector('test-deep-fields')!.shadowRoot!.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`${selector} not found`);
    return el;
  }
}
customElements.define('test-fields', Fields);

// Mounted by hand rather than with fixture(): for a plain element, fixture() waits for an animation
// frame, and a test page run in the background beside another gets none.
const mounted: HTMLElement[] = [];

function mount(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(template, container);
  mounted.push(container);
  return container;
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

async function setup(): Promise<{ host: KeysHost; fields: Fields; calls: string[] }> {
  const wrapper = mount(html`<div>
    <test-keys-host></test-keys-host>
    <test-fields></test-fields>
  </div>`);
  const host = wrapper.querySelector('test-keys-host') as KeysHost;
  await host.updateComplete;
  const fields = wrapper.querySelector('test-fields') as Fields;
  const calls: string[] = [];
  host.keys.register({ keys: ['ArrowRight', ' '], labelKey: 'tutorial:keys.next', group: 'tutorial:groups.navigation', handler: () => calls.push('next') });
  host.keys.register({ keys: ['ArrowLeft'], labelKey: 'tutorial:keys.previous', group: 'tutorial:groups.navigation', handler: () => calls.push('previous') });
  host.keys.register({ keys: ['f'], labelKey: 'tutorial:keys.fullscreen', group: 'tutorial:groups.display', handler: () => calls.push('fullscreen') });
  // Focus starts on the page itself, as after a click on a slide.
  (document.activeElement as HTMLElement | null)?.blur();
  return { host, fields, calls };
}

describe('KeyboardController', () => {
  it('calls the handler of a registered key and takes the key (no page scroll on Space)', async () => {
    const { calls } = await setup();
    const prevented: boolean[] = [];
    const spy = (e: KeyboardEvent) => prevented.push(e.defaultPrevented);
    window.addEventListener('keydown', spy);
    try {
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'F' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'ArrowDown' });
    } finally {
      window.removeEventListener('keydown', spy);
    }
    expect(calls).to.deep.equal(['next', 'next', 'previous', 'fullscreen']);
    // Shift itself, then F: the keydown of Shift alone is not a shortcut.
    expect(prevented).to.deep.equal([true, true, true, false, true, false]);
  });

  it('ignores keys with Ctrl, Alt or Meta', async () => {
    const { calls } = await setup();
    for (const modifier of ['Control', 'Alt', 'Meta']) {
      await sendKeys({ down: modifier });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ up: modifier });
    }
    expect(calls).to.deep.equal([]);
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal(['next']);
  });

  it('ignores keys typed in an input, a textarea or editable content inside shadow roots', async () => {
    const { fields, calls } = await setup();
    const input = fields.deep('#mail') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'a b' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'f' });
    expect(input.value).to.equal('a bf');
    const textarea = fields.deep('textarea') as HTMLTextAreaElement;
    textarea.focus();
    await sendKeys({ type: ' f' });
    expect(textarea.value).to.equal(' f');
    const editable = fields.deep('#editable');
    editable.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    expect(calls).to.deep.equal([]);

    // Once out of the field, the same keys work again.
    input.blur();
    editable.blur();
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal(['next']);
  });

  it('leaves Enter and Space to a focused button, but takes the arrows there', async () => {
    const { host, fields, calls } = await setup();
    host.keys.register({ keys: ['Enter'], labelKey: 'tutorial:keys.next', handler: () => calls.push('enter') });
    const button = fields.deep('#plain');
    const clicks: string[] = [];
    button.addEventListener('click', () => clicks.push('click'));
    button.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    expect(calls).to.deep.equal([]);
    expect(clicks).to.deep.equal(['click', 'click']);
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal(['next']);
  });

  it('lets the latest registration of a key take it, and unregisters', async () => {
    const { host, calls } = await setup();
    const unregister = host.keys.register({ keys: ['ArrowRight'], labelKey: 'tutorial:keys.last', handler: () => calls.push('override') });
    await sendKeys({ press: 'ArrowRight' });
    unregister();
    unregister();
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal(['override', 'next']);
  });

  it('lists the registered shortcuts for the help dialog', async () => {
    const { host } = await setup();
    const unregister = host.keys.register({ keys: ['?'], labelKey: 'tutorial:keys.help', handler: () => undefined });
    expect(host.keys.shortcuts()).to.deep.equal([
      { keys: ['ArrowRight', ' '], labelKey: 'tutorial:keys.next', group: 'tutorial:groups.navigation' },
      { keys: ['ArrowLeft'], labelKey: 'tutorial:keys.previous', group: 'tutorial:groups.navigation' },
      { keys: ['f'], labelKey: 'tutorial:keys.fullscreen', group: 'tutorial:groups.display' },
      { keys: ['?'], labelKey: 'tutorial:keys.help', group: 'tutorial:groups.general' },
    ]);
    unregister();
    expect(host.keys.shortcuts().map((s) => s.labelKey)).not.to.include('tutorial:keys.help');
  });

  it('stops listening when its host leaves the page', async () => {
    const { host, calls } = await setup();
    host.remove();
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal([]);
    document.body.append(host);
    await sendKeys({ press: 'ArrowRight' });
    host.remove();
    expect(calls).to.deep.equal(['next']);
  });

  it('tells which events to ignore from the event alone', () => {
    const plain = new KeyboardEvent('keydown', { key: 'ArrowRight' });
    expect(isIgnoredKey(plain)).to.equal(false);
    expect(isIgnoredKey(new KeyboardEvent('keydown', { key: 'ArrowRight', ctrlKey: true }))).to.equal(true);
    expect(isIgnoredKey(new KeyboardEvent('keydown', { key: 'a', isComposing: true }))).to.equal(true);
  });
});

describe('fullscreen helpers', () => {
  afterEach(async () => {
    await resetMouse();
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
  });

  it('resolves false without an uncaught rejection when the browser refuses', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      // A detached element is refused whatever the user did just before.
      expect(await toggleFullscreen(document.createElement('div'))).to.equal(false);
      // As is an element the browser declines (no gesture, permission policy): a rejected promise.
      const refused = mount(html`<div>Diapositive</div>`);
      let asked = 0;
      refused.requestFullscreen = () => {
        asked += 1;
        return Promise.reject(new TypeError('Permissions check failed'));
      };
      expect(await toggleFullscreen(refused)).to.equal(false);
      expect(asked).to.equal(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(isFullscreen()).to.equal(false);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(rejections).to.deep.equal([]);
  });

  it('enters and leaves fullscreen from a click', async () => {
    const button = mount(html`<button style="width: 200px; height: 40px">Plein écran</button>`).querySelector('button')!;
    const results: boolean[] = [];
    button.addEventListener('click', () => void toggleFullscreen(document.documentElement).then((r) => results.push(r)));
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 20), Math.round(box.y + 20)] });
    await waitUntil(() => results.length === 1, 'the toggle did not resolve');
    if (document.visibilityState === 'hidden') {
      // A page in the background (run beside another test file) may not go fullscreen: refused quietly.
      expect(results[0]).to.equal(false);
      expect(isFullscreen()).to.equal(false);
      return;
    }
    expect(results[0]).to.equal(true);
    expect(document.fullscreenElement).to.equal(document.documentElement);
    const box2 = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box2.x + 20), Math.round(box2.y + 20)] });
    await waitUntil(() => results.length === 2, 'the second toggle did not resolve');
    expect(results[1]).to.equal(false);
    expect(isFullscreen()).to.equal(false);
  });
});

// ---------------------------------------------------------------------------------------------------

class Opener extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<button id="open">Raccourcis</button>`;
  }
  get button(): HTMLButtonElement {
    return this.shadowRoot!.querySelector('button')!;
  }
}
customElements.define('test-opener', Opener);

describe('<mes-shortcuts-dialog>', () => {
  async function setupDialog(): Promise<{ dialog: MesShortcutsDialog; opener: Opener; host: KeysHost; calls: string[] }> {
    const { host, calls } = await setup();
    const wrapper = mount(html`<div>
      <test-opener></test-opener>
      <mes-shortcuts-dialog .shortcuts=${host.keys.shortcuts()}></mes-shortcuts-dialog>
    </div>`);
    const dialog = wrapper.querySelector('mes-shortcuts-dialog') as MesShortcutsDialog;
    const opener = wrapper.querySelector('test-opener') as Opener;
    opener.button.addEventListener('click', () => void dialog.show());
    await dialog.updateComplete;
    return { dialog, opener, host, calls };
  }

  function native(dialog: MesShortcutsDialog): HTMLDialogElement {
    return dialog.shadowRoot!.querySelector('dialog')!;
  }

  it('opens as a modal titled « Raccourcis clavier », listing every shortcut by group', async () => {
    const { dialog, opener } = await setupDialog();
    opener.button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog did not open');
    const el = native(dialog);
    expect(el.matches(':modal')).to.equal(true);
    const title = dialog.shadowRoot!.querySelector('h2')!;
    expect(title.textContent).to.equal('Raccourcis clavier');
    expect(el.getAttribute('aria-labelledby')).to.equal(title.id);
    const rows = [...dialog.shadowRoot!.querySelectorAll('dl > div')].map((row) => ({
      keys: [...row.querySelectorAll('kbd')].map((k) => k.textContent),
      label: row.querySelector('dd')!.textContent,
    }));
    expect(rows).to.deep.equal([
      { keys: ['Flèche droite', 'Espace'], label: t('tutorial:keys.next') },
      { keys: ['Flèche gauche'], label: t('tutorial:keys.previous') },
      { keys: ['F'], label: t('tutorial:keys.fullscreen') },
    ]);
    expect([...dialog.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['Navigation', 'Affichage']);
    // The focus is inside the dialog.
    expect(dialog.shadowRoot!.activeElement).to.not.equal(null);
    await expect(dialog).to.be.accessible();
  });

  it('closes on Esc and gives the focus back to its opener inside a shadow root', async () => {
    const { dialog, opener } = await setupDialog();
    const closed: Event[] = [];
    dialog.addEventListener('mes-shortcuts-close', (e) => closed.push(e));
    opener.button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog did not open');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Esc did not close the dialog');
    await waitUntil(() => closed.length === 1, 'no mes-shortcuts-close');
    expect(opener.shadowRoot!.activeElement).to.equal(opener.button);
  });

  it('keeps the tutorial keys still while it is open', async () => {
    const { dialog, opener, calls } = await setupDialog();
    opener.button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog did not open');
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal([]);
    dialog.close();
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal(['next']);
  });

  it('says when there is no shortcut, and names keys for people', async () => {
    const dialog = await fixture<MesShortcutsDialog>(html`<mes-shortcuts-dialog></mes-shortcuts-dialog>`);
    await dialog.show();
    expect(dialog.shadowRoot!.textContent).to.contain(t('tutorial:shortcuts.empty'));
    expect(keyName(' ')).to.equal('Espace');
    expect(keyName('Escape')).to.equal('Échap');
    expect(keyName('?')).to.equal('?');
    expect(keyName('F13')).to.equal('F13');
    dialog.close();
  });
});
