import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, type E2EPage, useCleanApps } from './harness';

/**
 * The Content-Security-Policy of the built page allows only the page's own origin. (The whole tutorial's
 * run, in tutorial.e2e.ts, records every request and finds none to another origin; scenario texts and
 * typed values with HTML are shown as text: tests/browser/robustness.test.ts, robustness.e2e.ts.)
 */
const DIST = process.env.E2E_DIST ?? 'dist';

let app: E2EPage | null = null;
useCleanApps();

function policy(): Map<string, string[]> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(content, 'the built page has a Content-Security-Policy').toBeDefined();
  return new Map(
    content!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Content-Security-Policy', () => {
  it('names no other origin: only the page itself, inline data and nothing for plugins', () => {
    const csp = policy();
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // The page's own files, and the one inline script it carries (the prerendered first slide's), by its hash.
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    expect(inline).toHaveLength(1);
    expect(csp.get('script-src')).toEqual(["'self'", ...inline]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:', ...inline]);
    for (const [name, sources] of csp) {
      for (const source of sources) expect(allowed.has(source), `${name} ${source}`).toBe(true);
    }
    // Inline styles only: lit's style sheets and the screens' computed positions.
    for (const [name, sources] of csp) if (sources.includes("'unsafe-inline'")) expect(name).toBe('style-src');
  });

  it('is enforced: a request to another origin and an injected inline script are refused', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await page.getByRole('button', { name: 'Activer Mon espace santé', exact: true }).waitFor();
    const refused = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
      await fetch('http://127.0.0.2:9/elsewhere').catch(() => undefined);
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 200));
      return { seen, injected: (window as unknown as { __injected?: boolean }).__injected === true };
    });
    expect(refused.injected).toBe(false);
    expect(refused.seen).toEqual(expect.arrayContaining(['connect-src', 'script-src-elem']));
    // The browser reports both refusals in the console: they are this test's own, not the app's.
    const mine = (p: string) => /Content Security Policy|127\.0\.0\.2/.test(p);
    expect(app.problems.filter(mine).length).toBeGreaterThan(0);
    app.problems.splice(0, app.problems.length, ...app.problems.filter((p) => !mine(p)));
    app.foreign.splice(0, app.foreign.length, ...app.foreign.filter((u) => !u.includes('127.0.0.2')));
  });
});
