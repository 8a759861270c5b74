#!/usr/bin/env node
/**
 * Draws the page's icon (assets/favicon.svg, the drawing of record) as PNG images, 32 and 64 pixels square,
 * in Debian's Chromium: assets/favicon-32.png and assets/favicon-64.png, which the build writes into
 * index.html (scripts/vite-favicon.ts says why the page's icon is a PNG).
 *
 *   node scripts/favicon-png.mjs   writes them again, after a change of assets/favicon.svg
 *
 * tests/browser/frame.test.ts checks that they are what the browser draws of the SVG now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FAVICON_SIZES = [32, 64];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The SVG with its outer size set to `size` pixels (its viewBox keeps the drawing). */
function sized(svg, size) {
  return svg.replace(/<svg\b[^>]*>/, (tag) => tag.replace(/\swidth="[^"]*"/, ` width="${size}"`).replace(/\sheight="[^"]*"/, ` height="${size}"`));
}

async function main() {
  const svg = readFileSync(join(ROOT, 'assets/favicon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    for (const size of FAVICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized(svg, size)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const file = join(ROOT, `assets/favicon-${size}.png`);
      writeFileSync(file, png);
      console.log(`wrote assets/favicon-${size}.png (${png.length} bytes)`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
