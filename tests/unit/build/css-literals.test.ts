import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minifyCssLiterals, minifyCssText } from '../../../scripts/vite-css-literals';

/** The build's minifier of the Lit elements' CSS templates (scripts/vite-css-literals.ts). */

/** Every rule of a CSS text, as the browser would split it, white space normalised: what must not change. */
const tokens = (css: string): string =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .trim();

describe('minifyCssText', () => {
  it('drops comments, indentation and the spaces around braces, semicolons and commas', () => {
    const css = `
      /* The bar. */
      .bar button,
      .bar a {
        color: #0c419a;
        font: 600 1rem/1.2 'Open Sans', sans-serif;
      }
      .bar :focus-visible { outline: 3px solid rgb(12, 117, 246); }
    `;
    expect(minifyCssText(css)).toBe(" .bar button,.bar a{color: #0c419a;font: 600 1rem/1.2 'Open Sans',sans-serif;}.bar :focus-visible{outline: 3px solid rgb(12,117,246);}");
  });

  it('keeps what changes a rule: descendant spaces, calc spaces, quoted strings', () => {
    expect(minifyCssText('a  :hover { width: calc(100%  -  2px) }')).toBe('a :hover{width: calc(100% - 2px)}');
    expect(minifyCssText(`li::before { content: counter(phase) '.  ;  { ' ; }`)).toBe(`li::before{content: counter(phase) '.  ;  { ';}`);
    expect(minifyCssText(`q { quotes: "« " " »"; }`)).toBe(`q{quotes: "« " " »";}`);
  });
});

describe('minifyCssLiterals', () => {
  it('minifies the text of css templates around their expressions, and nothing else', () => {
    const code = [
      "const a = css`\n  :host {\n    color: ${unsafeCSS(blue)};\n  }\n  ${shared}\n  p { margin: 0 }\n`;",
      'const b = html`<p>  two  spaces  </p>`;',
      'const c = `a {  b: c  }`;',
    ].join('\n');
    const out = minifyCssLiterals(code, 'x.ts');
    expect(out?.code).toBe(
      ["const a = css`:host{color: ${unsafeCSS(blue)};}${shared} p{margin: 0}`;", 'const b = html`<p>  two  spaces  </p>`;', 'const c = `a {  b: c  }`;'].join('\n'),
    );
    expect(out?.map.mappings).not.toBe('');
  });

  it('leaves a template alone when an expression holds a string it would have to follow', () => {
    const code = "const a = css`\n  p { color: ${x ? '}' : 'red'}; }\n`;";
    expect(minifyCssLiterals(code, 'x.ts')).toBeNull();
  });

  it('keeps every rule of every css template of the app', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) files.push(join(dir, entry.name));
      }
    };
    walk('src');
    let templates = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const out = minifyCssLiterals(code, file);
      if (!out) continue;
      const before = [...code.matchAll(/\bcss`([^`]*)`/g)].map((m) => tokens(m[1]!));
      const after = [...out.code.matchAll(/\bcss`([^`]*)`/g)].map((m) => tokens(m[1]!));
      expect(after, file).toEqual(before);
      // Only css templates changed: the rest of the module is the same text.
      expect(out.code.replace(/\bcss`[^`]*`/g, ''), file).toBe(code.replace(/\bcss`[^`]*`/g, ''));
      templates += before.length;
    }
    expect(templates).toBeGreaterThan(40);
  });
});
