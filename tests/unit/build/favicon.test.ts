import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAVICON_PNGS, iconLinks, inlineFavicon, pngDataUrl } from '../../../scripts/vite-favicon';

/** The page's icon is written into index.html (scripts/vite-favicon.ts): never fetched, never fetched again. */
type Hook = { handler: (html: string) => string };
const transform = (html: string) => (inlineFavicon().transformIndexHtml as unknown as Hook).handler(html);

/** Width and height from a PNG's header (its IHDR chunk, right after the signature). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the page icon written into index.html', () => {
  it('is the PNG images of assets/favicon.svg as data: addresses, in place of the link to the SVG', () => {
    const html = transform(readFileSync('index.html', 'utf8'));
    expect(html).not.toContain('/assets/favicon.svg');
    expect(html).not.toContain('image/svg+xml');
    const links = [...html.matchAll(/<link rel="icon" href="([^"]+)" type="image\/png" sizes="(\d+)x(\d+)" \/>/g)];
    expect(links.map((m) => Number(m[2]))).toEqual(FAVICON_PNGS.map((p) => p.size));
    for (const [i, link] of links.entries()) {
      const { size, file } = FAVICON_PNGS[i]!;
      const bytes = readFileSync(file);
      expect(link[1]).toBe(`data:image/png;base64,${bytes.toString('base64')}`);
      expect(link[3]).toBe(String(size));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }
    // Only these links: no other icon the browser could prefer (an SVG one would be decoded as a document).
    expect(html.match(/rel="icon"/g)).toHaveLength(FAVICON_PNGS.length);
  });

  it('writes each image as base64 in an attribute-safe address', () => {
    expect(pngDataUrl(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('data:image/png;base64,iVBORw==');
    const links = iconLinks((file) => new TextEncoder().encode(file));
    const hrefs = [...links.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(FAVICON_PNGS.length);
    for (const href of hrefs) expect(href).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(links).toContain(`href="${pngDataUrl(new TextEncoder().encode('assets/favicon-64.png'))}"`);
  });

  it('fails the build when index.html no longer links the icon as it expects', () => {
    expect(() => transform('<head><link rel="icon" href="/other.svg"></head>')).toThrow(/assets\/favicon\.svg/);
  });
});
