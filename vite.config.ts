import { defineConfig } from 'vite';
import { shippedScenarios } from './scripts/vite-scenarios.mjs';

export default defineConfig({
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // The shipped scenarios, checked at build time (the page gets them as JSON).
  plugins: [shippedScenarios()],
  build: { target: 'es2022', sourcemap: true },
});
