import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, HINTED_CHUNKS } from '../../scripts/vite-compile-hints';

/**
 * In the built app, the chunks whose code the pas à pas's steps run start with Chromium's compile hint
 * (scripts/vite-compile-hints.ts), and only they: a chunk renamed by a change of the code splitting would
 * lose it without this test saying so.
 */
describe('the compile hint in the build', () => {
  it('is the first line of the player’s, the session kit’s and the site’s chunks, and of no other', () => {
    const dir = join('dist', 'assets');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const hinted = scripts.filter((f) => readFileSync(join(dir, f), 'utf8').startsWith(`${COMPILE_HINT}\n`));
    const nameOf = (file: string) => file.replace(/-[\w-]{8}\.js$/, '');
    expect(hinted.map(nameOf).sort()).toEqual([...HINTED_CHUNKS].sort());
    // Each of them once, and the rest of the file as Vite wrote it (its own first line, when it has one, next).
    for (const file of hinted) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.split(COMPILE_HINT).length, file).toBe(2);
      const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as { mappings: string };
      expect(map.mappings.startsWith(';'), `${file}: the map's first line is the hint's, mapped to nothing`).toBe(true);
    }
  });
});
