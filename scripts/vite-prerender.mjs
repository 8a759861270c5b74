import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * The landing address's first slide in the built index.html (`vite build` only: not the dev server, not
 * `--mode single`): once the app is built, Debian's Chromium (playwright-core, as the tests) opens it,
 * waits for the pas à pas's first step (French, guided) and writes its DOM into `<div id="app">` as
 * declarative shadow DOM, each shadow root with the app's style sheets as `<style data-mes-pre>`. The
 * custom elements are renamed `…-pre` (never defined: the app's definitions do not upgrade them).
 * src/boot/first-slide.ts (a classic script of its own, inline in the head) shows it on that address only, records
 * what is pressed on it and marks it ready once painted with its fonts; src/boot/takeover.ts swaps in
 * the app's element and replays the presses.
 *
 * Without Chromium (PRERENDER_CHROMIUM, default /usr/bin/chromium), the build says so and leaves the page
 * as it was: the app then draws the first slide itself, as on any other address.
 */
/** An empty element after the slide: until it is parsed, the page is not rendered (`rel=expect`). */
const END = 'mes-prerender-end';
const CHROMIUM = process.env.PRERENDER_CHROMIUM ?? '/usr/bin/chromium';
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json' };

/** In the page: the element's DOM, shadow roots as declarative shadow DOM, Lit's comments left out. */
function serializeInPage() {
  const host = document.querySelector('mes-tutorial');
  if (!host) throw new Error('no mes-tutorial');
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  // Where the focus is under the host: element indexes, -1 to enter a shadow root (src/boot/first-slide.ts).
  let focusPath = [];
  let node = focused;
  while (node && node !== host) {
    const parent = node.parentNode;
    if (parent instanceof ShadowRoot) {
      focusPath.unshift(-1, [...parent.children].indexOf(node));
      node = parent.host;
    } else if (parent instanceof Element) {
      focusPath.unshift([...parent.children].indexOf(node));
      node = parent;
    } else node = null;
  }
  if (node !== host || focused === host) focusPath = null;
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const RAW = new Set(['style', 'script']);
  const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
  const tags = new Set();
  const ser = (child, raw) => {
    if (child.nodeType === Node.TEXT_NODE) return raw ? child.data : text(child.data);
    if (child.nodeType !== Node.ELEMENT_NODE) return '';
    const el = child;
    const name = el.localName;
    if (customElements.get(name)) tags.add(name);
    let out = `<${name}`;
    for (const a of el.attributes) {
      if (el === host && (a.name === 'data-ready' || a.name === 'style')) continue;
      out += a.value === '' ? ` ${a.name}` : ` ${a.name}="${attr(a.value)}"`;
    }
    if (el === host) out += ` id="mes-prerender"${focusPath ? ` data-focus="${focusPath.join(',')}"` : ''}`;
    out += '>';
    if (el.shadowRoot) {
      out += `<template shadowrootmode="open"${el.shadowRoot.delegatesFocus ? ' shadowrootdelegatesfocus' : ''}>`;
      for (const sheet of el.shadowRoot.adoptedStyleSheets) out += `<style data-mes-pre>${[...sheet.cssRules].map((r) => r.cssText).join('')}</style>`;
      for (const child of el.shadowRoot.childNodes) out += ser(child, false);
      out += '</template>';
    }
    if (VOID.has(name)) return out;
    for (const child of el.childNodes) out += ser(child, RAW.has(name));
    return `${out}</${name}>`;
  };
  const html = ser(host, false);
  // The web font faces its text is drawn with (weight, style, first range of each): the landing page
  // loads them before laying it out.
  const fonts = [];
  document.fonts.forEach((f) => {
    if (f.status === 'loaded') fonts.push(`${f.weight} ${f.style} ${f.unicodeRange.split(',')[0]}`);
  });
  return { html, tags: [...tags], fonts };
}

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dir, normalize(path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (!existsSync(file) || !extname(file)) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The landing page's first step, as the built app draws it: HTML for `<div id="app">`, and its font faces. */
export async function prerenderFirstSlide(dir) {
  const { chromium } = await import('playwright-core');
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', locale: 'fr-FR' });
    const page = await context.newPage();
    // Serialized when the player marks its first step ready: as the app shows it then, before its session runs.
    await page.addInitScript({ content: `document.addEventListener('mes-first-step-ready', () => { window.__mesPrerendered = (${serializeInPage})(); }, { once: true });` });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('mes-tutorial[data-ready]', { state: 'attached', timeout: 60_000 });
    if (errors.length) throw new Error(`the first slide failed: ${errors.join('; ')}`);
    const { html, tags, fonts } = await page.evaluate(() => window.__mesPrerendered);
    // Renamed wherever they appear as a name (tags and the selectors of the style sheets).
    let out = html;
    for (const tag of tags) out = out.replace(new RegExp(`(?<![\\w-])${tag}(?![\\w-])`, 'g'), `${tag}-pre`);
    return { html: out, fonts };
  } finally {
    await browser.close();
    server.close();
  }
}

/** @returns {import('vite').Plugin} */
export function prerenderedFirstSlide() {
  let outDir = 'dist';
  let script = null;
  return {
    name: 'prerendered-first-slide',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // The slide's own script, built once: the page carries it inline (see closeBundle).
    async buildStart() {
      const result = await build({
        entryPoints: [resolve('src/boot/first-slide.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        logLevel: 'warning',
      });
      script = result.outputFiles[0].text.trim();
      if (/<\/script|<!--/i.test(script)) throw new Error('src/boot/first-slide.ts, built, cannot be put inline in a <script>');
    },
    async closeBundle() {
      if (!existsSync(CHROMIUM)) {
        this.warn(`no Chromium at ${CHROMIUM}: index.html has no prerendered first slide`);
        return;
      }
      const file = join(outDir, 'index.html');
      const page = readFileSync(file, 'utf8');
      const { html: slide, fonts } = await prerenderFirstSlide(outDir);
      const marker = '<div id="app"></div>';
      if (!page.includes(marker)) throw new Error(`index.html has no ${marker}`);
      // The app's modules start once the slide is shown (src/boot/first-slide.ts): its script names them.
      const modules = [];
      let entry = null;
      let out = page.replace(/\s*<link rel="modulepreload" crossorigin="" href="([^"]+)">/g, (_m, href) => (modules.push(href), ''));
      out = out.replace(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/, (_m, src) => ((entry = src), ''));
      if (!entry) throw new Error('index.html has no module script');
      const attrs = `data-app="${entry}" data-modules="${modules.join(' ')}" data-fonts="${fonts.join('|')}"`;
      // Inline, first in the head, before the style sheet (a script after a style sheet being fetched waits
      // for it): it runs at once, without a request of its own. The page's Content-Security-Policy allows
      // this script, by its hash, and no other inline one.
      const sheet = out.indexOf('<link rel="stylesheet"');
      if (sheet < 0) throw new Error('index.html has no style sheet');
      const hash = createHash('sha256').update(script).digest('base64');
      // The page is not drawn before the slide is parsed whole: no frame of half a slide to lay out then.
      out = `${out.slice(0, sheet)}<link rel="expect" href="#${END}" blocking="render">\n    <script ${attrs}>${script}</script>\n    ${out.slice(sheet)}`;
      const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/;
      if (!csp.test(out)) throw new Error("index.html's Content-Security-Policy has no script-src 'self'");
      out = out.replace(csp, (m) => `${m} 'sha256-${hash}'`);
      writeFileSync(file, out.replace(marker, () => `<div id="app">${slide}<template id="${END}"></template></div>`));
    },
  };
}
