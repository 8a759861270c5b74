/**
 * The landing page's first slide, shown before the app's modules have run: a classic script of its own
 * (esbuild, outside the app's module graph; types only are imported), inline at the start of the built
 * page's head (allowed by its hash in the page's Content-Security-Policy): it runs before the page's body
 * is parsed (with the prerendered slide that scripts/vite-prerender.mjs puts into `<div id="app">`), with
 * no request of its own.
 *
 * - Only the landing address (no query string: the pas à pas's first step, in French, guided) shows the
 *   prerendered slide (index.html's style hides it otherwise); any other address starts the app at once.
 * - On the landing address it focuses what the player focuses on that step (the slide's title), records
 *   what is pressed on it (keys, clicks, a change of the mode list) until the app takes it over
 *   (src/boot/takeover.ts replays them on the app's own element, in order: no press is lost), and sets the
 *   `mes-first-step-ready` mark once the slide is painted with its web fonts (the faces it uses loaded,
 *   then a frame). Then it starts the app.
 *
 * The app's entry module and the modules its first slide needs are named by the script's `data-app` and
 * `data-modules` (the build moves them there from the head), the web font faces the slide uses by its
 * `data-fonts`; without them (a page without prerender) the page's own module script starts the app.
 */
import type { FirstSlide, Press } from './first-slide-types';

/** How long the slide waits for its web fonts at most before it is shown. */
const FACES_TIMEOUT_MS = 2000;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const entry = script?.dataset['app'];
  const modules = script?.dataset['modules']?.split(' ').filter(Boolean) ?? [];
  const startApp = (): void => {
    if (!entry) return;
    for (const href of modules) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      link.crossOrigin = '';
      document.head.append(link);
    }
    const app = document.createElement('script');
    app.type = 'module';
    app.crossOrigin = '';
    app.src = entry;
    document.head.append(app);
  };
  if (location.search !== '' || !entry) {
    startApp();
    return;
  }
  document.documentElement.setAttribute('data-mes-first-slide', '');
  // The faces the slide's text is drawn with (the build saw which): asked for as soon as the style sheet
  // that declares them is loaded (this script runs before it is even in the page), from the preloads, so
  // that the slide's first layout has them rather than laying it out again as each one arrives.
  // Its mark waits for these faces, not for `document.fonts.ready`, which also waits for the page's load
  // event (every other resource of the page, the favicon's too).
  const faces = new Set(script?.dataset['fonts']?.split('|') ?? []);
  let facesAsked = false;
  let facesLoaded: (loads: Promise<unknown>) => void = () => undefined;
  const facesReady = new Promise<unknown>((resolve) => (facesLoaded = resolve));
  const loadFaces = (): void => {
    if (facesAsked) return;
    facesAsked = true;
    document.removeEventListener('load', onSheet, true);
    document.removeEventListener('error', onSheet, true);
    const loads: Array<Promise<unknown>> = [];
    document.fonts.forEach((face) => {
      if (faces.has(`${face.weight} ${face.style} ${face.unicodeRange.split(',')[0]}`)) loads.push(face.load().catch(() => undefined));
    });
    // A face that never comes does not keep the slide hidden for long: it is then shown with what there is.
    facesLoaded(Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, FACES_TIMEOUT_MS))]));
  };
  // A link's load event does not bubble: seen on its way down.
  const onSheet = (event: Event): void => {
    if (event.target instanceof HTMLLinkElement && event.target.rel === 'stylesheet') loadFaces();
  };
  document.addEventListener('load', onSheet, true);
  document.addEventListener('error', onSheet, true);
  const presses: Press[] = [];
  const state: FirstSlide = { host: document.documentElement, presses, recording: true };
  /** The prerendered slide's element, once parsed. */
  let root: Element | null = null;

  // The style sheets the prerender adds to each shadow root are not the app's: they are not counted.
  const indexIn = (parent: ParentNode, child: Element): number =>
    [...parent.children].filter((c) => !c.hasAttribute('data-mes-pre')).indexOf(child);
  /** Where `target` is under the host: the indexes of its elements, `-1` to enter a shadow root. */
  const pathOf = (target: EventTarget | null | undefined): number[] | null => {
    const path: number[] = [];
    let node = target instanceof Element ? target : null;
    if (!root) return null;
    while (node && node !== root) {
      const parent: Node | null = node.parentNode;
      if (parent instanceof ShadowRoot) {
        path.unshift(-1, indexIn(parent, node));
        node = parent.host;
      } else if (parent instanceof Element) {
        path.unshift(indexIn(parent, node));
        node = parent;
      } else return null;
    }
    return node === root ? path : null;
  };

  const record = (event: Event): void => {
    const target = event.composedPath()[0];
    const path = pathOf(target);
    if (event.type === 'keydown') {
      const e = event as KeyboardEvent;
      presses.push({ type: 'keydown', path, key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey });
      return;
    }
    if (path === null) return;
    // A link follows itself: the browser leaves the page.
    if (event.type === 'click' && event.composedPath().some((n) => n instanceof HTMLAnchorElement && n.hasAttribute('href'))) return;
    if (event.type === 'change' && target instanceof HTMLSelectElement) presses.push({ type: 'change', path, value: target.value });
    else if (event.type === 'click') presses.push({ type: 'click', path });
  };
  const TYPES = ['keydown', 'click', 'change'];
  for (const type of TYPES) document.addEventListener(type, record, true);
  state.stop = () => {
    state.recording = false;
    for (const type of TYPES) document.removeEventListener(type, record, true);
  };
  state.focused = () => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return pathOf(el);
  };

  /** The element at `path` under the slide (as pathOf gives it). */
  const at = (path: number[]): Element | null => {
    let node: Element | ShadowRoot | null = root;
    for (const step of path) {
      if (!node) return null;
      node = step === -1 ? (node instanceof Element ? node.shadowRoot : null) : ([...node.children].filter((c) => !c.hasAttribute('data-mes-pre'))[step] ?? null);
    }
    return node instanceof Element ? node : null;
  };

  const shown = (): void => {
    const host = document.getElementById('mes-prerender');
    if (!host?.shadowRoot) {
      state.stop?.();
      document.documentElement.removeAttribute('data-mes-first-slide');
      startApp();
      return;
    }
    root = host;
    state.host = host;
    window.__mesFirstSlide = state;
    const sheet = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
    if (!sheet || sheet.sheet) loadFaces();
    // The slide is shown (index.html's style keeps it out of the layout until then) and its title focused,
    // as the player focuses the step's title, once its faces are loaded: laid out before, with the fallback
    // fonts, it was laid out again when they came (a third of the time to the first slide, on a slow CPU).
    void facesReady.then(() =>
      requestAnimationFrame(() => {
        document.documentElement.setAttribute('data-mes-faces', '');
        const focus = host.dataset['focus'];
        const focused = focus ? at(focus.split(',').map(Number)) : null;
        // Unless the trainee has put the focus somewhere already (a Tab, a click).
        if (focused instanceof HTMLElement && (document.activeElement === document.body || document.activeElement === null)) focused.focus({ preventScroll: true });
        if (!performance.getEntriesByName('mes-first-step-ready').length) performance.mark('mes-first-step-ready');
        startApp();
      }),
    );
  };
  // The page is parsed (its prerendered slide with it); no deferred script runs before the app's.
  if (document.readyState !== 'loading') shown();
  else document.addEventListener('readystatechange', shown, { once: true });
})();
