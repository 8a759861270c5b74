import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTexts, firstSlideNamespaces, onDemandLocales } from '../../../scripts/vite-data-files';
import { loadCallFiles } from '../../../src/callcentre/call-files';
import { onDemandBundles } from '../../../src/i18n/on-demand';

/**
 * The build's data files (scripts/vite-data-files.ts) hold what the modules they replace give in the dev
 * server and the tests: the translations beyond the first slide's, and the calls' texts.
 */
const root = process.cwd();
const source = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the data files of the build', () => {
  it('leave out of the translations on demand exactly the French bundles that come with the first slide', () => {
    const first = firstSlideNamespaces(source('src/i18n/on-demand.ts'));
    // src/i18n/index.ts imports these eagerly, with a glob of its own that must name the same files.
    const eager = /import\.meta\.glob<Bundle>\('\.\.\/\.\.\/locales\/fr\/\{([\w,-]+)\}\.json'/.exec(source('src/i18n/index.ts'));
    expect(eager?.[1]?.split(',')).toEqual(first.namespaces);
    expect(first.lang).toBe('fr');
    const byLang = onDemandLocales(root);
    for (const lang of readdirSync(join(root, 'locales'))) {
      for (const file of readdirSync(join(root, 'locales', lang))) {
        const ns = file.replace(/\.json$/, '');
        const isFirst = lang === 'fr' && first.namespaces.includes(ns);
        expect(byLang[lang]?.[ns], `${lang}/${ns}`).toEqual(isFirst ? undefined : JSON.parse(source(`locales/${lang}/${file}`)));
      }
    }
  });

  it('give the same translations as the modules on demand', async () => {
    const expected = onDemandLocales(root);
    for (const lang of Object.keys(expected)) expect(await onDemandBundles(lang)).toEqual(expected[lang]);
    expect(Object.keys(expected).sort()).toEqual(['en', 'fr']);
    expect(await onDemandBundles('xx')).toEqual({});
  });

  it('give the calls’ texts under the same keys as the modules', async () => {
    const callFiles = await loadCallFiles();
    expect(Object.keys(callFiles).length).toBeGreaterThan(5);
    expect(callTexts(root)).toEqual(callFiles);
  });

  it('say which glob they read when it is no longer there', () => {
    expect(() => firstSlideNamespaces("import.meta.glob('../../locales/*/*.json')")).toThrow(/on-demand\.ts/);
  });
});
