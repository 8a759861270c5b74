/**
 * Fullscreen, as the seed's « Mode d'emploi » asks, without ever throwing: browsers refuse it outside a
 * user gesture, in an iframe without permission, or not at all (iPhone Safari), and a refusal must
 * leave the tutorial as it was rather than end in an uncaught promise rejection.
 */

export function fullscreenAvailable(doc: Document = document): boolean {
  return doc.fullscreenEnabled === true && typeof doc.documentElement.requestFullscreen === 'function';
}

export function isFullscreen(doc: Document = document): boolean {
  return doc.fullscreenElement != null;
}

/** Shows `el` fullscreen; resolves whether it is now fullscreen. */
export async function enterFullscreen(el: Element = document.documentElement): Promise<boolean> {
  const doc = el.ownerDocument;
  if (doc.fullscreenElement === el) return true;
  if (!fullscreenAvailable(doc)) return false;
  try {
    await el.requestFullscreen({ navigationUI: 'hide' });
  } catch {
    // Refused (no user gesture, permission policy): the page simply stays as it is.
  }
  return doc.fullscreenElement === el;
}

/** Leaves fullscreen; resolves whether the page is still fullscreen. */
export async function exitFullscreen(doc: Document = document): Promise<boolean> {
  if (!doc.fullscreenElement) return false;
  try {
    await doc.exitFullscreen();
  } catch {
    // Already left (Esc pressed meanwhile): nothing to undo.
  }
  return isFullscreen(doc);
}

/** Enters fullscreen on `el`, or leaves it if the page is fullscreen; resolves whether it now is. */
export async function toggleFullscreen(el: Element = document.documentElement): Promise<boolean> {
  const doc = el.ownerDocument;
  if (isFullscreen(doc)) return exitFullscreen(doc);
  return enterFullscreen(el);
}

/** Calls `listener` whenever the page enters or leaves fullscreen (Esc included); returns the unsubscriber. */
export function onFullscreenChange(listener: (fullscreen: boolean) => void, doc: Document = document): () => void {
  const handle = () => listener(isFullscreen(doc));
  doc.addEventListener('fullscreenchange', handle);
  return () => doc.removeEventListener('fullscreenchange', handle);
}
