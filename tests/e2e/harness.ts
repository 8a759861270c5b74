import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, inject } from 'vitest';

/**
 * One browser per test file; each test gets a fresh page on the built app. Every console error, page
 * error and unhandled rejection is collected: `assertClean()` fails the test on any of them.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2EPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /** Requests the page made to another origin than the app's. */
  foreign: string[];
  /** Every request the page made, in order. */
  requests: string[];
  /** A test that provokes a server error on purpose (« Simuler une panne ») expects its status once. */
  allowStatus(status: number): void;
  assertClean(): void;
  close(): Promise<void>;
}

let browser: Browser | null = null;
/** The pages opened since the last check of `useCleanApps`. */
const opened: E2EPage[] = [];

/**
 * For a test file: after each test, every page it opened must be clean (no console or page error, no
 * request to another origin), then it is closed; the browser is closed after the file.
 */
export function useCleanApps(): void {
  afterEach(async () => {
    const pages = opened.splice(0);
    const failures: unknown[] = [];
    for (const current of pages) {
      try {
        current.assertClean();
      } catch (error) {
        failures.push(error);
      } finally {
        await current.close();
      }
    }
    if (failures.length > 0) throw failures[0];
  });
  afterAll(closeBrowser);
}

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** `block`: the browser refuses every service worker registration. */
  serviceWorkers?: 'allow' | 'block';
}

export async function openApp(path = '/?view=site', options: OpenOptions = {}): Promise<E2EPage> {
  const b = await launch();
  const context = await b.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'fr-FR',
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  const requests: string[] = [];
  const allowed: number[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every refused HTTP request; the simulated service refuses on purpose (wrong code,
    // justificatif already downloaded…) with a 4xx, which the screens show. Those are not errors of the
    // page; a 5xx, or any refusal of another address, still is.
    const url = msg.location().url ?? '';
    const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(msg.text());
    if (status && new URL(url, origin).pathname.startsWith('/api/')) {
      const code = Number(status[1]);
      if (code < 500) return;
      const i = allowed.indexOf(code);
      if (i >= 0) {
        allowed.splice(i, 1);
        return;
      }
    }
    problems.push(`console error: ${msg.text()} (${url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    requests.push(url);
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto(baseUrl() + path);
  const app: E2EPage = {
    page,
    context,
    problems,
    foreign,
    requests,
    allowStatus(status: number) {
      allowed.push(status);
    },
    assertClean() {
      if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join('\n')}`);
      if (foreign.length > 0) throw new Error(`Requests left the app's origin:\n${foreign.join('\n')}`);
    },
    async close() {
      await context.close();
    },
  };
  opened.push(app);
  return app;
}
