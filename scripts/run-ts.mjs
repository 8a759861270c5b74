#!/usr/bin/env node
/**
 * Runs a TypeScript entry on Node 20 without a loader: esbuild bundles it (dependencies stay external,
 * resolved from node_modules as usual) into a temporary module inside the project, which is imported.
 * Usage: node scripts/run-ts.mjs <entry.ts> [args…]   (the entry sees its args in process.argv.slice(2)).
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { yamlNeutralBuild } from './yaml-neutral.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}

// Inside the project (not the system's temp dir) so that the bundle's bare imports resolve from node_modules.
const dir = resolve('node_modules/.cache/run-ts');
mkdirSync(dir, { recursive: true });
const outfile = resolve(dir, `${process.pid}-${Date.now()}.mjs`);

await build({
  plugins: [yamlNeutralBuild()],
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});

process.argv = [process.argv[0] ?? 'node', resolve(entry), ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
