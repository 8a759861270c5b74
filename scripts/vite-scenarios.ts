import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkScenarioSources, type CheckEnvironment } from '../src/scenarios/check';
import { GENERATED_HOTSPOTS } from '../src/scenarios/hotspots.generated';
import { createTranslator, formatIssue, type LocaleResources, type ScenarioIssue } from '../src/scenarios/load';

/**
 * The shipped scenarios, checked at build time. `virtual:shipped-scenarios` is what
 * src/scenarios/shipped.ts imports: the checker's issues, and one loader per scenario that passed, each
 * scenario a JSON chunk of its own. The checker is the one of `npm run scenarios:check` and of the app
 * (src/scenarios/check.ts), run in Node with the app's environment (its locales and the generated zones),
 * so the page needs neither the YAML parser, nor zod, nor the checker to show a shipped scenario.
 */
const ID = 'virtual:shipped-scenarios';
const ONE = 'virtual:shipped-scenario/';

function readLocales(root: string): LocaleResources {
  const out: LocaleResources = {};
  for (const lang of readdirSync(join(root, 'locales')).sort()) {
    for (const file of readdirSync(join(root, 'locales', lang)).sort()) {
      if (file.endsWith('.json')) (out[lang] ??= {})[file.slice(0, -5)] = JSON.parse(readFileSync(join(root, 'locales', lang, file), 'utf8')) as unknown;
    }
  }
  return out;
}

export function shippedScenarios(): Plugin {
  let root = process.cwd();
  let cache: { scenarios: Map<string, unknown>; issues: ScenarioIssue[]; files: string[] } | null = null;
  const compile = () => {
    if (cache) return cache;
    const dir = join(root, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    const locales = readLocales(root);
    const env: CheckEnvironment = { locales, hotspots: GENERATED_HOTSPOTS, t: createTranslator(locales, 'fr') };
    const sources = files.map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
    const scenarios = new Map<string, unknown>();
    const issues: ScenarioIssue[] = [];
    for (const result of checkScenarioSources(sources, env)) {
      if (result.scenario) scenarios.set(result.scenario.id, result.scenario);
      issues.push(...result.issues);
    }
    cache = { scenarios, issues, files: files.map((f) => join(dir, f)) };
    return cache;
  };
  return {
    name: 'shipped-scenarios',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id === ID || id.startsWith(ONE)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:shipped-scenario')) return null;
      const compiled = compile();
      for (const file of compiled.files) this.addWatchFile(file);
      if (id === `\0${ID}`) {
        const loaders = [...compiled.scenarios.keys()].map((key) => `${JSON.stringify(key)}: () => import(${JSON.stringify(ONE + key)})`);
        return `export const issues = ${JSON.stringify(compiled.issues)};\nexport const issueLines = ${JSON.stringify(compiled.issues.map(formatIssue))};\nexport const loaders = {${loaders.join(',\n')}};\n`;
      }
      const key = id.slice(`\0${ONE}`.length);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled.scenarios.get(key) ?? null))});\n`;
    },
    watchChange(id) {
      if (resolve(id).startsWith(join(root, 'scenarios'))) cache = null;
    },
    handleHotUpdate({ file }) {
      if (file.startsWith(join(root, 'scenarios'))) cache = null;
    },
  };
}
