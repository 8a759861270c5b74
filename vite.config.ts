import { defineConfig } from 'vite';
import { OFFLINE_WORKER, offlineWorker } from './scripts/vite-offline.ts';

/**
 * `vite build`: the app, with its service worker for offline use (scripts/vite-offline.ts).
 * `vite build --mode single` (npm run build:single): one self-contained HTML file, without code
 * splitting nor service worker, finished by scripts/build-single.mjs.
 */
export default defineConfig(({ command, mode }) => {
  const single = mode === 'single';
  return {
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    define:
      command === 'build' && !single
        ? { __OFFLINE_WORKER__: JSON.stringify(`/${OFFLINE_WORKER}`) }
        : {},
    plugins: single ? [] : [offlineWorker()],
    build: single
      ? {
          target: 'es2022',
          outDir: 'dist-single',
          sourcemap: false,
          assetsInlineLimit: 100_000_000,
          cssCodeSplit: false,
          rolldownOptions: { output: { codeSplitting: false } },
        }
      : { target: 'es2022', sourcemap: true },
  };
});
