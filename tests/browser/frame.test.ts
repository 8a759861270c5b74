import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { t } from '../../src/i18n';
import type { InboxMessage } from '../../src/api/types';
import type { SiteEvent } from '../../src/site/types';
import { FAVICON_SVG, WORDMARK_SVG } from '../../src/app/wordmark';
import type { MesSiteFrame } from '../../src/app/site-frame';
import type { SimDevices } from '../../src/app/sim-devices';
import '../../src/app/site-frame';
import '../../src/app/sim-devices';

// Mocha's globals, typed here: the project has no @types/mocha.
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => Promise<void> | void): void;
declare function afterEach(fn: () => Promise<void> | void): void;

function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

function part<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${el.localName}`);
  return found;
}

function isShown(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits for the next 'mes-intent' that reaches the document while `act` runs. */
async function intentOf(act: () => Promise<void> | void): Promise<CustomEvent<SiteEvent>> {
  const caught: CustomEvent<SiteEvent>[] = [];
  const listener = (e: Event) => caught.push(e as CustomEvent<SiteEvent>);
  document.addEventListener('mes-intent', listener);
  try {
    await act();
    await waitUntil(() => caught.length > 0, 'no mes-intent reached the document');
  } finally {
    document.removeEventListener('mes-intent', listener);
  }
  expect(caught).to.have.length(1);
  return caught[0]!;
}

describe('<mes-site-frame>', () => {
  afterEach(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  async function frame(): Promise<MesSiteFrame> {
    return fixture<MesSiteFrame>(html`<mes-site-frame><p id="content">Contenu de l'écran</p></mes-site-frame>`);
  }

  it('shows the simulation marker in the header, and the screen inside <main>', async () => {
    const el = await frame();
    const marker = part(el, 'header [data-marker="simulation"]');
    expect(text(marker)).to.equal('Simulation — aucune donnée réelle');
    expect(isShown(marker)).to.equal(true);
    const slot = part<HTMLSlotElement>(el, 'main slot');
    expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['content']);
    expect(text(part(el, 'footer p'))).to.equal('Simulateur de formation — les personnes et les numéros sont fictifs');
    // The accessibility statement is one link away from every page of the site.
    // On the page's own path, so that it works under a folder and from a single file opened from disk.
    expect(part<HTMLAnchorElement>(el, 'footer a').getAttribute('href')).to.equal(`${location.pathname}?view=accessibilite`);
    expect(text(part(el, 'footer a'))).to.equal('Accessibilité : non conforme');
    // The marker stays clear of the content: it sits above <main>, not over it.
    const mainTop = part(el, 'main').getBoundingClientRect().top;
    expect(marker.getBoundingClientRect().bottom).to.be.at.most(mainTop);
  });

  it('emits HOME from the logo, by keyboard, bubbling across shadow roots', async () => {
    const el = await frame();
    const logo = part<HTMLButtonElement>(el, '[data-hotspot="logo"]');
    expect(logo.localName).to.equal('button');
    expect(logo.getAttribute('aria-label')).to.contain('mon ESPACE SANTÉ');
    const event = await intentOf(async () => {
      logo.focus();
      await sendKeys({ press: 'Enter' });
    });
    expect(event.detail).to.deep.equal({ type: 'HOME' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('emits NOT_COVERED help from « Besoin d\'aide ? »', async () => {
    const el = await frame();
    const help = part<HTMLButtonElement>(el, '[data-hotspot="help"]');
    expect(text(help.querySelector('.help-text')!)).to.equal("Besoin d'aide ?");
    const event = await intentOf(() => help.click());
    expect(event.detail).to.deep.equal({ type: 'NOT_COVERED', which: 'help' });
  });

  it('draws its « Aller au contenu » button only once it is focused, inside the frame', async () => {
    // The frame below other content, as in the editor and the call centre.
    const el = await fixture<HTMLDivElement>(html`<div style="padding-top: 200px"><mes-site-frame></mes-site-frame></div>`);
    const frameEl = el.querySelector<MesSiteFrame>('mes-site-frame')!;
    await frameEl.updateComplete;
    const skip = part<HTMLButtonElement>(frameEl, '.skip');
    /** What is drawn at the middle of the button's box (the topmost element there, through the shadow root). */
    const atItsMiddle = (): Element | null => {
      const box = skip.getBoundingClientRect();
      return shadow(frameEl).elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    };
    expect(atItsMiddle(), 'unfocused').to.not.equal(skip);
    skip.focus();
    const box = skip.getBoundingClientRect();
    expect(atItsMiddle(), 'focused').to.equal(skip);
    expect(box.width, 'focused').to.be.greaterThan(50);
    expect(box.top, 'focused, inside the frame').to.be.at.least(frameEl.getBoundingClientRect().top);
    expect(skip.textContent?.trim()).to.equal(t('frame:skipToContent'));
  });

  it('skips to the content with its first focusable button', async () => {
    const el = await frame();
    const skip = part<HTMLButtonElement>(el, '.skip');
    skip.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(el).activeElement?.localName).to.equal('main');
  });

  it('fits from 360 to 1920 px without horizontal scrolling, marker always visible', async () => {
    for (const width of [360, 768, 1920]) {
      await setViewport({ width, height: 800 });
      const el = await frame();
      expect(el.scrollWidth, `at ${width}px`).to.be.at.most(width);
      expect(isShown(part(el, '[data-marker="simulation"]')), `marker at ${width}px`).to.equal(true);
      expect(isShown(part(el, '[data-hotspot="help"]')), `help at ${width}px`).to.equal(true);
    }
  });

  it('is accessible', async () => {
    const el = await frame();
    await expect(el).to.be.accessible();
  });

  it('serves the same wordmark and favicon as the inline ones', async () => {
    expect(await (await fetch('/assets/wordmark.svg')).text()).to.equal(WORDMARK_SVG);
    expect(await (await fetch('/assets/favicon.svg')).text()).to.equal(FAVICON_SVG);
    expect(WORDMARK_SVG).to.contain('#D81E7E').and.to.contain('SANTÉ');
  });

  it('has the PNG images of the page icon drawn as the browser draws its SVG (scripts/favicon-png.mjs)', async () => {
    for (const size of [32, 64]) {
      const pixels = async (src: string): Promise<Uint8ClampedArray> => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0, size, size);
        return ctx.getImageData(0, 0, size, size).data;
      };
      const png = await pixels(`/assets/favicon-${size}.png`);
      const svg = await pixels(`data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`);
      let worst = 0;
      for (let i = 0; i < png.length; i += 1) worst = Math.max(worst, Math.abs(png[i]! - svg[i]!));
      expect(worst, `favicon-${size}.png against the SVG drawn at ${size} px`).to.be.at.most(2);
      // Not blank: the brand's blue square and the pink dot are there.
      expect([...png.slice(((size / 2) * size + 2) * 4, ((size / 2) * size + 2) * 4 + 3)]).to.deep.equal([0x0c, 0x41, 0x9a]);
    }
  });
});

const MAIL_OTP: InboxMessage = {
  id: 'm1',
  channel: 'email',
  to: 'martine.leguellec@example.fr',
  subjectKey: 'otpEmail.subject',
  bodyKey: 'otpEmail.body',
  values: { otp: '482913' },
  receivedAt: '2026-11-26T09:40:00',
};
const SMS_OTP: InboxMessage = {
  id: 'm2',
  channel: 'sms',
  to: '0611121314',
  subjectKey: 'otpSms.subject',
  bodyKey: 'otpSms.body',
  values: { otp: '105277' },
  receivedAt: '2026-11-26T09:45:00',
};
const MAIL_CODE: InboxMessage = {
  id: 'm3',
  channel: 'email',
  to: 'martine.leguellec@example.fr',
  subjectKey: 'newCodeEmail.subject',
  bodyKey: 'newCodeEmail.body',
  values: { firstName: 'Martine', lastName: 'LEGUELLEC', code: 'Kp7RmX2qLa9T' },
  receivedAt: '2026-11-26T09:50:00',
};

describe('<sim-devices>', () => {
  async function devices(messages: InboxMessage[]): Promise<{ el: SimDevices; calls: () => number; set: (m: InboxMessage[]) => void }> {
    let current = messages;
    let calls = 0;
    const source = async () => {
      calls += 1;
      return current;
    };
    const el = await fixture<SimDevices>(html`<sim-devices .source=${source}></sim-devices>`);
    await waitUntil(() => calls > 0 && el.unreadCount === messages.length, 'the inbox was not read');
    await el.updateComplete;
    return { el, calls: () => calls, set: (m) => (current = m) };
  }

  const toggleOf = (el: SimDevices) => part<HTMLButtonElement>(el, '[data-hotspot="devices"]');
  const panelOf = (el: SimDevices) => part(el, '[role="dialog"]');
  const subjects = (el: SimDevices) => [...shadow(el).querySelectorAll('#tabpanel-email h3')].map(text);

  it('shows the unread count on its toggle, panel closed', async () => {
    const { el } = await devices([MAIL_OTP, SMS_OTP, MAIL_CODE]);
    const toggle = toggleOf(el);
    expect(text(part(el, '.toggle .badge'))).to.equal('3');
    expect(text(toggle)).to.contain('Ma messagerie et mon téléphone');
    expect(text(toggle)).to.contain('3 messages non lus');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(isShown(panelOf(el))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keeps the room its bottom-inset attribute asks for under its panel, set on the panel itself', async () => {
    const { el } = await devices([MAIL_OTP]);
    el.setAttribute('bottom-inset', '120');
    await el.show();
    await el.updateComplete;
    const panel = part(el, '.panel');
    expect(Math.round(panel.getBoundingClientRect().bottom)).to.equal(window.innerHeight - 120);
    // Nothing on the element itself that its whole tree would inherit (and be styled again for).
    expect(el.style.length).to.equal(0);
    el.setAttribute('bottom-inset', '0');
    await el.updateComplete;
    expect(Math.round(panel.getBoundingClientRect().bottom)).to.equal(window.innerHeight);
  });

  it('opens by keyboard on the newest unread message, lists both tabs, closes on Esc', async () => {
    const { el } = await devices([MAIL_OTP, SMS_OTP, MAIL_CODE]);
    const toggle = toggleOf(el);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    const panel = panelOf(el);
    expect(isShown(panel)).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.getAttribute('aria-modal')).to.equal('false');
    // Focus lands on the selected tab: the mailbox, where the newest unread message is.
    expect(shadow(el).activeElement?.id).to.equal('tab-email');
    expect(part(el, '#tab-email').getAttribute('aria-selected')).to.equal('true');

    // Newest first, texts from the "inbox" namespace, codes set apart and selectable in one click.
    expect(subjects(el)).to.deep.equal([
      `${t('devices:new')} ${t('inbox:newCodeEmail.subject')}`,
      `${t('devices:new')} ${t('inbox:otpEmail.subject')}`,
    ]);
    expect(subjects(el)[0]).not.to.contain('newCodeEmail');
    const mailPanel = part(el, '#tabpanel-email');
    expect(text(mailPanel)).to.contain('martine.leguellec@example.fr');
    expect(text(mailPanel)).to.contain('Mon espace santé (simulation)');
    expect(text(mailPanel)).to.contain('Reçu le 26/11/2026 à 09:50');
    const codes = [...mailPanel.querySelectorAll<HTMLElement>('.code')];
    expect(codes.map(text)).to.deep.equal(['Kp7RmX2qLa9T', '482913']);
    const codeStyle = getComputedStyle(codes[0]!);
    expect(codeStyle.fontFamily).to.match(/mono/i);
    expect(codeStyle.userSelect).to.equal('all');
    expect(parseFloat(codeStyle.fontSize)).to.be.greaterThan(parseFloat(getComputedStyle(mailPanel.querySelector('.body')!).fontSize));

    // The e-mails are read; the SMS is still waiting.
    expect(el.unreadCount).to.equal(1);
    expect(text(part(el, '#tab-sms'))).to.contain('1 message non lu');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('tab-sms');
    expect(part(el, '#tab-sms').getAttribute('aria-selected')).to.equal('true');
    expect(isShown(part(el, '#tabpanel-email'))).to.equal(false);
    const phone = part(el, '#tabpanel-sms .phone');
    expect(isShown(phone)).to.equal(true);
    const bubbles = [...phone.querySelectorAll('.bubble')];
    expect(bubbles).to.have.length(1);
    expect(text(bubbles[0]!)).to.contain('105277');
    expect(text(bubbles[0]!)).to.contain('06 11 12 13 14');
    expect(text(bubbles[0]!.querySelector('.code')!)).to.equal('105277');
    expect(el.unreadCount).to.equal(0);
    expect(shadow(el).querySelector('.toggle .badge')).to.equal(null);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(isShown(panel)).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).activeElement).to.equal(toggle);
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with Home and End, and closes with its button', async () => {
    const { el } = await devices([SMS_OTP]);
    await el.show();
    expect(shadow(el).activeElement?.id).to.equal('tab-sms');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('tab-email');
    expect(text(part(el, '#tabpanel-email'))).to.equal('Aucun e-mail reçu pour le moment.');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('tab-sms');
    part<HTMLButtonElement>(el, '.close').click();
    await el.updateComplete;
    expect(isShown(panelOf(el))).to.equal(false);
    expect(shadow(el).activeElement).to.equal(toggleOf(el));
  });

  it('shows what arrives after refresh(), and announces it', async () => {
    const { el, set } = await devices([MAIL_OTP]);
    const status = part(el, '[role="status"]');
    expect(text(status)).to.equal('');
    set([MAIL_OTP, SMS_OTP]);
    await el.refresh();
    await el.updateComplete;
    expect(el.unreadCount).to.equal(2);
    expect(text(part(el, '.toggle .badge'))).to.equal('2');
    expect(text(status)).to.equal('1 nouveau message reçu dans la messagerie ou sur le téléphone');
  });

  it('accepts the InboxResponse shape, and says so when the inbox cannot be read', async () => {
    let fail = false;
    const source = async () => {
      if (fail) throw new Error('backend down');
      return { messages: [MAIL_CODE] };
    };
    const el = await fixture<SimDevices>(html`<sim-devices .source=${source}></sim-devices>`);
    await waitUntil(() => el.unreadCount === 1, 'the inbox was not read');
    fail = true;
    await el.show();
    await waitUntil(() => shadow(el).querySelector('.load-error') !== null, 'no error shown');
    expect(text(part(el, '.load-error'))).to.contain("n'a pas pu être lue");
    // What was already received stays on screen.
    expect(subjects(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows empty mailbox and phone plainly', async () => {
    const { el } = await devices([]);
    expect(shadow(el).querySelector('.toggle .badge')).to.equal(null);
    await el.show();
    expect(text(part(el, '#tabpanel-email'))).to.equal('Aucun e-mail reçu pour le moment.');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(text(part(el, '#tabpanel-sms'))).to.contain('Aucun SMS reçu pour le moment.');
    await expect(el).to.be.accessible();
  });
});
