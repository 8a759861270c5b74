/**
 * The size budgets of issue #6, measured on a build (`dist/`): what `npm run bench` prints and
 * tests/e2e/budgets.e2e.ts asserts. Sizes are gzip level 9 (as Vite's build report) of the files as built.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { firstSlideKb: 60, allButPdfKb: 250 };

export function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** jspdf and every package it depends on (optional ones included: html2canvas, dompurify, canvg…). */
export function pdfPackages(root = process.cwd()) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  visit('jspdf');
  return seen;
}

function packageOf(source) {
  const i = source.lastIndexOf('node_modules/');
  if (i < 0) return null;
  const rest = source.slice(i + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/**
 * The scripts written inline in the built page (the first slide's own, scripts/vite-prerender.mjs), each
 * with its gzip size: JavaScript too, counted with the files.
 */
export function inlineScripts(dist = 'dist') {
  const page = join(dist, 'index.html');
  if (!existsSync(page)) return [];
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[1].trim() !== '')
    .map((m, i) => ({ file: `index.html (inline script ${i + 1})`, gzip: gzipSync(m[1], { level: 9 }).length, pdf: false }));
}

/**
 * Every JS file of the build, and the page's inline scripts, with its gzip size and whether it is part of the PDF library: a chunk
 * whose sources (from its source map) all belong to jspdf or its dependencies.
 */
export function distScripts(dist = 'dist', root = process.cwd()) {
  const pdf = pdfPackages(root);
  const dir = join(dist, 'assets');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      let sources = [];
      if (existsSync(`${path}.map`)) sources = JSON.parse(readFileSync(`${path}.map`, 'utf8')).sources ?? [];
      const isPdf = sources.length > 0 && sources.every((s) => pdf.has(packageOf(s) ?? ''));
      return { file: `assets/${file}`, gzip: gzipSize(path), pdf: isPdf };
    });
  return [...files, ...inlineScripts(dist)];
}

/**
 * The JSON files of the build: the data the page fetches on demand (scripts/vite-data-files.ts), with
 * their gzip sizes. Not script, so not in the budgets; printed beside them.
 */
export function dataFiles(dist = 'dist') {
  const dir = join(dist, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file: `assets/${file}`, gzip: gzipSize(join(dir, file)) }));
}

export const kb = (bytes) => bytes / 1024;
