import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * The style sheets of the app's Lit elements (`css\`…\`` in src/) without their comments and indentation,
 * in the build: Vite minifies style files, not the CSS written inside a TypeScript module, and those
 * templates are a good part of the first slide's script. Only what cannot change a rule goes: comments,
 * runs of white space (made one space), and the spaces around `{`, `}`, `;` and `,`. Quoted strings
 * (`content: '► '`) and the template's `${…}` expressions are left as they are. A source map follows.
 */

const TAG = /\bcss`/g;

/** The CSS text between two expressions of a template, minified as above. */
export function minifyCssText(text: string): string {
  // Strings kept apart: odd indexes are the quoted strings.
  return text
    .split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1'),
    )
    .join('');
}

/** Where the expression that starts at `from` (just after `${`) ends: the index after its `}`; -1 if unsure. */
function expressionEnd(code: string, from: number): number {
  let depth = 1;
  for (let i = from; i < code.length; i += 1) {
    const c = code[i];
    // A string or template inside an expression: not worth following, the template is left alone.
    if (c === '`' || c === '"' || c === "'" || c === '/') return -1;
    if (c === '{') depth += 1;
    else if (c === '}' && (depth -= 1) === 0) return i + 1;
  }
  return -1;
}

/** Minifies every `css` template of `code`; null when there is none. */
export function minifyCssLiterals(code: string, id: string): { code: string; map: ReturnType<MagicString['generateMap']> } | null {
  if (!code.includes('css`')) return null;
  const s = new MagicString(code);
  let changed = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(code); m; m = TAG.exec(code)) {
    const chunks: Array<[number, number]> = [];
    let start = m.index + m[0].length;
    let i = start;
    let closed = false;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        chunks.push([start, i]);
        closed = true;
        break;
      } else if (c === '$' && code[i + 1] === '{') {
        chunks.push([start, i]);
        const end = expressionEnd(code, i + 2);
        if (end < 0) break;
        i = start = end;
      } else {
        i += 1;
      }
    }
    TAG.lastIndex = i + 1;
    if (!closed) continue;
    chunks.forEach(([from, to], n) => {
      const text = code.slice(from, to);
      let min = minifyCssText(text);
      // The template's own ends: white space there is nobody's.
      if (n === 0) min = min.trimStart();
      if (n === chunks.length - 1) min = min.trimEnd();
      if (min !== text) {
        if (min === '') s.remove(from, to);
        else s.overwrite(from, to, min);
        changed = true;
      }
    });
  }
  return changed ? { code: s.toString(), map: s.generateMap({ hires: true, source: id, includeContent: true }) } : null;
}

export function cssLiterals(): Plugin {
  return {
    name: 'css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
      return minifyCssLiterals(code, id);
    },
  };
}
