import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The data the page loads on demand, as JSON files of the build rather than script (`vite build`, not the
 * single file): the translations beyond the first slide's (one file per language, for src/i18n/on-demand.ts)
 * and the rehearsal calls' texts (one file, for src/callcentre/call-files.ts); scripts/vite-scenarios.mjs
 * does the same for the shipped scenarios beyond the default one. The modules that give them are
 * replaced, in the build only, by ones that fetch those files from the page's origin (`FETCH_JSON`); the
 * dev server and the tests use the modules as written, whose data is the same files of the repository.
 *
 * Data is no script: the browser parses JSON without compiling it, and the build's script is what the
 * page runs. A file per language also lets a language be fetched alone. The offline worker keeps these
 * files with the others (scripts/vite-offline.ts lists every file of the build).
 */
/**
 * The fetch of a data file, written into each module that loads one rather than imported from a module
 * they would share: a module shared by the first slide's code and the views' would be split into a chunk
 * of its own, or merged with one of them, by the build's chunking.
 */
export const FETCH_JSON = [
  'async function fetchJson(url) {',
  '  const response = await fetch(url);',
  '  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);',
  '  return response.json();',
  '}',
].join('\n');

const LOCALES_MODULE = /[\\/]src[\\/]i18n[\\/]on-demand\.ts$/;
const CALLS_MODULE = /[\\/]src[\\/]callcentre[\\/]call-files\.ts$/;

/** The French namespaces that come with the first slide, as src/i18n/on-demand.ts's glob leaves them out. */
export function firstSlideNamespaces(onDemandSource: string): { lang: string; namespaces: string[] } {
  const match = /'!\.\.\/\.\.\/locales\/([a-z]{2})\/\{([\w,-]+)\}\.json'/.exec(onDemandSource);
  if (!match) throw new Error('src/i18n/on-demand.ts: the glob that leaves out the first slide’s bundles was not found');
  return { lang: match[1]!, namespaces: match[2]!.split(',') };
}

/** Every locale bundle but the first slide's, by language then namespace (what on-demand.ts gives). */
export function onDemandLocales(root: string): Record<string, Record<string, unknown>> {
  const first = firstSlideNamespaces(readFileSync(join(root, 'src/i18n/on-demand.ts'), 'utf8'));
  const byLang: Record<string, Record<string, unknown>> = {};
  for (const lang of readdirSync(join(root, 'locales')).sort()) {
    for (const file of readdirSync(join(root, 'locales', lang)).sort()) {
      const ns = /^([\w-]+)\.json$/.exec(file)?.[1];
      if (!ns || (lang === first.lang && first.namespaces.includes(ns))) continue;
      (byLang[lang] ??= {})[ns] = JSON.parse(readFileSync(join(root, 'locales', lang, file), 'utf8'));
    }
  }
  return byLang;
}

/** The calls' texts by the keys call-files.ts's glob gives them (paths from src/callcentre). */
export function callTexts(root: string): Record<string, string> {
  const dir = join(root, 'scenarios/calls');
  const texts: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) texts[`../../scenarios/calls/${file}`] = readFileSync(join(dir, file), 'utf8');
  return texts;
}

export function dataFiles(): Plugin {
  let root = process.cwd();
  return {
    name: 'mes-data-files',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    load(id) {
      if (LOCALES_MODULE.test(id)) {
        this.addWatchFile(join(root, 'locales'));
        const entries = Object.entries(onDemandLocales(root)).map(([lang, namespaces]) => {
          const ref = this.emitFile({ type: 'asset', name: `locales-${lang}.json`, source: JSON.stringify(namespaces) });
          return `${JSON.stringify(lang)}: import.meta.ROLLUP_FILE_URL_${ref}`;
        });
        return [
          FETCH_JSON,
          `const files = {${entries.join(', ')}};`,
          'export async function onDemandBundles(lang) {',
          '  return files[lang] ? fetchJson(files[lang]) : {};',
          '}',
        ].join('\n');
      }
      if (CALLS_MODULE.test(id)) {
        const ref = this.emitFile({ type: 'asset', name: 'calls.json', source: JSON.stringify(callTexts(root)) });
        return [FETCH_JSON, `export function loadCallFiles() {`, `  return fetchJson(import.meta.ROLLUP_FILE_URL_${ref});`, '}'].join('\n');
      }
      return null;
    },
  };
}
