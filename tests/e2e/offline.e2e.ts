import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openApp, type E2EPage, useCleanApps } from './harness';
import { MARTINE, identify, see, startActivation } from './site-helpers';

/**
 * Offline, and where service workers are not allowed. The offline test serves the build from a server
 * of its own and then stops it: the origin is really gone (Chromium's offline emulation does not reach a
 * service worker's own requests), so only what the app's worker kept can answer.
 */
const DIST = process.env.E2E_DIST ?? 'dist';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.map': 'application/json',
};

function serveBuild(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(DIST)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
  }));
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function playerReady(page: Page): Promise<void> {
  await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor({ timeout: 30_000 });
}

let app: E2EPage | null = null;
useCleanApps();

describe('offline, after the first load', () => {
  it('the pas à pas, its simulated site and backend, the catalogue and the site alone work with the server gone', async () => {
    const files = JSON.parse(/const FILES = (\[.*\]);/.exec(readFileSync(join(DIST, 'sw.js'), 'utf8'))![1]!) as string[];
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(5);
    // The data fetched on demand (scripts/vite-data-files.ts) is kept too.
    expect(files.filter((f) => f.endsWith('.json')).length).toBe(4);
    const { url, server } = await serveBuild();
    let serverUp = true;
    const browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    try {
      await page.goto(`${url}/?scenario=pas-a-pas&step=cover&mode=guided`);
      await playerReady(page);
      // The app's worker controls the page once it has kept every file of the build.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      const kept = await page.evaluate(async () => {
        const name = (await caches.keys()).find((k) => k.startsWith('mes-simulateur-'));
        return name ? (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) : [];
      });
      for (const f of files) expect(kept).toContain(`/${f}`);

      await stop(server);
      serverUp = false;
      await expect(fetch(`${url}/index.html`)).rejects.toThrow();

      // A step in the middle of the activation: the player replays the journey against the backend.
      await page.goto(`${url}/?scenario=pas-a-pas&step=s6-contacts&mode=guided`);
      await playerReady(page);
      await see(page, 'Je vérifie mes coordonnées de contact');
      await see(page, 'martine.leguellec@example.fr');

      await page.goto(`${url}/?view=catalogue`);
      await see(page, 'Catalogue des scénarios');

      // The call centre, whose calls' texts are a data file of the build.
      await page.goto(`${url}/?view=appels`);
      await see(page, 'Répéter un appel du 3422');
      await page.getByRole('button', { name: "Prendre l'appel : « Je n'ai jamais reçu le code »", exact: true }).waitFor();

      await page.goto(`${url}/?view=site`);
      await startActivation(page);
      await identify(page, MARTINE);
      await see(page, 'Bonjour Martine !');
      expect(problems).toEqual([]);
    } finally {
      if (serverUp) await stop(server);
      await context.close();
    }
  });
});

describe('where service workers are not allowed', () => {
  it('the simulated backend still answers, in the site and in the pas à pas', async () => {
    app = await openApp('/?view=site', { serviceWorkers: 'block' });
    const { page } = app;
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, 'Bonjour Martine !');
    expect(await page.evaluate(async () => (await navigator.serviceWorker?.getRegistration()) ?? null)).toBeNull();
    await page.goto(page.url().replace(/\/\?.*$/, '/?scenario=pas-a-pas&step=s6-contacts&mode=guided'));
    await playerReady(page);
    await see(page, 'Je vérifie mes coordonnées de contact');
  });
});


