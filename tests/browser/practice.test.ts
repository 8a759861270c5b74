import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PersonaData } from '../../src/scenarios/schema';
import { randomizePersona } from '../../src/tutorial/evaluation/randomize';
import { PHOTO_SERIAL_PREFIX, type MesVitaleCard } from '../../src/tutorial/practice/vitale-card';
import type { MesDocumentsPanel } from '../../src/tutorial/practice/documents-panel';
import '../../src/tutorial/practice/vitale-card';
import '../../src/tutorial/practice/documents-panel';

/** The default persona of scenarios/pas-a-pas.yaml, as the schema gives it. */
const martine: PersonaData = {
  id: 'martine',
  firstName: 'Martine',
  middleNames: 'Julie',
  lastName: 'LEGUELLEC',
  sex: 'F',
  birthDate: '1969-05-12',
  nir: '269054410903857',
  card: { type: 'sans-photo', serial: '09073458126' },
  provisionalCode: 'Kp7RmX2qLa9T',
  codeState: 'valid',
  email: 'martine.leguellec@example.fr',
  mobile: '0611121314',
  status: 'pending',
  decidedAt: null,
  deceased: false,
  takenLogins: [],
  expectInvalid: [],
  children: [
    { id: 'lucas', firstName: 'Lucas', lastName: 'LEGUELLEC', birthDate: '2012-09-03', provisionalCode: 'Ht4WqZ8nBv2M', codeState: 'valid', status: 'pending', decidedAt: null },
    { id: 'chloe', firstName: 'Chloé', lastName: 'LEGUELLEC', birthDate: '2013-02-21', provisionalCode: 'Rd6XpL3sKe9F', codeState: 'valid', status: 'pending', decidedAt: null },
  ],
};

/** An evaluation's persona drawn from a persona whose card has a photo: the draw keeps the card type. */
function withPhoto(): PersonaData {
  const photoPersona: PersonaData = { ...martine, card: { type: 'avec-photo', serial: martine.card.serial } };
  const p = randomizePersona(photoPersona, 7, { today: '2026-05-12' });
  if (p.card.type !== 'avec-photo') throw new Error('the draw changed the card type');
  return p;
}

function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

function part<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${el.localName}`);
  return found;
}

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isShown(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

async function card(persona: PersonaData, side: 'front' | 'back', highlight: 'nir' | 'serial' | null = null): Promise<MesVitaleCard> {
  const el = await fixture<MesVitaleCard>(
    html`<mes-vitale-card .persona=${persona} side=${side} .highlight=${highlight} style="width: 428px"></mes-vitale-card>`,
  );
  await el.updateComplete;
  return el;
}

/** Where a drawn element sits on the card, as fractions of its width and height. */
function placement(el: MesVitaleCard, selector: string): { left: number; right: number; top: number; bottom: number } {
  const cardBox = part(el, 'svg').getBoundingClientRect();
  const box = part(el, selector).getBoundingClientRect();
  return {
    left: (box.left - cardBox.left) / cardBox.width,
    right: (box.right - cardBox.left) / cardBox.width,
    top: (box.top - cardBox.top) / cardBox.height,
    bottom: (box.bottom - cardBox.top) / cardBox.height,
  };
}

function contains(outer: DOMRect, inner: DOMRect): boolean {
  return outer.left <= inner.left && outer.right >= inner.right && outer.top <= inner.top && outer.bottom >= inner.bottom;
}

describe('<mes-vitale-card>', function (this: Mocha.Suite) {
  // axe runs are slow on a loaded machine; the default 10 s has proved too short there.
  this.timeout(30_000);
  describe('without photo', () => {
    it('shows the name and the formatted NIR on the front, and no serial', async () => {
      const el = await card(martine, 'front');
      expect(text(part(el, '.nir'))).to.equal('2 69 05 44 109 038 57');
      expect(text(part(el, '.name'))).to.equal('MARTINE LEGUELLEC');
      expect(shadow(el).querySelector('.serial')).to.equal(null);
      expect(shadow(el).querySelector('.photo')).to.equal(null);
      expect(text(part(el, 'svg'))).to.contain('carte Vitale').and.to.contain('Simulation');
      const label = part(el, 'svg').getAttribute('aria-label') ?? '';
      expect(part(el, 'svg').getAttribute('role')).to.equal('img');
      expect(label).to.contain('sans photo').and.to.contain('Martine LEGUELLEC').and.to.contain('2 69 05 44 109 038 57');
      await expect(el).to.be.accessible();
    });

    it('shows the serial at the top left of the back', async () => {
      const el = await card(martine, 'back');
      expect(text(part(el, '.serial'))).to.equal('09073458126');
      expect(shadow(el).querySelector('.nir')).to.equal(null);
      const at = placement(el, '.serial');
      expect(at.left).to.be.below(0.15);
      expect(at.right).to.be.below(0.5);
      expect(at.top).to.be.below(0.25);
      expect(part(el, 'svg').getAttribute('aria-label')).to.contain('09073458126').and.to.contain('en haut à gauche');
      await expect(el).to.be.accessible();
    });
  });

  describe('with photo', () => {
    const persona = withPhoto();

    it('shows photo, name, NIR, and the full serial at the top right of the front, ending with the 11 digits to type', async () => {
      expect(persona.card.serial).to.match(/^\d{11}$/);
      const el = await card(persona, 'front');
      const serial = text(part(el, '.serial'));
      expect(serial).to.equal(PHOTO_SERIAL_PREFIX + persona.card.serial);
      expect(serial.slice(-11)).to.equal(persona.card.serial);
      expect(text(part(el, '.nir')).replace(/ /g, '')).to.equal(persona.nir);
      expect(isShown(part(el, '.photo'))).to.equal(true);
      const at = placement(el, '.serial');
      expect(at.left).to.be.above(0.5);
      expect(at.right).to.be.above(0.85);
      expect(at.top).to.be.below(0.25);
      const label = part(el, 'svg').getAttribute('aria-label') ?? '';
      expect(label).to.contain('avec photo').and.to.contain(serial).and.to.contain('en haut à droite');
      await expect(el).to.be.accessible();
    });

    it('carries no number on the back', async () => {
      const el = await card(persona, 'back');
      expect(shadow(el).querySelector('.serial')).to.equal(null);
      expect(shadow(el).querySelector('.nir')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows a serial already 15 digits long as it is', async () => {
      const el = await card({ ...persona, card: { type: 'avec-photo', serial: '123409073458126' } }, 'front');
      expect(text(part(el, '.serial'))).to.equal('123409073458126');
    });
  });

  describe('highlight (fiche réflexe)', () => {
    it('circles the number asked for, where it is, and says so', async () => {
      const front = await card(martine, 'front', 'nir');
      expect(contains(part(front, '.ring').getBoundingClientRect(), part(front, '.nir').getBoundingClientRect())).to.equal(true);
      expect(part(front, 'svg').getAttribute('aria-label')).to.contain('entouré');

      const back = await card(martine, 'back', 'serial');
      expect(contains(part(back, '.ring').getBoundingClientRect(), part(back, '.serial').getBoundingClientRect())).to.equal(true);

      const photo = await card(withPhoto(), 'front', 'serial');
      expect(contains(part(photo, '.ring').getBoundingClientRect(), part(photo, '.serial').getBoundingClientRect())).to.equal(true);
      await expect(photo).to.be.accessible();
    });

    it('circles nothing on a side without that number', async () => {
      const front = await card(martine, 'front', 'serial');
      expect(shadow(front).querySelector('.ring')).to.equal(null);
      expect(part(front, 'svg').getAttribute('aria-label')).not.to.contain('entouré');
      const plain = await card(martine, 'front');
      expect(shadow(plain).querySelector('.ring')).to.equal(null);
    });
  });
});

describe('<mes-documents-panel>', function (this: Mocha.Suite) {
  // axe runs are slow on a loaded machine; the default 10 s has proved too short there.
  this.timeout(30_000);
  async function panel(persona: PersonaData = martine): Promise<MesDocumentsPanel> {
    const el = await fixture<MesDocumentsPanel>(html`<mes-documents-panel .persona=${persona}></mes-documents-panel>`);
    await el.updateComplete;
    return el;
  }

  const toggle = (el: MesDocumentsPanel) => part<HTMLButtonElement>(el, '[data-hotspot="documents"]');
  const dialog = (el: MesDocumentsPanel) => part(el, '#documents-panel');
  const focused = (el: MesDocumentsPanel) => shadow(el).activeElement;
  const tab = (el: MesDocumentsPanel, name: string) => part(el, `#tab-${name}`);
  const visiblePanel = (el: MesDocumentsPanel) => part(el, '[role="tabpanel"]:not([hidden])');

  it('starts closed, with a toggle that says so', async () => {
    const el = await panel();
    expect(text(toggle(el))).to.equal('Mes documents');
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(isShown(dialog(el))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens on the toggle with focus on the letter tab, showing the codes of the family', async () => {
    const el = await panel();
    const opened = oneEvent(el, 'mes-documents-toggle');
    toggle(el).click();
    expect((await opened).detail).to.deep.equal({ open: true });
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    expect(isShown(dialog(el))).to.equal(true);
    expect(focused(el)).to.equal(tab(el, 'letter'));
    const letter = text(visiblePanel(el));
    expect(letter).to.contain('Code provisoire pour Martine LEGUELLEC : Kp7RmX2qLa9T');
    expect(letter).to.contain('Code provisoire pour Lucas LEGUELLEC : Ht4WqZ8nBv2M');
    expect(letter).to.contain('Code provisoire pour Chloé LEGUELLEC : Rd6XpL3sKe9F');
    expect(shadow(el).querySelectorAll('.child-letter')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('moves between its tabs with the arrow keys, Home and End', async () => {
    const el = await panel();
    toggle(el).click();
    await el.updateComplete;
    expect(tab(el, 'letter').getAttribute('aria-selected')).to.equal('true');
    expect([...shadow(el).querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tab(el, 'card'));
    expect(tab(el, 'card').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, 'letter').getAttribute('aria-selected')).to.equal('false');
    expect(visiblePanel(el).id).to.equal('tabpanel-card');
    const cards = visiblePanel(el).querySelectorAll('mes-vitale-card');
    expect([...cards].map((c) => c.getAttribute('side'))).to.deep.equal(['front', 'back']);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tab(el, 'info'));
    const info = text(visiblePanel(el));
    expect(info).to.contain('12/05/1969');
    expect(info).to.contain('martine.leguellec@example.fr');
    expect(info).to.contain('06 11 12 13 14');
    expect(info).to.contain('03/09/2012');
    expect(info).to.contain('21/02/2013');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tab(el, 'letter'));
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tab(el, 'info'));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tab(el, 'letter'));
    expect(visiblePanel(el).id).to.equal('tabpanel-letter');
  });

  it('closes on Esc, and focus returns to the toggle', async () => {
    const el = await panel();
    toggle(el).click();
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const outside: KeyboardEvent[] = [];
    const listener = (e: KeyboardEvent) => outside.push(e);
    document.addEventListener('keydown', listener);
    await sendKeys({ press: 'Escape' });
    document.removeEventListener('keydown', listener);
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(isShown(dialog(el))).to.equal(false);
    expect(focused(el)).to.equal(toggle(el));
    // Esc was the panel's: the tutorial's keyboard controller does not see it.
    expect(outside).to.have.length(0);
  });

  it('closes on its close button, and when closed from outside gives focus back to the toggle', async () => {
    const el = await panel();
    toggle(el).click();
    await el.updateComplete;
    part<HTMLButtonElement>(el, '.close').click();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(focused(el)).to.equal(toggle(el));

    toggle(el).click();
    await el.updateComplete;
    expect(focused(el)).to.equal(tab(el, 'letter'));
    el.open = false;
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el)).to.equal(toggle(el));
  });

  it('can be opened from outside without taking the focus', async () => {
    const el = await panel();
    el.open = true;
    await el.updateComplete;
    expect(isShown(dialog(el))).to.equal(true);
    expect(focused(el)).to.equal(null);
  });

  it('shows the card with photo of an evaluation persona, and « Non renseigné » for missing contacts', async () => {
    const persona = { ...withPhoto(), email: null, mobile: null, children: [] };
    const el = await panel(persona);
    el.tab = 'card';
    el.open = true;
    await el.updateComplete;
    const front = visiblePanel(el).querySelector<MesVitaleCard>('mes-vitale-card[side="front"]')!;
    await front.updateComplete;
    expect(text(part(front, '.serial'))).to.equal(PHOTO_SERIAL_PREFIX + persona.card.serial);
    el.tab = 'info';
    await el.updateComplete;
    expect(text(visiblePanel(el))).to.contain('Non renseigné');
    el.tab = 'letter';
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.child-letter')).to.have.length(0);
    expect(text(visiblePanel(el))).to.contain(`Code provisoire pour Martine LEGUELLEC : ${persona.provisionalCode}`);
    await expect(el).to.be.accessible();
  });
});
