import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app's text is drawn with Open Sans, then the system's UI font (`system-ui`) for what Open Sans does not
 * cover. The generic `sans-serif` is not named after them: in Chromium on Linux, a list that names it asks the
 * browser process, synchronously, for the rendering settings of the system's sans-serif font at every size and
 * weight the page draws (ten requests for the first slide, 1 to 6 ms each, in its first layout), though no
 * character is ever drawn with it. Without it, the first slide's layout took about half the time, for the same
 * pixels (src/boot/fonts.css).
 */

const ROOT = join(__dirname, '..', '..', '..');

function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, out);
    else if (/\.(ts|css|html)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every font list of a text (`font-family: …` and the family part of `font: …`) that names Open Sans. */
function openSansLists(text: string): string[] {
  const lists: string[] = [];
  // Comments say anything, and an @font-face's family names the face it declares, not a list to draw with.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/@font-face\s*\{[^}]*\}/g, '');
  for (const match of code.matchAll(/font(?:-family)?\s*:\s*([^;}`]*)/g)) {
    const value = match[1]!.trim();
    if (/open sans/i.test(value)) lists.push(value);
  }
  return lists;
}

describe('the app’s font lists', () => {
  const sources = [...files(join(ROOT, 'src')), join(ROOT, 'index.html')];

  it('name Open Sans in the app’s styles (what this test reads is where the lists are)', () => {
    const found = sources.flatMap((file) => openSansLists(readFileSync(file, 'utf8')));
    expect(found.length).toBeGreaterThan(10);
  });

  it('end with system-ui after Open Sans, never with the generic sans-serif', () => {
    const offending: string[] = [];
    for (const file of sources) {
      for (const list of openSansLists(readFileSync(file, 'utf8'))) {
        if (/\bsans-serif\b/.test(list) || !/system-ui\s*$/.test(list.replace(/\s*!important\s*$/, ''))) offending.push(`${file.slice(ROOT.length + 1)}: ${list}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
