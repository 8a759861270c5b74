import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The page's icon (assets/favicon.svg) written into index.html as a `data:` address, in every mode.
 *
 * As a file, the browser asked for it again at every change of the page's address: the player writes
 * each step in the address (`history.replaceState`), and Chromium then fetches the icon of the « new »
 * page, through the app's service worker (a cache lookup on the worker's thread, about 5 ms of processor
 * time each), at every step. Written in the page, it is never fetched. Vite never inlines a link's icon
 * (its `noInlineLinkRels`), hence this plugin. The page's Content-Security-Policy allows `data:` images.
 */
export const FAVICON_FILE = 'assets/favicon.svg';

/** The SVG as a `data:` address: percent-encoded UTF-8, shorter than base64 for SVG text. */
export function faviconDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg.replace(/\s+/g, ' ').trim())}`;
}

const ICON_LINK = /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml" \/>/;

export function inlineFavicon(file = FAVICON_FILE): Plugin {
  return {
    name: 'mes-inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!ICON_LINK.test(html)) throw new Error(`index.html: no <link rel="icon" href="/${file}"> to write into the page`);
        const href = faviconDataUrl(readFileSync(file, 'utf8'));
        return html.replace(ICON_LINK, () => `<link rel="icon" href="${href}" type="image/svg+xml" />`);
      },
    },
  };
}
