import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The page's icon written into index.html as `data:` addresses of PNG images, in every mode.
 *
 * As a file, the browser asked for it again at every change of the page's address: the player writes
 * each step in the address (`history.replaceState`), and Chromium then fetches the icon of the « new »
 * page, through the app's service worker (a cache lookup on the worker's thread, about 5 ms of processor
 * time each), at every step. Written in the page, it is never fetched. Vite never inlines a link's icon
 * (its `noInlineLinkRels`), hence this plugin. The page's Content-Security-Policy allows `data:` images.
 *
 * PNG, not the SVG of record (assets/favicon.svg): Chromium still decodes the icon of the « new » page at
 * every step, in the page's renderer, on its main thread. An SVG icon is a document of its own there, made,
 * styled, laid out, painted and thrown away: 3 to 5 ms of the main thread in traces, 30 to 120 ms after each step,
 * where a trainer going through the steps at pace presses the next key. A PNG image is only decoded, without
 * a document. scripts/favicon-png.mjs draws the PNG images from the SVG;
 * tests/browser/frame.test.ts compares them with the SVG drawn by the browser.
 */
export const FAVICON_FILE = 'assets/favicon.svg';

/** The PNG images of the icon, by size in pixels: the browser picks the one for its screen. */
export const FAVICON_PNGS: ReadonlyArray<{ size: number; file: string }> = [
  { size: 32, file: 'assets/favicon-32.png' },
  { size: 64, file: 'assets/favicon-64.png' },
];

/** A PNG image as a `data:` address (base64). */
export function pngDataUrl(bytes: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

/** The `<link rel="icon">` elements written in place of index.html's link to the SVG. */
export function iconLinks(read: (file: string) => Uint8Array = (file) => readFileSync(file)): string {
  return FAVICON_PNGS.map(({ size, file }) => `<link rel="icon" href="${pngDataUrl(read(file))}" type="image/png" sizes="${size}x${size}" />`).join('\n    ');
}

const ICON_LINK = /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml" \/>/;

export function inlineFavicon(): Plugin {
  return {
    name: 'mes-inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!ICON_LINK.test(html)) throw new Error(`index.html: no <link rel="icon" href="/${FAVICON_FILE}"> to write into the page`);
        const links = iconLinks();
        return html.replace(ICON_LINK, () => links);
      },
    },
  };
}
