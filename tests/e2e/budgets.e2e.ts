import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptsUntilReady } from '../../scripts/bench/first-load.mjs';
import { BUDGETS, dataFiles, distScripts, gzipSize, inlineScripts, kb } from '../../scripts/bench/sizes.mjs';
import { baseUrl, closeBrowser, launch } from './harness';

/**
 * The size budgets of issue #6 on the built app (deterministic, so asserted here; the timings are
 * `npm run bench`'s): the scripts the browser loads until the pas à pas's first slide is ready, and every
 * script of the build but the PDF library (jspdf and its dependencies, loaded on a download only).
 */
afterAll(closeBrowser);

const list = (files: Array<{ file: string; gzip: number }>) =>
  files
    .sort((a, b) => b.gzip - a.gzip)
    .map((f) => `${kb(f.gzip).toFixed(1)} KB ${f.file}`)
    .join('\n');

describe('size budgets', () => {
  it(`the first slide needs at most ${BUDGETS.firstSlideKb} KB of JavaScript (gzip)`, async () => {
    const browser = await launch();
    const context = await browser.newContext();
    try {
      const files = await scriptsUntilReady(context, `${baseUrl()}/`);
      expect(files.length).toBeGreaterThan(0);
      // The files, and the page's inline script (the prerendered slide's own).
      const sized = [...files.map((file) => ({ file, gzip: gzipSize(join('dist', file)) })), ...inlineScripts('dist')];
      expect(sized.length, 'the first slide has its inline script').toBeGreaterThan(files.length);
      const total = sized.reduce((n, f) => n + f.gzip, 0);
      // Nothing of the session (site, backend, statecharts) nor the checker comes before the first slide.
      expect(files.some((f) => /sim-devices|session-kit|registry|load-/.test(f)), list(sized)).toBe(false);
      expect(kb(total), `first slide: ${kb(total).toFixed(1)} KB\n${list(sized)}`).toBeLessThanOrEqual(BUDGETS.firstSlideKb);
    } finally {
      await context.close();
    }
  });

  // The data loaded on demand (translations beyond the first slide's, scenarios beyond the default one,
  // the calls' texts) is JSON, not script (scripts/vite-data-files.ts): not counted here, but it must
  // be JSON files indeed, and no script may carry it again.
  it(`all the JavaScript but the PDF library weighs at most ${BUDGETS.allButPdfKb} KB (gzip)`, () => {
    const scripts = distScripts('dist');
    const pdf = scripts.filter((s) => s.pdf);
    expect(pdf.some((s) => s.file.includes('jspdf')), 'the PDF library is found in the build').toBe(true);
    const rest = scripts.filter((s) => !s.pdf);
    const total = rest.reduce((n, s) => n + s.gzip, 0);
    const data = dataFiles('dist');
    expect(data.map((d) => d.file.replace(/-[\w-]{8}\.json$/, '.json')).sort()).toEqual([
      'assets/calls.json',
      'assets/locales-en.json',
      'assets/locales-fr.json',
      'assets/scenarios.json',
    ]);
    // A sample of each: an English message of the site, a line of a call's text, a shipped scenario's title.
    const samples = [
      'The social security number must contain 15 characters',
      "# Appel 3422 : « je n'ai jamais reçu le code ».",
      JSON.parse(readFileSync(join('dist', data.find((d) => d.file.includes('scenarios'))!.file), 'utf8'))['mot-de-passe-refuse'].title as string,
    ];
    for (const d of data) expect(readFileSync(join('dist', d.file), 'utf8').length).toBeGreaterThan(1000);
    for (const script of scripts.filter((s) => !s.file.startsWith('index.html'))) {
      const text = readFileSync(join('dist', script.file), 'utf8');
      for (const sample of samples) expect(text.includes(sample), `${script.file} carries « ${sample} »`).toBe(false);
    }
    expect(kb(total), `all but the PDF library: ${kb(total).toFixed(1)} KB\n${list(rest).split('\n').slice(0, 12).join('\n')}`).toBeLessThanOrEqual(BUDGETS.allButPdfKb);
  });
});
