/**
 * Finds a named target of the recreated site (`data-hotspot="name"`) wherever it is rendered: screens
 * are lit elements, so targets live inside (possibly nested) open shadow roots that querySelector does
 * not cross.
 */

/** Whether the element is rendered with a box a person could click (not display:none, hidden, or empty). */
export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  // checkVisibility walks the flat tree: it sees a display:none ancestor across shadow boundaries and
  // an unslotted light child, which a rect check alone would miss.
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return false;
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

function visit(el: Element, name: string): HTMLElement | null {
  if (el instanceof HTMLElement && el.getAttribute('data-hotspot') === name && isVisible(el)) return el;
  // The element's own shadow tree is rendered where the element is, so it comes before its light
  // children (which only show up through slots inside it).
  if (el.shadowRoot) {
    const inShadow = search(el.shadowRoot, name);
    if (inShadow) return inShadow;
  }
  return search(el, name);
}

function search(parent: ParentNode, name: string): HTMLElement | null {
  for (const child of Array.from(parent.children)) {
    const found = visit(child, name);
    if (found) return found;
  }
  return null;
}

/**
 * Depth-first search under `root` (the root element itself included) through open shadow roots and
 * light DOM for the first visible element whose `data-hotspot` equals `name`. The name is compared as a
 * string, so it needs no CSS escaping.
 */
export function findHotspot(root: Document | ShadowRoot | Element, name: string): HTMLElement | null {
  if (root instanceof Element) return visit(root, name);
  return search(root, name);
}
