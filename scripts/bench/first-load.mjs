/**
 * Which scripts the browser loads from navigation until the pas à pas's first slide is ready: the player
 * sets `data-ready` on `mes-tutorial` and the performance mark `mes-first-step-ready` once the first step
 * is painted (after fonts). Read in the page (resource timing), so that what loads right after is not counted.
 */
export const READY_SELECTOR = 'mes-tutorial[data-ready]';
export const READY_MARK = 'mes-first-step-ready';
/**
 * The player's own element ready on its first step: on the landing page that comes after READY_MARK (the
 * prerendered slide, src/boot/first-slide.ts, is shown and records presses before the app has loaded); the
 * scripts counted are those needed until the player runs, not only those of the prerendered slide.
 */
export const PLAYER_MARK = 'mes-player-ready';

/** Opens `url` in `context`; the same-origin script paths whose fetch started before the first slide was ready. */
export async function scriptsUntilReady(context, url, timeoutMs = 60_000) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: timeoutMs });
    return await page.evaluate((mark) => {
      const ready = performance.getEntriesByName(mark)[0]?.startTime ?? Infinity;
      if (ready === Infinity) throw new Error(`no ${mark} mark`);
      const scripts = new Set();
      for (const entry of performance.getEntriesByType('resource')) {
        const u = new URL(entry.name);
        if (u.origin === location.origin && u.pathname.endsWith('.js') && entry.startTime <= ready) scripts.add(u.pathname.slice(1));
      }
      return [...scripts].sort();
    }, PLAYER_MARK);
  } finally {
    await page.close();
  }
}
