import { resolve } from 'node:path';

/**
 * An esbuild plugin: \`yaml\` resolved to its platform-neutral build. Its Node build reads \`process.env\`
 * (LOG_TOKENS, LOG_STREAM) at every token it parses, and on Node each read of process.env is a lookup in
 * the process's environment: about half of the scenario checker's time. The neutral build (what the app
 * runs in the browser) is the same code without those reads. Used by scripts/run-ts.mjs (the checker's
 * command, the benchmark) and scripts/vite-scenarios.mjs (the build).
 */
export function yamlNeutralBuild(root = process.cwd()) {
  return {
    name: 'yaml-neutral-build',
    setup(b) {
      b.onResolve({ filter: /^yaml$/ }, () => ({ path: resolve(root, 'node_modules/yaml/browser/index.js') }));
    },
  };
}
