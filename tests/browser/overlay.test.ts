import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { t } from '../../src/i18n';
import { findHotspot } from '../../src/tutorial/overlay/find-hotspot';
import { placeCallout, spotlightPath, type Rect, type Side, type Size } from '../../src/tutorial/overlay/geometry';
import { HAND_TAP_DELAY_MS, type Callout, type MesTutorialOverlay } from '../../src/tutorial/overlay/tutorial-overlay';
import type { MesProgressBar } from '../../src/tutorial/progress-bar';
import '../../src/tutorial/overlay/tutorial-overlay';
import '../../src/tutorial/progress-bar';

// ---------------------------------------------------------------------------------------------------
// Fixture: a fake screen as the site's are built (open shadow roots, data-hotspot on targets), with a
// nested shadow root that has its own scroller, a hidden decoy and a slotted light child.

class FakeInner extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `
      <style>
        .scroller { height: 120px; overflow: auto; border: 1px solid #8a94b0; }
        .pad { height: 80px; }
        .tail { height: 400px; }
        input { width: 220px; height: 40px; }
      </style>
      <div class="scroller">
        <div class="pad"></div>
        <label>Code provisoire <input data-hotspot="deep" /></label>
        <div class="tail"></div>
      </div>`;
  }
}

class FakeScreen extends HTMLElement {
  readonly clicks: string[] = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <style>
        :host { display: block; font-family: sans-serif; }
        .screen { max-width: 600px; margin: 40px auto; padding: 16px; }
        button { display: block; margin: 0 0 24px; width: 220px; height: 48px; }
        button[hidden] { display: none; }
        .go { margin-left: 120px; }
      </style>
      <div class="screen">
        <h1>Pour commencer</h1>
        <button data-hotspot="go" hidden>Leurre caché</button>
        <button class="go" data-hotspot="go">Activer Mon espace santé</button>
        <button data-hotspot="other">Me connecter</button>
        <fake-inner></fake-inner>
        <slot></slot>
      </div>`;
    root.addEventListener('click', (e) => {
      const hotspot = (e.target as Element).closest('[data-hotspot]')?.getAttribute('data-hotspot');
      if (hotspot) this.clicks.push(hotspot);
    });
  }
}

customElements.define('fake-inner', FakeInner);
customElements.define('fake-screen', FakeScreen);

interface Page {
  site: FakeScreen;
  overlay: MesTutorialOverlay;
  events: CustomEvent[];
}

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

async function page(
  props: Partial<Pick<MesTutorialOverlay, 'target' | 'callouts' | 'mode' | 'showHand' | 'hint' | 'zoneLabel' | 'zoneKey'>> = {},
  { settle = true } = {},
): Promise<Page> {
  const wrapper = mount(html`<div>
    <fake-screen><button data-hotspot="slotted">Bouton glissé</button></fake-screen>
    <div style="height: 2400px"></div>
    <mes-tutorial-overlay></mes-tutorial-overlay>
  </div>`);
  const site = wrapper.querySelector('fake-screen') as FakeScreen;
  const overlay = wrapper.querySelector('mes-tutorial-overlay') as MesTutorialOverlay;
  const events: CustomEvent[] = [];
  for (const name of ['mes-zone-activate', 'mes-outside-click', 'mes-advance', 'mes-callout-dismiss']) {
    wrapper.addEventListener(name, (e) => events.push(e as CustomEvent));
  }
  overlay.root = site;
  Object.assign(overlay, { zoneLabel: 'Activer Mon espace santé', ...props });
  // A target not rendered yet keeps the overlay looking for it: it never settles.
  if (settle) await settled(overlay);
  else await overlay.updateComplete;
  return { site, overlay, events };
}

/** Until the overlay has measured its targets and has no check pending (frames or their fallback timers). */
async function settled(overlay: MesTutorialOverlay): Promise<void> {
  await overlay.updateComplete;
  await waitUntil(() => overlay.idle, 'the overlay never settled', { timeout: 5000 });
  await overlay.updateComplete;
}

/**
 * Chromium fires 'resize' and 'scroll' events while it renders a frame, and a test page run in the
 * background beside another renders none: there, the event that the next frame would have fired is
 * dispatched by hand after the real change. The overlay's own listeners still do all the work.
 */
const hidden = () => document.visibilityState === 'hidden';

async function resizeTo(width: number, height: number): Promise<void> {
  const fired = new Promise<boolean>((resolve) => {
    window.addEventListener('resize', () => resolve(true), { once: true });
    setTimeout(() => resolve(false), hidden() ? 100 : 1000);
  });
  await setViewport({ width, height });
  await waitUntil(() => window.innerWidth === width && window.innerHeight === height, 'the viewport did not change');
  if (!(await fired)) window.dispatchEvent(new Event('resize'));
}

function scrollPage(y: number): void {
  window.scrollTo(0, y);
  if (hidden()) document.dispatchEvent(new Event('scroll', { bubbles: true }));
}

function scrollElement(el: HTMLElement, top: number): void {
  el.scrollTop = top;
  // An element's scroll event neither bubbles nor leaves its shadow tree.
  if (hidden()) el.dispatchEvent(new Event('scroll'));
}

function hotspot(site: FakeScreen, name: string): HTMLElement {
  const el = findHotspot(site, name);
  if (!el) throw new Error(`no hotspot ${name}`);
  return el;
}

function part<T extends Element = HTMLElement>(overlay: MesTutorialOverlay, selector: string): T {
  const el = overlay.shadowRoot?.querySelector<T>(selector);
  if (!el) throw new Error(`${selector} not found in the overlay`);
  return el;
}

function near(a: Rect, b: Rect, tolerance = 1): boolean {
  return (
    Math.abs(a.x - b.x) <= tolerance &&
    Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.width - b.width) <= tolerance &&
    Math.abs(a.height - b.height) <= tolerance
  );
}

function describeRect(r: Rect): string {
  return `(${r.x.toFixed(1)}, ${r.y.toFixed(1)}, ${r.width.toFixed(1)}×${r.height.toFixed(1)})`;
}

async function expectZoneOn(overlay: MesTutorialOverlay, target: HTMLElement): Promise<void> {
  await waitUntil(
    () => {
      const zone = overlay.zone;
      return zone !== null && near(zone.getBoundingClientRect(), target.getBoundingClientRect());
    },
    `the zone ${overlay.zone ? describeRect(overlay.zone.getBoundingClientRect()) : '(none)'} is not on the target ${describeRect(target.getBoundingClientRect())}`,
    { timeout: 2000 },
  );
}

/** Counts the overlay's placements of its callouts from now on. */
function countPlacements(overlay: MesTutorialOverlay): () => number {
  const spied = overlay as unknown as { placeCallouts(): void };
  const place = spied.placeCallouts.bind(overlay);
  let placements = 0;
  spied.placeCallouts = () => {
    placements += 1;
    place();
  };
  return () => placements;
}

function center(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
}

function insideViewport(r: Rect, width: number, height: number): boolean {
  return r.x >= -0.5 && r.y >= -0.5 && r.x + r.width <= width + 0.5 && r.y + r.height <= height + 0.5;
}

// ---------------------------------------------------------------------------------------------------

describe('findHotspot', () => {
  it('finds targets in the screen, in a nested shadow root and in slotted light DOM, skipping hidden ones', async () => {
    const { site } = await page({ target: null });
    const go = findHotspot(site, 'go');
    expect(go?.textContent).to.equal('Activer Mon espace santé');
    const deep = findHotspot(document, 'deep');
    expect(deep).to.be.instanceOf(HTMLInputElement);
    expect(deep?.getRootNode()).to.equal(site.shadowRoot?.querySelector('fake-inner')?.shadowRoot);
    expect(findHotspot(site, 'slotted')?.textContent).to.equal('Bouton glissé');
    expect(findHotspot(site.shadowRoot!, 'deep')).to.equal(deep);
    expect(findHotspot(site, 'missing')).to.equal(null);
    expect(findHotspot(document.createElement('div'), 'go')).to.equal(null);
  });

  it('returns nothing for a target whose ancestor is display:none across a shadow boundary', async () => {
    const { site } = await page({ target: null });
    const inner = site.shadowRoot!.querySelector('fake-inner') as HTMLElement;
    inner.style.display = 'none';
    expect(findHotspot(site, 'deep')).to.equal(null);
    inner.style.display = '';
    expect(findHotspot(site, 'deep')).to.be.instanceOf(HTMLInputElement);
  });
});

describe('spotlightPath', () => {
  function filled(d: string, x: number, y: number): boolean {
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill-rule', 'evenodd');
    svg.append(path);
    document.body.append(svg);
    const point = svg.createSVGPoint();
    point.x = x;
    point.y = y;
    const inside = path.isPointInFill(point);
    svg.remove();
    return inside;
  }

  it('dims the whole viewport when there is no hole', () => {
    expect(spotlightPath({ width: 360, height: 640 }, null, 8, 8)).to.equal('M0 0H360V640H0Z');
    const d = spotlightPath({ width: 1920, height: 1080 }, null);
    expect(filled(d, 960, 540)).to.equal(true);
    expect(filled(d, 1, 1)).to.equal(true);
  });

  it('cuts a rounded hole around the target, grown by the padding', () => {
    const hole = { x: 100, y: 200, width: 120, height: 40 };
    const d = spotlightPath({ width: 360, height: 640 }, hole, 6, 8);
    expect(d.match(/M/g)).to.have.length(2);
    expect(filled(d, 160, 220)).to.equal(false); // the target's centre
    expect(filled(d, 96, 198)).to.equal(false); // inside the padding
    expect(filled(d, 90, 220)).to.equal(true); // left of the padded hole
    expect(filled(d, 160, 250)).to.equal(true); // below it
    expect(filled(d, 95, 195)).to.equal(true); // the rounded corner leaves its tip dimmed
    expect(filled(d, 10, 10)).to.equal(true);
  });

  it('keeps a valid hole when the radius is larger than the box', () => {
    const d = spotlightPath({ width: 360, height: 640 }, { x: 10, y: 10, width: 40, height: 20 }, 0, 100);
    expect(filled(d, 30, 20)).to.equal(false);
    expect(filled(d, 11, 11)).to.equal(true);
    expect(d).not.to.contain('NaN');
  });
});

describe('placeCallout', () => {
  const small: Size = { width: 360, height: 640 };
  const large: Size = { width: 1920, height: 1080 };
  const box = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
  const overlapsTarget = (p: { x: number; y: number }, size: Size, r: Rect) =>
    p.x < r.x + r.width && r.x < p.x + size.width && p.y < r.y + r.height && r.y < p.y + size.height;

  it('puts the callout on the preferred side, centred on the target, at 1920×1080', () => {
    const target = box(900, 400, 120, 40);
    const place = placeCallout(target, { width: 300, height: 100 }, large, 'bottom', { gap: 12 });
    expect(place).to.include({ side: 'bottom', x: 810, y: 452, fits: true });
    expect(place.arrow).to.equal(150);
    expect(placeCallout(target, { width: 300, height: 100 }, large, 'right')).to.include({ side: 'right', x: 1032, fits: true });
  });

  it('flips to the opposite side when the preferred one has no room, at 360×640', () => {
    const target = box(40, 580, 200, 44);
    const place = placeCallout(target, { width: 300, height: 120 }, small, 'bottom');
    expect(place.side).to.equal('top');
    expect(place.y + 120).to.be.at.most(580);
    expect(place.fits).to.equal(true);
  });

  it('shifts the callout back inside the viewport near an edge', () => {
    const target = box(300, 100, 36, 36);
    const place = placeCallout(target, { width: 300, height: 100 }, small, 'bottom', { margin: 8 });
    expect(place.side).to.equal('bottom');
    expect(place.x).to.equal(360 - 8 - 300);
    // The arrow still points at the target's centre, not at the callout's…
    expect(place.arrow).to.be.closeTo(318 - place.x, 0.001);
    // …but never closer to the callout's corner than the inset.
    const corner = placeCallout(box(340, 100, 20, 20), { width: 300, height: 100 }, small, 'bottom', { arrowInset: 16 });
    expect(corner.arrow).to.equal(300 - 16);
  });

  it('clamps inside the viewport and says it does not fit when no side has room', () => {
    const target = box(8, 20, 344, 600);
    const place = placeCallout(target, { width: 300, height: 200 }, small, 'bottom');
    expect(place.fits).to.equal(false);
    expect(insideViewport({ x: place.x, y: place.y, width: 300, height: 200 }, 360, 640)).to.equal(true);
  });

  it('always stays inside the viewport, and off the target when it fits, at 360×640 and 1920×1080', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const sides: Side[] = ['bottom', 'top', 'right', 'left'];
    for (const viewport of [small, large]) {
      for (let k = 0; k < 400; k += 1) {
        const size = { width: 80 + random() * (Math.min(320, viewport.width - 16) - 80), height: 40 + random() * 200 };
        // Targets partly or wholly outside the viewport too: a scrolled page.
        const target = box(random() * viewport.width * 1.2 - 40, random() * viewport.height * 1.2 - 40, 10 + random() * 300, 10 + random() * 80);
        const place = placeCallout(target, size, viewport, sides[k % 4]!);
        const where = `${viewport.width}: target ${describeRect(target)} size ${size.width.toFixed(0)}×${size.height.toFixed(0)} → ${place.side} (${place.x}, ${place.y})`;
        expect(insideViewport({ x: place.x, y: place.y, ...size }, viewport.width, viewport.height), where).to.equal(true);
        if (place.fits) expect(overlapsTarget(place, size, target), where).to.equal(false);
      }
    }
  });
});

describe('<mes-tutorial-overlay>', () => {
  beforeEach(async () => {
    await setViewport({ width: 1920, height: 1080 });
    window.scrollTo(0, 0);
  });

  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
    window.scrollTo(0, 0);
  });

  it('gives the element its anchor found for a name, and none once it left the page', async () => {
    const { site, overlay } = await page({ target: 'go' });
    const go = hotspot(site, 'go');
    expect(overlay.anchoredElement('go')).to.equal(go);
    expect(overlay.anchoredElement('slotted')).to.equal(null);
    go.remove();
    expect(overlay.anchoredElement('go')).to.equal(null);
  });

  it('lays the zone button exactly over the target, and keeps it there from 1920 to 360 px wide', async () => {
    const { site, overlay } = await page({ target: 'go' });
    const go = hotspot(site, 'go');
    await expectZoneOn(overlay, go);
    const zone = overlay.zone!;
    expect(zone.localName).to.equal('button');
    expect(zone.dataset.hotspot).to.equal('zone');
    expect(zone.getAttribute('aria-label')).to.equal('Activer Mon espace santé');

    const wideX = go.getBoundingClientRect().x;
    await resizeTo(360, 640);
    await waitUntil(() => go.getBoundingClientRect().x !== wideX, 'the fake screen did not reflow');
    await expectZoneOn(overlay, go);
    await resizeTo(1280, 800);
    await expectZoneOn(overlay, go);
  });

  it('follows the target when the page scrolls and when a scroller inside a shadow root scrolls', async () => {
    const { site, overlay } = await page({ target: 'go' });
    const go = hotspot(site, 'go');
    await expectZoneOn(overlay, go);
    // Past the checks the controller makes after an update: only the scroll listeners can help now.
    await settled(overlay);
    const before = go.getBoundingClientRect().y;
    scrollPage(37);
    await waitUntil(() => go.getBoundingClientRect().y !== before, 'the page did not scroll');
    await expectZoneOn(overlay, go);

    overlay.target = 'deep';
    const deep = hotspot(site, 'deep');
    await expectZoneOn(overlay, deep);
    const scroller = site.shadowRoot!.querySelector('fake-inner')!.shadowRoot!.querySelector('.scroller') as HTMLElement;
    await settled(overlay);
    const y = deep.getBoundingClientRect().y;
    scrollElement(scroller, 50);
    await waitUntil(() => deep.getBoundingClientRect().y !== y, 'the inner scroller did not scroll');
    await expectZoneOn(overlay, deep);
  });

  it('emits mes-zone-activate on a click on the zone, and the site does not get that click', async () => {
    const { site, overlay, events } = await page({ target: 'go' });
    const go = hotspot(site, 'go');
    await expectZoneOn(overlay, go);
    await sendMouse({ type: 'click', position: center(go) });
    await waitUntil(() => events.length > 0, 'no event after the click on the zone');
    expect(events.map((e) => e.type)).to.deep.equal(['mes-zone-activate']);
    expect(events[0]!.detail).to.include({ target: 'go', element: go });
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(site.clicks).to.deep.equal([]);
  });

  it('refuses a click outside the zone with mes-outside-click: the site button under it gets nothing', async () => {
    const { site, overlay, events } = await page({ target: 'go' });
    await expectZoneOn(overlay, hotspot(site, 'go'));
    const other = hotspot(site, 'other');
    const [x, y] = center(other);
    await sendMouse({ type: 'click', position: [x, y] });
    await waitUntil(() => events.length > 0, 'no event after the click outside');
    expect(events.map((e) => e.type)).to.deep.equal(['mes-outside-click']);
    expect(events[0]!.detail).to.deep.equal({ target: 'go', x, y });
    expect(site.clicks).to.deep.equal([]);
  });

  it('in guided mode without target, a click anywhere emits mes-advance', async () => {
    const { site, events } = await page({ target: null });
    await sendMouse({ type: 'click', position: center(hotspot(site, 'other')) });
    await waitUntil(() => events.length > 0, 'no event after the click');
    expect(events.map((e) => e.type)).to.deep.equal(['mes-advance']);
    expect(site.clicks).to.deep.equal([]);
  });

  it('is reached with Tab, and Enter or Space on the zone activates it', async () => {
    const { site, overlay, events } = await page({ target: 'go' });
    await expectZoneOn(overlay, hotspot(site, 'go'));
    // Start from the last focusable element of the site: the next Tab leaves it for the overlay.
    hotspot(site, 'slotted').focus();
    await sendKeys({ press: 'Tab' });
    expect(overlay.shadowRoot!.activeElement).to.equal(overlay.zone);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => events.length >= 2, 'Enter and Space did not both activate the zone');
    expect(events.map((e) => e.type)).to.deep.equal(['mes-zone-activate', 'mes-zone-activate']);
    expect(site.clicks).to.deep.equal([]);
  });

  it('numbers the callouts in order, anchored next to their targets or in the side panel', async () => {
    const callouts: Callout[] = [
      { n: 3, text: 'Le bouton pour se connecter', target: 'other', kind: 'step' },
      { n: 1, text: 'Le bouton à cliquer', target: 'go', kind: 'step' },
      { n: 2, text: 'Le code provisoire', target: 'deep', kind: 'step' },
      { text: 'Le code est valable une seule fois', kind: 'note' },
    ];
    const { overlay } = await page({ target: 'go', callouts });
    await waitUntil(() => overlay.shadowRoot!.querySelectorAll('.callout.anchored').length === 3, 'callouts not anchored');
    const anchored = [...overlay.shadowRoot!.querySelectorAll<HTMLElement>('.callout.anchored')];
    expect(anchored.map((el) => el.querySelector('.badge')?.textContent)).to.deep.equal(['1', '2', '3']);
    expect(anchored[0]!.textContent).to.contain('Le bouton à cliquer');
    const panel = part(overlay, '.panel');
    expect(panel.textContent).to.contain('Le code est valable une seule fois');
    // The zone is described by the callout on its own target.
    expect(overlay.zone!.getAttribute('aria-describedby')).to.equal(anchored[0]!.id);
    // Each anchored callout sits next to its target without covering it.
    for (const el of anchored) {
      const n = Number(el.dataset.n);
      const target = overlay.targetRect(callouts.find((c) => c.n === n)!.target!)!;
      const r = el.getBoundingClientRect();
      const covers = r.x < target.x + target.width && target.x < r.right && r.y < target.y + target.height && target.y < r.bottom;
      expect(covers, `callout ${n}`).to.equal(false);
      expect(['bottom', 'top', 'left', 'right']).to.include(el.dataset.side);
    }
  });

  it('keeps a callout the trainee closed closed while the player hands the same callouts again, until the next step', async () => {
    const callouts = (): Callout[] => [
      { n: 1, text: 'Le bouton à cliquer', target: 'go', kind: 'step' },
      { text: 'Le code est valable une seule fois', kind: 'note' },
    ];
    const { overlay, events } = await page({ target: 'go', callouts: callouts(), zoneKey: 4 });
    const shown = () => overlay.shadowRoot!.querySelectorAll('.callout').length;
    await waitUntil(() => shown() === 2, 'callouts not drawn');
    overlay.shadowRoot!.querySelector<HTMLButtonElement>('.callout .close')!.click();
    await overlay.updateComplete;
    expect(shown()).to.equal(1);
    expect(events.filter((e) => e.type === 'mes-callout-dismiss').length).to.equal(1);
    // The player's next update hands a new list with the same callouts (a hint shown, a letter typed).
    overlay.callouts = callouts();
    overlay.requestUpdate();
    await overlay.updateComplete;
    expect(shown()).to.equal(1);
    // Other callouts, or the next step: all are shown again.
    overlay.zoneKey = 5;
    await overlay.updateComplete;
    await waitUntil(() => shown() === 2, 'the closed callout did not come back at the next step');
  });

  it('keeps every callout inside the viewport at 360 px, and follows resizing', async () => {
    const long = 'Je clique sur « Activer Mon espace santé » pour commencer, avec ma carte Vitale et mon code provisoire à portée de main.';
    const { overlay } = await page({
      target: 'go',
      callouts: [
        { n: 1, text: long, target: 'go', kind: 'step' },
        { n: 2, text: long, target: 'deep', kind: 'case' },
        { n: 3, text: long, target: 'slotted', kind: 'step' },
        { text: long, kind: 'note' },
      ],
    });
    for (const [width, height] of [
      [360, 640],
      [1920, 1080],
      [360, 640],
    ] as const) {
      await resizeTo(width, height);
      await settled(overlay);
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const boxes = [...overlay.shadowRoot!.querySelectorAll<HTMLElement>('.callout')];
      expect(boxes).to.have.length(4);
      for (const el of boxes) {
        expect(insideViewport(el.getBoundingClientRect(), vw, vh), `${width}px: ${el.textContent?.trim().slice(0, 20)} at ${describeRect(el.getBoundingClientRect())}`).to.equal(true);
      }
    }
    // At 360 px the panel is a sheet along the viewport's edge.
    const panel = part(overlay, '.panel');
    expect(panel.closest('.dock')).to.not.equal(null);
  });

  it('while the target is not rendered yet, shows its callouts in the panel once looked for, and retries', async () => {
    const { site, overlay } = await page({ target: 'late', callouts: [{ n: 1, text: 'Bientôt là', target: 'late', kind: 'step' }] }, { settle: false });
    expect(overlay.zone).to.equal(null);
    await waitUntil(() => overlay.shadowRoot!.querySelector('.panel')?.textContent?.includes('Bientôt là') === true, 'the callout is not in the panel', { timeout: 2000 });
    await new Promise((r) => setTimeout(r, 100));
    const late = document.createElement('button');
    late.textContent = 'Arrivé plus tard';
    late.dataset.hotspot = 'late';
    site.shadowRoot!.querySelector('.screen')!.prepend(late);
    await expectZoneOn(overlay, late);
    await waitUntil(() => overlay.shadowRoot!.querySelector('.callout.anchored') !== null, 'the callout did not move next to its target');
    expect(overlay.shadowRoot!.querySelector('.panel')).to.equal(null);
  });

  it("keeps the focused zone of the step before until the next step's zone takes the focus, then drops it", async () => {
    const { site, overlay, events } = await page({ target: 'go', zoneKey: 1 });
    await expectZoneOn(overlay, hotspot(site, 'go'));
    const before = overlay.zone!;
    before.focus();
    // The next step: another target, another zone.
    Object.assign(overlay, { target: 'other', zoneKey: 2, zoneLabel: 'Me connecter' });
    await overlay.updateComplete;
    // Still there and still focused (no focus lost to the page in the step's update), but no longer the zone.
    expect(overlay.shadowRoot!.activeElement).to.equal(before);
    expect(before.isConnected).to.equal(true);
    expect(before.classList.contains('leaving')).to.equal(true);
    expect(before.hasAttribute('data-hotspot')).to.equal(false);
    expect(before.getAttribute('aria-label')).to.equal('Activer Mon espace santé');
    expect(getComputedStyle(before).opacity).to.equal('0');
    before.click();
    expect(events.filter((e) => e.type === 'mes-zone-activate')).to.deep.equal([]);
    expect(await overlay.focusZone(2000)).to.equal(true);
    const after = overlay.zone!;
    expect(after).to.not.equal(before);
    expect(after.getAttribute('aria-label')).to.equal('Me connecter');
    expect(overlay.shadowRoot!.activeElement).to.equal(after);
    await overlay.updateComplete;
    expect(before.isConnected).to.equal(false);
    await expectZoneOn(overlay, hotspot(site, 'other'));
    expect(overlay.shadowRoot!.querySelectorAll('.zone').length).to.equal(1);
    // Step after step, the zone focused each time (as the player does in each step's frame): one zone left
    // each time, the focused one let go of, and no error.
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    window.addEventListener('error', onError);
    try {
      for (const [key, target] of [[3, 'go'], [4, 'other'], [5, 'go'], [6, 'go'], [7, 'other']] as const) {
        const focused = overlay.zone!;
        Object.assign(overlay, { target, zoneKey: key });
        await overlay.updateComplete;
        expect(overlay.shadowRoot!.activeElement, `step ${key}: the zone before keeps the focus`).to.equal(focused);
        expect(await overlay.focusZone(2000)).to.equal(true);
        await overlay.updateComplete;
        expect(focused.isConnected, `step ${key}: the zone before is gone`).to.equal(false);
        expect(overlay.shadowRoot!.querySelectorAll('.zone').length, `step ${key}: one zone`).to.equal(1);
        await expectZoneOn(overlay, hotspot(site, target));
      }
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('places the callouts once for a step: letting the zone before go asks for no other frame', async () => {
    const callouts = (target: string): Callout[] => [{ target, text: 'Cliquez ici', n: 1, kind: 'step' }];
    const { site, overlay } = await page({ target: 'go', zoneKey: 1, callouts: callouts('go') });
    await expectZoneOn(overlay, hotspot(site, 'go'));
    overlay.zone!.focus();
    const placements = countPlacements(overlay);
    // The next step, its zone focused in the frame that draws it, after the overlay's own work of that frame,
    // as the player does.
    Object.assign(overlay, { target: 'other', zoneKey: 2, callouts: callouts('other') });
    await overlay.updateComplete;
    const focused = await new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(overlay.focusZone(2000))));
    expect(focused).to.equal(true);
    await settled(overlay);
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(overlay.shadowRoot!.querySelectorAll('.zone').length).to.equal(1);
    await expectZoneOn(overlay, hotspot(site, 'other'));
    // Once, in the step's frame; a second placement came in the next frame, for the update that only took
    // the zone before away.
    expect(placements()).to.equal(1);
  });

  it("drawNow draws a new target's zone and places its callouts in the task, before any frame", async () => {
    const callouts = (target: string): Callout[] => [{ target, text: 'Cliquez ici', n: 1, kind: 'step' }];
    const { site, overlay } = await page({ target: 'go', zoneKey: 1, callouts: callouts('go') });
    await expectZoneOn(overlay, hotspot(site, 'go'));
    const placements = countPlacements(overlay);
    let frames = 0;
    requestAnimationFrame(() => (frames += 1));
    Object.assign(overlay, { target: 'other', zoneKey: 2, callouts: callouts('other') });
    await overlay.updateComplete;
    await overlay.drawNow();
    // Only microtasks since the change: no frame came, and everything is drawn.
    expect(frames).to.equal(0);
    const target = hotspot(site, 'other').getBoundingClientRect();
    expect(near(overlay.zone!.getBoundingClientRect(), target), `zone ${describeRect(overlay.zone!.getBoundingClientRect())}, target ${describeRect(target)}`).to.equal(true);
    expect(placements()).to.equal(1);
    const callout = part(overlay, '.callout.anchored').getBoundingClientRect();
    // Next to its target (within the callout's gap and arrow), not where it was drawn before being placed.
    const gap = Math.max(target.left - callout.right, callout.left - target.right, target.top - callout.bottom, callout.top - target.bottom);
    expect(gap, `callout ${describeRect(callout)}, target ${describeRect(target)}`).to.be.within(0, 40);
    expect(await overlay.focusZone(0)).to.equal(true);
    expect(frames).to.equal(0);
    expect(overlay.shadowRoot!.activeElement).to.equal(overlay.zone);
  });

  it("reads every callout's size before it moves any: one style pass for the placement, not one per callout", async () => {
    const callouts: Callout[] = [
      { target: 'go', text: 'Cliquez ici', n: 1, kind: 'step' },
      { target: 'other', text: 'Puis ici', n: 2, kind: 'note' },
      { target: 'go', text: 'Et encore ici', n: 3, kind: 'note' },
    ];
    const { overlay } = await page({ target: 'go', zoneKey: 1, callouts });
    await settled(overlay);
    const anchored = [...overlay.shadowRoot!.querySelectorAll<HTMLElement>('.callout.anchored')];
    expect(anchored.length, 'three callouts next to their targets').to.equal(3);
    // Each size read and each move of a callout, in order.
    const log: string[] = [];
    const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth')!;
    for (const el of anchored) {
      Object.defineProperty(el, 'offsetWidth', { configurable: true, get: () => (log.push('read'), width.get!.call(el)) });
      // Chromium answers a style's properties without accessors of its own: these stand in for it.
      Object.defineProperty(el.style, 'transform', {
        configurable: true,
        get: () => el.style.getPropertyValue('transform'),
        set: (value: string) => (log.push('move'), el.style.setProperty('transform', value)),
      });
    }
    overlay.insetBottom = 90;
    await overlay.updateComplete;
    expect(log.filter((entry) => entry === 'read').length, log.join(' ')).to.equal(3);
    expect(log.filter((entry) => entry === 'move').length, log.join(' ')).to.equal(3);
    expect(log.lastIndexOf('read'), log.join(' ')).to.be.below(log.indexOf('move'));
  });

  it("draws a new step's callouts next to their target at once, never first in the panel", async () => {
    const callouts = (target: string): Callout[] => [{ target, text: 'Cliquez ici', n: 1, kind: 'step' }];
    const { site, overlay } = await page({ target: 'go', zoneKey: 1, callouts: callouts('go') });
    await settled(overlay);
    // Every callout the overlay draws, and where: in the panel, or next to its target.
    const drawn: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          for (const callout of [node, ...node.querySelectorAll<HTMLElement>('.callout')].filter((el) => el.classList.contains('callout'))) {
            drawn.push(callout.classList.contains('anchored') ? 'anchored' : 'panel');
          }
        }
      }
    });
    observer.observe(overlay.shadowRoot!, { childList: true, subtree: true });
    // A step with a new target, rendered already: its task measures it (drawNow), as the player does.
    Object.assign(overlay, { target: 'other', zoneKey: 2, callouts: callouts('other') });
    await overlay.updateComplete;
    await overlay.drawNow();
    observer.disconnect();
    expect(drawn).to.deep.equal(['anchored']);
    expect(overlay.shadowRoot!.querySelector('.panel')).to.equal(null);
    await expectZoneOn(overlay, hotspot(site, 'other'));
  });

  it('places the callouts again at once when the bars move, where the targets are measured: no frame asked for', async () => {
    const callouts: Callout[] = [{ target: 'go', text: 'Cliquez ici', n: 1, kind: 'step' }];
    const { overlay } = await page({ target: 'go', zoneKey: 1, callouts });
    await settled(overlay);
    const placements = countPlacements(overlay);
    let frames = 0;
    requestAnimationFrame(() => (frames += 1));
    // As the player's ResizeObserver reports a taller step panel while a frame is drawn.
    overlay.insetBottom = 120;
    await overlay.updateComplete;
    expect(frames).to.equal(0);
    expect(placements()).to.equal(1);
    // Nothing is left for the next frame.
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(placements()).to.equal(1);
  });

  it('focusZone focuses the zone where it is: the page is scrolled by the player, never by the focus', async () => {
    const { site, overlay } = await page({ target: 'go' });
    scrollPage(0);
    await settled(overlay);
    expect(await overlay.focusZone(2000)).to.equal(true);
    expect(Math.round(window.scrollY)).to.equal(0);
    await expectZoneOn(overlay, hotspot(site, 'go'));
    // The page scrolled past the target: the zone, over it in the fixed overlay, is focused above the viewport.
    overlay.zone!.blur();
    scrollPage(1000);
    await waitUntil(() => (overlay.targetRect('go')?.y ?? 0) < 0, 'the overlay did not follow the scroll', { timeout: 2000 });
    await settled(overlay);
    expect(await overlay.focusZone(2000)).to.equal(true);
    expect(overlay.shadowRoot!.activeElement).to.equal(overlay.zone);
    expect(Math.round(window.scrollY)).to.equal(1000);
    await expectZoneOn(overlay, hotspot(site, 'go'));
  });

  it('focusZone focuses the zone in the update that draws it, for a target rendered later; false when none comes', async () => {
    const { site, overlay } = await page({ target: 'late' }, { settle: false });
    expect(overlay.zone).to.equal(null);
    let resolved = false;
    const focused = overlay.focusZone(5000).then((ok) => {
      resolved = true;
      return ok;
    });
    // A task queued by the update that draws the zone runs after the focus: no task, and so no frame, in between.
    let taskAfterDraw: Promise<boolean> | null = null;
    overlay.addController({
      hostUpdated: () => {
        if (!taskAfterDraw && overlay.zone) taskAfterDraw = new Promise((r) => setTimeout(() => r(resolved), 0));
      },
    });
    const late = document.createElement('button');
    late.textContent = 'Arrivé plus tard';
    late.dataset.hotspot = 'late';
    site.shadowRoot!.querySelector('.screen')!.prepend(late);
    expect(await focused).to.equal(true);
    expect(overlay.shadowRoot!.activeElement).to.equal(overlay.zone);
    expect(await taskAfterDraw, 'focused before any later task').to.equal(true);

    const none = await page({ target: 'never-there' }, { settle: false });
    const start = performance.now();
    expect(await none.overlay.focusZone(50)).to.equal(false);
    expect(performance.now() - start).to.be.at.least(45);
  });

  it('in practice mode lets clicks through to the site and only shows what it is given', async () => {
    const { site, overlay, events } = await page({
      mode: 'practice',
      target: null,
      callouts: [{ n: 1, text: 'Le bouton', target: 'go', kind: 'step' }],
      hint: 'Cherchez le bouton qui active le compte.',
    });
    const go = hotspot(site, 'go');
    await sendMouse({ type: 'click', position: center(go) });
    await waitUntil(() => site.clicks.length > 0, 'the site button did not get the click');
    expect(site.clicks).to.deep.equal(['go']);
    expect(overlay.zone).to.equal(null);
    expect(overlay.shadowRoot!.querySelector('.catcher')).to.equal(null);
    expect(overlay.shadowRoot!.querySelector('.dim')).to.equal(null);
    const hint = part(overlay, '[role="status"]');
    expect(hint.getAttribute('aria-live')).to.equal('polite');
    expect(hint.textContent).to.equal('Cherchez le bouton qui active le compte.');

    // A click on the callout's body goes through too; its close button does not.
    const callout = part(overlay, '.callout');
    await waitUntil(() => callout.getBoundingClientRect().x > 0, 'callout not placed');
    const close = part(overlay, '.callout .close');
    expect(close.getAttribute('aria-label')).to.equal(t('tutorial:overlay.dismissNumbered', { n: 1 }));
    await sendMouse({ type: 'click', position: center(close) });
    await waitUntil(() => events.length > 0, 'no dismiss event');
    expect(events.map((e) => e.type)).to.deep.equal(['mes-callout-dismiss']);
    expect(overlay.shadowRoot!.querySelector('.callout')).to.equal(null);
    expect(site.clicks).to.deep.equal(['go']);
  });

  it('shows the hand next to the target, still when reduced motion is asked', async () => {
    const { site, overlay } = await page({ target: 'go', showHand: true });
    const go = hotspot(site, 'go');
    await expectZoneOn(overlay, go);
    const hand = part(overlay, '.hand');
    const g = go.getBoundingClientRect();
    const h = hand.getBoundingClientRect();
    expect(h.x).to.be.within(g.x, g.right);
    expect(h.y).to.be.within(g.y, g.bottom);
    // Drawn still with its zone, it starts tapping a moment after (not in the frame that draws the step).
    expect(getComputedStyle(hand).animationName).to.equal('none');
    await waitUntil(() => getComputedStyle(hand).animationName === 'tap', 'the hand never tapped', { timeout: HAND_TAP_DELAY_MS + 1000 });
    // It taps three times, under 5 s (moving content stops by itself: RGAA 13.8, WCAG 2.2.2)…
    const [tap] = hand.getAnimations();
    const timing = tap!.effect!.getComputedTiming();
    expect(timing.iterations).to.equal(3);
    expect(Number(timing.endTime)).to.be.at.most(5000);
    // …and again for the next zone: a new hand, its taps from the start.
    tap!.finish();
    overlay.zoneKey = 'next step';
    await overlay.updateComplete;
    const next = part(overlay, '.hand');
    expect(next).to.not.equal(hand);
    await waitUntil(() => next.getAnimations()[0]?.playState === 'running', 'the next hand never tapped', { timeout: HAND_TAP_DELAY_MS + 1000 });
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(next).animationName).to.equal('none');
    // The hand never takes a click: the zone under it does.
    expect(getComputedStyle(next).pointerEvents).to.equal('none');
  });

  it('draws the spotlight hole around the target in guided mode', async () => {
    const { site, overlay } = await page({ target: 'go' });
    const go = hotspot(site, 'go');
    await expectZoneOn(overlay, go);
    const path = part<SVGPathElement>(overlay, '.dim path');
    const point = (x: number, y: number) => {
      const p = overlay.shadowRoot!.querySelector<SVGSVGElement>('.dim')!.createSVGPoint();
      p.x = x;
      p.y = y;
      return p;
    };
    const [cx, cy] = center(go);
    expect(path.isPointInFill(point(cx, cy))).to.equal(false);
    expect(path.isPointInFill(point(5, 5))).to.equal(true);
  });

  it('is accessible in guided mode with a target and callouts', async () => {
    const { site, overlay } = await page({
      target: 'go',
      showHand: true,
      hint: 'Cliquez dans la zone indiquée par la main.',
      callouts: [
        { n: 1, text: 'Le bouton à cliquer', target: 'go', kind: 'step' },
        { n: 1, text: 'Je modifie mes coordonnées', target: 'other', kind: 'case' },
        { text: 'Le code est valable une seule fois', kind: 'note' },
      ],
    });
    await expectZoneOn(overlay, hotspot(site, 'go'));
    await expect(overlay).to.be.accessible();
  });
});

describe('<mes-progress-bar>', () => {
  it('shows « Étape n / N » and the journey, with a progressbar that says it in words', async () => {
    const bar = await fixture<MesProgressBar>(html`<mes-progress-bar current="3" total="12" journey="Activation"></mes-progress-bar>`);
    const root = bar.shadowRoot!;
    expect(root.textContent?.replace(/\s+/g, ' ')).to.contain('Étape 3 / 12').and.contain('Activation');
    const progress = root.querySelector('[role="progressbar"]')!;
    expect(progress.getAttribute('aria-valuenow')).to.equal('3');
    expect(progress.getAttribute('aria-valuemin')).to.equal('1');
    expect(progress.getAttribute('aria-valuemax')).to.equal('12');
    expect(progress.getAttribute('aria-valuetext')).to.equal('Étape 3 sur 12 : Activation');
    const fill = root.querySelector<HTMLElement>('.fill')!;
    expect(fill.style.transform).to.equal('scaleX(0.25)');
    // The fill is scaled from the track's start, at once: no transition starts in the frame that draws a step.
    expect(getComputedStyle(fill).transformOrigin.startsWith('0px')).to.equal(true);
    expect(getComputedStyle(fill).transitionDuration).to.equal('0s');

    bar.current = 40;
    await bar.updateComplete;
    expect(progress.getAttribute('aria-valuenow')).to.equal('12');
    await expect(bar).to.be.accessible();
  });
});
