import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faviconDataUrl, inlineFavicon } from '../../../scripts/vite-favicon';

/** The page's icon is written into index.html (scripts/vite-favicon.ts): never fetched, never fetched again. */
type Hook = { handler: (html: string) => string };
const transform = (html: string) => (inlineFavicon().transformIndexHtml as unknown as Hook).handler(html);

describe('the page icon written into index.html', () => {
  it('is assets/favicon.svg as a data: address, in place of the link to the file', () => {
    const html = transform(readFileSync('index.html', 'utf8'));
    const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml" \/>/.exec(html)?.[1] ?? '';
    expect(href.startsWith('data:image/svg+xml,')).toBe(true);
    expect(html).not.toContain('/assets/favicon.svg');
    const svg = decodeURIComponent(href.slice('data:image/svg+xml,'.length));
    expect(svg).toBe(readFileSync('assets/favicon.svg', 'utf8').replace(/\s+/g, ' ').trim());
    expect(svg).toContain('<title>mon ESPACE SANTÉ</title>');
    // An address in an attribute: no quote, no angle bracket, no space left unescaped.
    expect(href).not.toMatch(/["<> ]/);
    expect(faviconDataUrl('<svg a="1">\n  é</svg>')).toBe('data:image/svg+xml,%3Csvg%20a%3D%221%22%3E%20%C3%A9%3C%2Fsvg%3E');
  });

  it('fails the build when index.html no longer links the icon as it expects', () => {
    expect(() => transform('<head><link rel="icon" href="/other.svg"></head>')).toThrow(/assets\/favicon\.svg/);
  });
});
