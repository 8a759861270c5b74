import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { yamlNeutralBuild } from './yaml-neutral.mjs';
import { FETCH_JSON } from './vite-data-files.ts';

/**
 * The shipped scenarios, checked at build time. `virtual:shipped-scenarios` is what
 * src/scenarios/shipped.ts imports: the checker's issues, and one loader per scenario that passed: the
 * default one a module that comes with the player, the others one JSON file of the build fetched on
 * demand (or, outside `vite build`, a module each). The checker is the one of `npm run scenarios:check` and of the
 * other views (src/scenarios/check.ts), run in Node with the app's environment (scripts/scenarios-compile.ts),
 * so the page needs neither the YAML parser, nor zod, nor the checker to show a shipped scenario.
 * The TypeScript of the checker is bundled with esbuild on first use (as scripts/run-ts.mjs does), so that
 * Vite's config loads no source of the app.
 */
const ID = 'virtual:shipped-scenarios';
const ONE = 'virtual:shipped-scenario/';
/** Every checked scenario at once, for the views that list or open any of them (src/scenarios/checked.ts). */
const ALL = 'virtual:shipped-scenarios-all';

async function loadCompiler(root) {
  const dir = resolve(root, 'node_modules/.cache/run-ts');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `scenarios-compile-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [resolve(root, 'scripts/scenarios-compile.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [yamlNeutralBuild(root)],
    logLevel: 'warning',
  });
  try {
    const { compileShippedScenarios, DEFAULT_SCENARIO } = await import(pathToFileURL(outfile).href);
    // The scenario the player opens without `?scenario=` (src/scenarios/default-scenario.ts).
    return { compileShippedScenarios, DEFAULT_SCENARIO };
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** The scenarios other than the default one, fetched as one JSON file of the build (`fetched`). */
const DATA = 'virtual:shipped-scenarios-data';

/**
 * `fetched` (`vite build`, not the single file): the scenarios other than the default one are one JSON
 * file of the build, fetched when one of them is first opened (scripts/vite-data-files.ts says why); otherwise each is a module.
 * @param {{ fetched?: boolean }} [options]
 * @returns {import('vite').Plugin}
 */
export function shippedScenarios(options = {}) {
  let root = process.cwd();
  let command = 'serve';
  let compiler = null;
  let cache = null;
  const compile = async () => {
    compiler ??= await loadCompiler(root);
    cache ??= compiler.compileShippedScenarios(root);
    return cache;
  };
  return {
    name: 'shipped-scenarios',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    resolveId(id) {
      return id === ID || id === ALL || id === DATA || id.startsWith(ONE) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:shipped-scenario')) return null;
      const compiled = await compile();
      for (const file of compiled.files) this.addWatchFile(file);
      const DEFAULT = compiler.DEFAULT_SCENARIO;
      const keys = Object.keys(compiled.scenarios);
      const fetched = options.fetched === true && command === 'build';
      // Each scenario but the default one: a module of its own, or (fetched) from the data file.
      const other = (key) => (fetched ? `import(${JSON.stringify(DATA)}).then((m) => m.others()).then((all) => ({ default: all[${JSON.stringify(key)}] }))` : `import(${JSON.stringify(ONE + key)})`);
      if (id === `\0${ID}`) {
        // The default scenario comes with the player (its first slide needs it); the others on demand.
        const hasDefault = DEFAULT in compiled.scenarios;
        const loaders = keys.map((key) => `${JSON.stringify(key)}: () => ${key === DEFAULT ? 'Promise.resolve({ default: defaultScenario })' : other(key)}`);
        return [
          hasDefault ? `import defaultScenario from ${JSON.stringify(ONE + DEFAULT)};` : '',
          `export const defaultId = ${JSON.stringify(DEFAULT)};`,
          `export const issues = ${JSON.stringify(compiled.issues)};`,
          `export const issueLines = ${JSON.stringify(compiled.issueLines)};`,
          `export const loaders = {${loaders.join(',\n')}};`,
        ].join('\n');
      }
      if (id === `\0${ALL}`) {
        return [
          `import { loaders } from ${JSON.stringify(ID)};`,
          'export async function loadAll() {',
          '  const ids = Object.keys(loaders);',
          '  const loaded = await Promise.all(ids.map((id) => loaders[id]()));',
          '  return Object.fromEntries(ids.map((id, i) => [id, loaded[i].default]));',
          '}',
          `export const issuesByLang = ${JSON.stringify(compiled.issuesByLang)};`,
        ].join('\n');
      }
      if (id === `\0${DATA}`) {
        const others = Object.fromEntries(keys.filter((k) => k !== DEFAULT).map((k) => [k, compiled.scenarios[k]]));
        const ref = this.emitFile({ type: 'asset', name: 'scenarios.json', source: JSON.stringify(others) });
        return [
          FETCH_JSON,
          'let loading = null;',
          'export function others() {',
          `  const current = (loading ??= fetchJson(import.meta.ROLLUP_FILE_URL_${ref}));`,
          '  // A failed load is tried again at the next call.',
          '  current.catch(() => { if (loading === current) loading = null; });',
          '  return current;',
          '}',
        ].join('\n');
      }
      const scenario = compiled.scenarios[id.slice(`\0${ONE}`.length)] ?? null;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(scenario))});\n`;
    },
    // The default view is the player: its fonts (those of its first slide and bars: the Latin faces of
    // src/boot/fonts.css) and its modules are fetched with the page, rather than once main.ts has run
    // and its text is laid out. Its first slide is ready once they are.
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const fonts = Object.keys(bundle).filter((f) => /open-sans-latin-(400|600|700)-normal-[\w-]+\.woff2$/.test(f));
        const player = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/tutorial/tutorial-app.ts'));
        const modules = new Set();
        const visit = (name) => {
          const chunk = bundle[name];
          if (modules.has(name) || chunk?.type !== 'chunk' || html.includes(`/${name}"`)) return;
          modules.add(name);
          for (const dep of chunk.imports) visit(dep);
        };
        if (player) visit(player.fileName);
        return [
          ...fonts.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `/${f}` }, injectTo: 'head' })),
          ...[...modules].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${f}` }, injectTo: 'head' })),
        ];
      },
    },
    watchChange(id) {
      if (resolve(id).startsWith(join(root, 'scenarios'))) cache = null;
    },
  };
}
