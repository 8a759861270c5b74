import type { FirstSlide, Press } from './first-slide-types';

/** The element at `path` under `host` (see src/boot/first-slide.ts): element indexes, -1 to enter a shadow root. */
function at(host: Element, path: readonly number[]): Element | null {
  let node: Element | ShadowRoot | null = host;
  for (let i = 0; i < path.length && node; i += 1) {
    const step = path[i]!;
    if (step === -1) node = node instanceof Element ? node.shadowRoot : null;
    else node = node.children[step] ?? null;
  }
  return node instanceof Element ? node : null;
}

function replay(host: Element, press: Press): void {
  const el = press.path ? at(host, press.path) : null;
  if (press.type === 'click') {
    if (el instanceof HTMLElement) el.click();
  } else if (press.type === 'change') {
    if (el instanceof HTMLSelectElement) {
      el.value = press.value;
      el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  } else {
    const { key, code, shiftKey, ctrlKey, altKey, metaKey } = press;
    (el ?? document.activeElement ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', { key, code, shiftKey, ctrlKey, altKey, metaKey, bubbles: true, composed: true, cancelable: true }),
    );
  }
}

/**
 * The app takes over the prerendered first slide: its own element is rendered hidden next to it, and
 * swapped in within the frame where it is ready (its first step rendered, fonts loaded), so the screen
 * does not flash; the focus goes to the same place, and what was pressed on the prerendered slide is
 * done again, in order, on the app's element (a next step asked before the session runs waits for it:
 * src/tutorial/tutorial-app.ts `sendWhenWaiting`).
 */
export function takeOver(root: Element, app: HTMLElement, first: FirstSlide): void {
  app.style.display = 'none';
  const swap = (): void => {
    app.removeEventListener('mes-first-step-ready', swap);
    app.removeEventListener('mes-boot-failed', swap);
    first.stop?.();
    const focused = first.focused?.() ?? null;
    // The slide and what the build put after it (src/boot/first-slide.ts).
    for (const node of [...root.childNodes]) if (node !== app) node.remove();
    app.style.removeProperty('display');
    document.documentElement.removeAttribute('data-mes-first-slide');
    delete window.__mesFirstSlide;
    const target = focused ? at(app, focused) : null;
    if (target instanceof HTMLElement) target.focus({ preventScroll: true });
    for (const press of first.presses.splice(0)) replay(app, press);
  };
  app.addEventListener('mes-first-step-ready', swap);
  app.addEventListener('mes-boot-failed', swap);
  root.append(app);
}
