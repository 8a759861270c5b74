import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenOf } from '../../src/site/machine';
import type { SiteEvent } from '../../src/site/types';
import type { ApiErrorCode } from '../../src/api/types';
import { closeBrowser, openApp, type E2EPage } from './harness';
import { check, driverFor, leafOf, leafStateIds, refusalPaths, shortestPaths, type GraphEvent, type GraphPath } from './site-graph';

/**
 * Every state of the site machine, reached in Chromium by its shortest path in the machine's graph
 * (tests/e2e/site-graph.ts), through the real screens and the real simulated backend. Nobody writes
 * these tests: a state added to the machine gets its own, once its check and the gestures that reach it
 * are taught to site-graph.ts (tests/unit/site/graph-drivers.test.ts fails until they are).
 *
 * One page for all: « Recommencer » between paths. The site's requests are held in the page until the
 * path says they are answered, so that the busy state they put the screen in can be checked too; a
 * refusal the path needs is armed in the backend while its request is held.
 */

interface Gate {
  held: Array<() => void>;
  inflight: number;
  original: typeof fetch;
}

declare global {
  interface Window {
    __graphGate?: Gate;
  }
}

/** Holds the site's requests to the service (never the simulator's own: inbox, reset, faults). */
async function installGate(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__graphGate) return;
    const original = window.fetch.bind(window);
    const gate: Gate = { held: [], inflight: 0, original };
    window.__graphGate = gate;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!/^\/api\/(enrolment|provisional-code)/.test(new URL(url, location.href).pathname)) return original(input, init);
      return new Promise<Response>((resolve, reject) => {
        gate.held.push(() => {
          gate.inflight += 1;
          original(input, init)
            .then(resolve, reject)
            .finally(() => {
              gate.inflight -= 1;
            });
        });
      });
    };
  });
}

const heldCount = (page: Page): Promise<number> => page.evaluate(() => window.__graphGate?.held.length ?? 0);

/** Lets the one held request through. */
async function releaseOne(page: Page, what: string): Promise<void> {
  await expect.poll(() => heldCount(page), { timeout: 10_000, message: `${what}: the request is sent` }).toBe(1);
  await page.evaluate(() => window.__graphGate?.held.shift()?.());
}

/** Lets every held request through and waits for their answers. */
async function releaseAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const gate = window.__graphGate;
    while (gate && gate.held.length > 0) gate.held.shift()?.();
  });
  await expect.poll(() => page.evaluate(() => window.__graphGate?.inflight ?? 0), { timeout: 10_000 }).toBe(0);
}

/** The next request of the site fails with `code`: the toolbar's outage, or the backend's fault endpoint. */
async function armFailure(app: E2EPage, code: ApiErrorCode): Promise<void> {
  const { page } = app;
  if (code === 'SERVER_ERROR') {
    app.allowStatus(500);
    const outage = page.locator('mes-app [data-hotspot="outage"]');
    await outage.click();
    await expect.poll(() => outage.getAttribute('aria-pressed')).toBe('true');
    return;
  }
  const status = await page.evaluate(async (error) => {
    const res = await window.__graphGate!.original('/api/faults/next', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error }),
    });
    return res.status;
  }, code);
  expect(status).toBe(204);
}

async function restart(page: Page): Promise<void> {
  await releaseAll(page);
  await page.locator('mes-app [data-hotspot="restart"]').click();
}

const paths = shortestPaths();
let app: E2EPage;

beforeAll(async () => {
  app = await openApp('/?view=site');
  await app.page.locator('[data-screen="home"]').waitFor();
  await installGate(app.page);
});

afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

const describeEvent = (e: GraphEvent): string =>
  e.type === 'FIELD' && 'field' in e ? `FIELD ${e.form}.${e.field}` : 'error' in e && e.error ? `${e.type} (${e.error.code})` : e.type;

/** Plays a path from S1 (after « Recommencer »), checking the screen after every step. */
async function play(path: GraphPath): Promise<void> {
  const { page } = app;
  // What the page reported before this path belongs to the one that failed before it.
  app.problems.splice(0);
  app.foreign.splice(0);
  await restart(page);
  await check(page, leafOf(path.start), path.start.context);
  let before = path.start;
  for (const [i, step] of path.steps.entries()) {
    const event = step.event;
    const label = `step ${i + 1} (${describeEvent(event)}) → ${leafOf(step.state)}`;
    const settled = /^xstate\.(done|error)\.actor\./.exec(event.type);
    if (settled) {
      if (settled[1] === 'error' && 'error' in event && event.error) await armFailure(app, event.error.code);
      await releaseOne(page, label);
    } else {
      const siteEvent = event as SiteEvent;
      await driverFor(screenOf(before), before.context, siteEvent).act({ page, ctx: before.context }, siteEvent);
    }
    try {
      await check(page, leafOf(step.state), step.state.context);
    } catch (error) {
      throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    before = step.state;
  }
  await releaseAll(page);
  app.assertClean();
}

const short = (leaf: string): string => leaf.replace(/^site\.(screens\.)?/, '');

describe('every state of the site machine, reached by its shortest path', () => {
  it('has a path to every state', () => {
    expect([...paths.keys()].sort()).toEqual(leafStateIds().sort());
  });

  for (const [leaf, path] of paths) {
    it(short(leaf), () => play(path));
  }
});

describe('every refusal of every request, on the screen that made it', () => {
  for (const path of refusalPaths(paths)) {
    const last = path.steps.at(-1)!;
    const before = path.steps.at(-2)?.state ?? path.start;
    const code = 'error' in last.event && last.event.error ? last.event.error.code : '?';
    it(`${short(leafOf(before))} refused with ${code} → ${short(path.leaf)}`, () => play(path));
  }
});
