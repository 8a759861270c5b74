import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compileHints } from './scripts/vite-compile-hints.ts';
import { cssLiterals } from './scripts/vite-css-literals.ts';
import { dataFiles } from './scripts/vite-data-files.ts';
import { inlineFavicon } from './scripts/vite-favicon.ts';
import { OFFLINE_WORKER, offlineWorker } from './scripts/vite-offline.ts';
import { shippedScenarios } from './scripts/vite-scenarios.mjs';
import { prerenderedFirstSlide } from './scripts/vite-prerender.mjs';

/**
 * `vite build`: the app, with its service worker for offline use (scripts/vite-offline.ts) and the
 * shipped scenarios checked at build time (the page gets them as JSON: scripts/vite-scenarios.mjs).
 * The built page also carries the landing address's first slide, prerendered (scripts/vite-prerender.mjs).
 * The data the page loads on demand (translations beyond the first slide's, scenarios beyond the default
 * one, the calls' texts) is JSON files of the build, fetched from the page's origin (scripts/vite-data-files.ts).
 * `vite build --mode single` (npm run build:single): one self-contained HTML file, without code
 * splitting nor service worker, finished by scripts/build-single.mjs.
 *
 * Outside the single file, the chunks the pas à pas's steps run are compiled whole when they load
 * (scripts/vite-compile-hints.ts). In every mode, the page's icon is written into index.html (scripts/vite-favicon.ts says why), the CSS of
 * the Lit elements' templates is minified (scripts/vite-css-literals.ts), and MSW's cookie library (tough-cookie, with the whole public-suffix list) is replaced by the
 * simulated backend's own host-only cookie jar: src/backend/cookie-jar.ts says why and what it keeps.
 *
 * The packages behind Stately's online inspector that only its WebSocket and PartyKit inspectors use are
 * declared free of side effects (they are: classes, functions and a default instance), so that the browser
 * inspector the app loads on demand (src/tutorial/stately-browser-inspector.ts) comes without them.
 */
const NO_SIDE_EFFECTS = /[\\/]node_modules[\\/](superjson|partysocket|isomorphic-ws|is-what|copy-anything)[\\/]/;
const treeshake = { moduleSideEffects: (id: string) => (NO_SIDE_EFFECTS.test(id) ? false : undefined) };

export default defineConfig(({ command, mode }) => {
  const single = mode === 'single';
  const worker = command === 'build' && !single && mode !== 'bench';
  return {
    resolve: {
      alias: [{ find: /^tough-cookie$/, replacement: fileURLToPath(new URL('./src/backend/cookie-jar.ts', import.meta.url)) }],
    },
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    define: worker ? { __OFFLINE_WORKER__: JSON.stringify(`/${OFFLINE_WORKER}`) } : {},
    plugins: [cssLiterals(), inlineFavicon(), shippedScenarios({ fetched: !single }), ...(worker ? [offlineWorker(), prerenderedFirstSlide()] : []), ...(single ? [] : [dataFiles(), compileHints()])],
    build: single
      ? {
          target: 'es2022',
          outDir: 'dist-single',
          sourcemap: false,
          assetsInlineLimit: 100_000_000,
          cssCodeSplit: false,
          rolldownOptions: { treeshake, output: { codeSplitting: false } },
        }
      : { target: 'es2022', sourcemap: true, rolldownOptions: { treeshake } },
  };
});
