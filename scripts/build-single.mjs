#!/usr/bin/env node
/**
 * `npm run build:single`: one self-contained HTML file that a trainer can send by e-mail or copy to a
 * USB key, and open from disk (file://). vite builds the app without code splitting and with every
 * asset inlined (`--mode single`, see vite.config.ts); this script then puts the script and the style
 * sheet inside the page, and lets the page's Content-Security-Policy allow that one script by its hash.
 * Without a server there is no service worker: the simulated backend answers inside the page.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = process.env.SINGLE_OUT_DIR ?? 'dist-single';
const NAME = 'simulateur-mon-espace-sante.html';

execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', OUT, '--emptyOutDir'], { stdio: 'inherit' });

let html = readFileSync(join(OUT, 'index.html'), 'utf8');
const read = (href) => readFileSync(join(OUT, href.replace(/^\.?\//, '')), 'utf8');
// `</script` inside the code would end the element early: escape it as the HTML spec advises.
const safeScript = (code) => code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

const scripts = [];
html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_m, src) => {
  const code = safeScript(read(src));
  scripts.push(code);
  return '';
});
// Every browser that runs the app reads woff2: the woff copies of the fonts would only add weight.
const css = (href) => read(href).replace(/,\s*url\(data:font\/woff;base64,[A-Za-z0-9+/=]+\)\s*format\(["']woff["']\)/g, '');
html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_m, href) => `<style>${css(href)}</style>`);
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '');
if (scripts.length !== 1) throw new Error(`build:single expected one script, found ${scripts.length}`);
if (/<(script|link)[^>]+(src|href)="\/?assets\//.test(html)) throw new Error('build:single left a file outside the page');

// The module goes at the end of the body, where the app's container already exists.
const code = scripts[0];
const hash = createHash('sha256').update(code, 'utf8').digest('base64');
html = html.replace('</body>', () => `<script type="module">${code}</script>\n</body>`);
html = html.replace(/script-src 'self'/, () => `script-src 'self' 'sha256-${hash}'`);
if (!html.includes(`'sha256-${hash}'`)) throw new Error('build:single could not find the page\'s script-src');

for (const entry of readdirSync(OUT)) rmSync(join(OUT, entry), { recursive: true, force: true });
writeFileSync(join(OUT, NAME), html);
console.log(`${join(OUT, NAME)}  ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB`);
