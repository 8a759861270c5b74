import type { Plugin } from 'vite';

/**
 * V8 compiles a function the first time it is called, not when its script is loaded (it only checks its
 * syntax then). In the pas à pas, much of the code of a step runs for the first time at that step, in the
 * task of the trainee's key: the site's statechart and screens, the simulated backend's handlers, the
 * overlay, the player. Traces of a page's first pass showed about half a millisecond of each step's task
 * spent parsing and compiling functions (`V8.ParseFunction`, `V8.CompileCode`, `V8.CompileIgnition`), more
 * at the steps that bring a new screen.
 *
 * The chunks whose code runs at the steps start with Chromium's explicit compile hint, a comment on the
 * file's first line that asks V8 to compile every function of the file with the file, when it is loaded
 * (the session's kit, right after the first slide is shown, while the trainee reads it; off the page's
 * thread where Chromium streams the script), rather than one function at a time in the steps. Other browsers
 * read an ordinary comment. Other chunks (the PDF library, the editor, the call centre) keep compiling
 * lazily: most of their functions never run in a session.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The chunks of the pas à pas's steps: the player, the session's kit, the site with its backend. */
export const HINTED_CHUNKS: readonly string[] = ['tutorial-app', 'session-kit', 'sim-devices'];

/**
 * The code and source map of a chunk with the hint on its first line: the hint and a line break before the
 * code (Vite's own first line, the list of a chunk's dependencies, comes after it), and the map's lines moved
 * down by one (`;` before its mappings: the first line maps to nothing).
 */
export function withHint(code: string, mappings?: string): { code: string; mappings?: string } {
  if (code.startsWith(COMPILE_HINT)) return mappings === undefined ? { code } : { code, mappings };
  return { code: `${COMPILE_HINT}\n${code}`, ...(mappings === undefined ? {} : { mappings: `;${mappings}` }) };
}

/**
 * Puts the hint first in the chunks of HINTED_CHUNKS, once the bundle is written out (after Vite's own
 * first line) and minified (minification drops comments), their source maps following.
 */
export function compileHints(): Plugin {
  return {
    name: 'mes-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !HINTED_CHUNKS.includes(chunk.name)) continue;
          const next = withHint(chunk.code, chunk.map?.mappings);
          if (next.code === chunk.code) continue;
          chunk.code = next.code;
          if (chunk.map && next.mappings !== undefined) {
            chunk.map.mappings = next.mappings;
            const asset = bundle[`${chunk.fileName}.map`];
            if (asset?.type === 'asset') {
              const map = JSON.parse(String(asset.source)) as { mappings: string };
              map.mappings = `;${map.mappings}`;
              asset.source = JSON.stringify(map);
            }
          }
        }
      },
    },
  };
}
