import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openApp, useCleanApps } from './harness';

/**
 * The landing address's first slide is in the built page (scripts/vite-prerender.mjs): shown at once by
 * src/boot/first-slide.ts, which marks it ready and records what is pressed; the app then takes it over
 * (src/boot/takeover.ts) and does what was pressed. Here the app's entry module is held back until the
 * test has pressed, so the presses surely come before the app.
 */
useCleanApps();

const steps = (parse(readFileSync('scenarios/pas-a-pas.yaml', 'utf8')) as { tutorial: { steps: Array<{ id: string }> } }).tutorial.steps;
const step = (page: Page) => page.evaluate(() => new URL(location.href).searchParams.get('step'));

/** Opens the landing page with the app's entry module held until `release()`. */
async function landingHeld(): Promise<{ page: Page; release: () => void }> {
  const app = await openApp('/?view=accessibilite');
  const { page } = app;
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // Not until `load`: the page's load waits for the module held here.
  await page.goto(new URL('/', page.url()).href, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('mes-first-step-ready').length > 0);
  // Only the prerendered slide is there: the app's element is not.
  expect(await page.evaluate(() => [Boolean(document.getElementById('mes-prerender')), Boolean(document.querySelector('mes-tutorial'))])).toEqual([true, false]);
  return { page, release };
}

describe('the prerendered first slide', () => {
  it('is shown with the step title focused, and a key pressed before the app is done once it runs', async () => {
    const { page, release } = await landingHeld();
    await page.getByRole('heading', { level: 1, name: /Activer \(ou s'opposer à\)/ }).waitFor();
    const focused = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.localName;
    });
    expect(focused).toBe('h1');
    await page.keyboard.press('ArrowRight');
    release();
    await page.waitForSelector('mes-tutorial[data-ready]', { state: 'attached' });
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, steps[1]!.id);
    expect(await page.evaluate(() => document.getElementById('mes-prerender'))).toBeNull();
    expect(await page.evaluate(() => document.getElementById('app')!.children.length)).toBe(1);
  });

  it('takes a click on « Continuer » before the app, and the app then shows the next step', async () => {
    const { page, release } = await landingHeld();
    await page.getByRole('button', { name: 'Continuer' }).click();
    expect(await step(page)).toBeNull();
    release();
    await page.waitForSelector('mes-tutorial[data-ready]', { state: 'attached' });
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, steps[1]!.id);
  });

  it('is drawn with the three Latin faces of Open Sans alone, preloaded by the page', async () => {
    const { page, release } = await landingHeld();
    const fonts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.woff2') && e.startTime < performance.getEntriesByName('mes-first-step-ready')[0]!.startTime)
        .map((e) => new URL(e.name).pathname.replace(/-[\w]+\.woff2$/, '')),
    );
    expect(fonts.sort()).toEqual(['/assets/open-sans-latin-400-normal', '/assets/open-sans-latin-600-normal', '/assets/open-sans-latin-700-normal']);
    // Its arrows are icons, hidden from assistive technologies: the buttons' names are their words.
    expect(await page.getByRole('button', { name: 'Précédent' }).locator('svg[aria-hidden="true"]').count()).toBe(1);
    release();
  });

  it('is laid out once its faces are loaded, not before; a face that never comes keeps it hidden 2 s at most', async () => {
    const app = await openApp('/?view=accessibilite');
    const { page } = app;
    // The bold face is held: the slide waits for it, out of the layout, and is shown with it.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/open-sans-latin-700-normal-[\w-]+\.woff2$/, async (route) => {
      await held;
      await route.continue();
    });
    // The app's entry module is held too, or the app could take the slide over before it is looked at.
    let releaseApp = (): void => undefined;
    const appHeld = new Promise<void>((resolve) => (releaseApp = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await appHeld;
      await route.continue();
    });
    await page.goto(new URL('/', page.url()).href, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.getElementById('mes-prerender') !== null);
    await page.waitForTimeout(300);
    const shownEarly = await page.evaluate(() => ({
      display: getComputedStyle(document.getElementById('mes-prerender')!).display,
      ready: performance.getEntriesByName('mes-first-step-ready').length,
    }));
    expect(shownEarly).toEqual({ display: 'none', ready: 0 });
    release();
    await page.waitForFunction(() => performance.getEntriesByName('mes-first-step-ready').length > 0);
    const shown = await page.evaluate(() => ({
      display: getComputedStyle(document.getElementById('mes-prerender')!).display,
      bold: document.fonts.check('700 16px "Open Sans"'),
    }));
    expect(shown.display).not.toBe('none');
    expect(shown.bold).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.localName)).toBe('mes-prerender');
    releaseApp();

    // Never answered: shown without it after 2 s (the app's entry module never comes either).
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route(/open-sans-latin-700-normal-[\w-]+\.woff2$/, () => new Promise(() => undefined));
    await page.route(/\/assets\/index-[\w-]+\.js$/, () => new Promise(() => undefined));
    await page.goto(new URL('/', page.url()).href, { waitUntil: 'commit' });
    const start = Date.now();
    await page.waitForFunction(() => performance.getEntriesByName('mes-first-step-ready').length > 0, undefined, { timeout: 10_000 });
    expect(Date.now() - start).toBeGreaterThan(1500);
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('mes-prerender')!).display)).not.toBe('none');
  });

  it('without a press, the app takes over on the same step and stays there', async () => {
    const { page, release } = await landingHeld();
    release();
    await page.waitForSelector('mes-tutorial[data-ready]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelector('mes-tutorial')?.shadowRoot?.querySelector('.stage')?.getAttribute('aria-busy') === 'false');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, steps[0]!.id);
    await page.getByRole('heading', { level: 1, name: /Activer \(ou s'opposer à\)/ }).waitFor();
  });

  it('on another address, a button focused before the session runs keeps the focus when it takes over', async () => {
    const app = await openApp('/?view=accessibilite');
    const { page } = app;
    // The session's code is held: the player shows the step from its preview meanwhile.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/session-kit-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL('/?scenario=pas-a-pas&step=end&mode=guided', page.url()).href, { waitUntil: 'commit' });
    const entry = page.locator('mes-tutorial [data-hotspot="journey-opposition"]');
    await entry.focus();
    const session = () => page.evaluate(() => Boolean((document.querySelector('mes-tutorial') as unknown as { snapshot?: unknown } | null)?.snapshot));
    expect(await session()).toBe(false);
    release();
    await page.waitForFunction(() => Boolean((document.querySelector('mes-tutorial') as unknown as { snapshot?: unknown } | null)?.snapshot));
    await page.waitForFunction(() => document.querySelector('mes-tutorial')?.shadowRoot?.querySelector('.stage')?.getAttribute('aria-busy') === 'false');
    // The same element, still focused: Enter on it opens its journey.
    const focusedHotspot = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-hotspot') ?? el?.localName ?? null;
      });
    expect(await focusedHotspot()).toBe('journey-opposition');
    await page.keyboard.press('Enter');
    const first = steps.find((s) => (s as { journey?: string }).journey === 'opposition')!.id;
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, first);
  });

  it('is not shown on any other address: another language starts the app as before', async () => {
    const app = await openApp('/?lang=en');
    const { page } = app;
    await page.waitForSelector('mes-tutorial[data-ready]', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-mes-first-slide'))).toBe(false);
    expect(await page.evaluate(() => document.getElementById('mes-prerender'))).toBeNull();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  });
});
