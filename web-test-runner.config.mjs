import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './tests/browser/summary-reporter.mjs';

/** Browser tests: every screen element in Debian's Chromium, with an accessibility assertion each. */
const json = {
  name: 'json-as-module',
  // Locale files are imported by the i18n module: serve them as ES modules, as vite does.
  transform(context) {
    if (context.path.endsWith('.json') && context.path.includes('/locales/')) {
      return { body: `export default ${context.body};`, headers: { 'content-type': 'application/javascript' } };
    }
    return undefined;
  },
};

/**
 * `import.meta.glob` is vite's: replace the ones of src/i18n with explicit imports for the test server.
 * The first slide's bundles (index.ts, eager) get every bundle and the ones on demand (on-demand.ts) none,
 * so that every namespace is there at once.
 */
const viteGlob = {
  name: 'vite-glob',
  async transform(context) {
    const GLOB = /import\.meta\.glob<Bundle>\((?:[^()]|\([^()]*\))*\)/g;
    if (context.path.endsWith('/src/i18n/on-demand.ts')) return { body: String(context.body).replace(GLOB, '({})') };
    if (!context.path.endsWith('/src/i18n/index.ts')) return undefined;
    const { readdirSync } = await import('node:fs');
    const langs = readdirSync('locales');
    const entries = [];
    const imports = [];
    let i = 0;
    for (const lang of langs) {
      for (const file of readdirSync(`locales/${lang}`).filter((f) => f.endsWith('.json'))) {
        imports.push(`import __l${i} from '../../locales/${lang}/${file}';`);
        entries.push(`'../../locales/${lang}/${file}': __l${i}`);
        i += 1;
      }
    }
    const body = String(context.body).replace(GLOB, () => `({${entries.join(',')}})`);
    return { body: `${imports.join('\n')}\n${body}` };
  },
};

export default {
  // The overlay's and keyboard's tests measure real layout, focus and frames: they run first, on a fresh
  // browser; the inspector's run last (after it, the next file was seen to stall waiting for frames).
  files: [
    'tests/browser/overlay.test.ts',
    'tests/browser/keyboard.test.ts',
    'tests/browser/**/*.test.ts',
    '!tests/browser/inspector.test.ts',
    'tests/browser/inspector.test.ts',
  ],
  nodeResolve: true,
  // One page at a time: focus, keyboard and viewport commands act on the page in front.
  concurrency: 1,
  mimeTypes: { '**/*.json': 'js' },
  plugins: [viteGlob, esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), json],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        // Test pages run side by side: without these, a page in the background gets no animation frames.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  testsFinishTimeout: 240_000,
  testsStartTimeout: 120_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 30000 } },
};
