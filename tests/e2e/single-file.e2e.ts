import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launch } from './harness';
import { MARTINE, identify, see, startActivation } from './site-helpers';

/** `npm run build:single`: one HTML file, opened from disk, runs the default tutorial and its site. */
let dir = '';
let file = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mes-single-'));
  execFileSync('node', ['scripts/build-single.mjs'], { env: { ...process.env, SINGLE_OUT_DIR: dir }, stdio: 'pipe' });
  const files = readdirSync(dir);
  expect(files).toEqual(['simulateur-mon-espace-sante.html']);
  file = join(dir, files[0]!);
}, 180_000);
afterAll(async () => {
  await closeBrowser();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the single-file build', () => {
  it('is one page that names no other file', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload)"/);
    expect(html).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('opened from disk (file://), runs the pas à pas, its site and its backend, with no request elsewhere', async () => {
    const browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url());
    });
    const url = pathToFileURL(file).href;
    try {
      await page.goto(url);
      await see(page, 'Bienvenue !');
      await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('step') !== null);
      // A step in the middle of the activation: the journey is replayed against the backend in the page.
      await page.goto(`${url}?scenario=pas-a-pas&step=s6-contacts&mode=guided`);
      await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor();
      await see(page, 'Je vérifie mes coordonnées de contact');
      await see(page, 'martine.leguellec@example.fr');
      // The player's links stay inside the file: the catalogue, and from it the pas à pas again.
      await page.getByRole('link', { name: 'Catalogue', exact: true }).click();
      await see(page, 'Catalogue des scénarios');
      expect(page.url().startsWith(url)).toBe(true);
      // The site alone, typed by hand.
      await page.goto(`${url}?view=site`);
      await startActivation(page);
      await identify(page, MARTINE);
      await see(page, 'Bonjour Martine !');
      expect(problems).toEqual([]);
      expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
