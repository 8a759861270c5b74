import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, HINTED_CHUNKS, compileHints, withHint } from '../../../scripts/vite-compile-hints';

/**
 * The chunks of the pas à pas's steps start with Chromium's compile hint (scripts/vite-compile-hints.ts):
 * their functions are compiled when they load, not one by one in the trainee's steps.
 */

type Chunk = { type: 'chunk'; name: string; fileName: string; code: string; map: { mappings: string } | null };
type Asset = { type: 'asset'; fileName: string; source: string };
type Hook = { handler: (options: unknown, bundle: Record<string, Chunk | Asset>) => void };

/** Vite's first line in a chunk that loads others (the list of their files). */
const VITE_LINE = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/a.js"])))=>i.map(i=>d[i]);';
/** Source map mappings of two lines: a segment at the start of each. */
const MAPPINGS = 'AAAA;AACA';

function generate(bundle: Record<string, Chunk | Asset>): void {
  (compileHints().generateBundle as unknown as Hook).handler({}, bundle);
}

describe('the compile hint of the chunks of the steps', () => {
  it('is the first line of the code, before Vite’s own, the map one line down', () => {
    const next = withHint(`${VITE_LINE}\nconst b=2;`, MAPPINGS);
    expect(next.code.split('\n')).toEqual(['//# allFunctionsCalledOnLoad', VITE_LINE, 'const b=2;']);
    // The hint's line maps to nothing; the others as before.
    expect(next.mappings).toBe(`;${MAPPINGS}`);
    // Once only.
    expect(withHint(next.code, next.mappings)).toEqual(next);
    expect(withHint('x')).toEqual({ code: `${COMPILE_HINT}\nx` });
  });

  it('goes to the player, the session kit and the site only, their source maps following, once', () => {
    const bundle: Record<string, Chunk | Asset> = {};
    const names = [...HINTED_CHUNKS, 'jspdf.es.min', 'authoring-app', 'index'];
    for (const name of names) {
      const fileName = `assets/${name}-abc.js`;
      bundle[fileName] = { type: 'chunk', name, fileName, code: `${VITE_LINE}\nconst b=2;`, map: { mappings: MAPPINGS } };
      bundle[`${fileName}.map`] = { type: 'asset', fileName: `${fileName}.map`, source: JSON.stringify({ version: 3, mappings: MAPPINGS, sources: ['src/a.ts'] }) };
    }
    expect(HINTED_CHUNKS).toEqual(['tutorial-app', 'session-kit', 'sim-devices']);
    for (let run = 0; run < 2; run += 1) {
      // A second pass over the same bundle (a build in watch mode) changes nothing more.
      generate(bundle);
      for (const name of names) {
        const fileName = `assets/${name}-abc.js`;
        const chunk = bundle[fileName] as Chunk;
        const map = JSON.parse((bundle[`${fileName}.map`] as Asset).source) as { mappings: string; sources: string[] };
        const hinted = HINTED_CHUNKS.includes(name);
        expect(chunk.code, name).toBe(hinted ? `${COMPILE_HINT}\n${VITE_LINE}\nconst b=2;` : `${VITE_LINE}\nconst b=2;`);
        expect(chunk.map?.mappings, name).toBe(hinted ? `;${MAPPINGS}` : MAPPINGS);
        expect(map.mappings, name).toBe(chunk.map?.mappings);
        expect(map.sources).toEqual(['src/a.ts']);
      }
    }
  });
});
