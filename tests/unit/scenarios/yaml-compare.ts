import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { readYaml, UNSUPPORTED_CODES, YamlSyntaxError } from '../../../src/scenarios/yaml-reader';

/** Helpers shared by the tests that compare our YAML reader with the `yaml` library (the oracle). */

export function shippedFiles(dir = 'scenarios'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shippedFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

export const shippedTexts = (): string[] => shippedFiles().map((file) => readFileSync(file, 'utf8'));

/** The library's node at `path` (the deepest existing ancestor for a missing one), as load.ts used to find it. */
export function nodeAt(root: YamlNode | null, path: readonly PropertyKey[], atKey: boolean): YamlNode | null {
  let node: YamlNode | null = root;
  for (const [i, part] of path.entries()) {
    if (isMap(node)) {
      const pair = [...node.items].reverse().find((item) => isScalar(item.key) && String(item.key.value ?? '') === String(part));
      if (!pair) return node;
      if (atKey && i === path.length - 1) return pair.key as YamlNode;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** Every path of the data, and a few that go past it. */
export function pathsOf(value: unknown, base: PropertyKey[] = [], out: PropertyKey[][] = [], seen = new Set<unknown>()): PropertyKey[][] {
  out.push(base, [...base, 'missing-key'], [...base, 7], [...base, 0]);
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...base, i], out, seen));
  else for (const [key, item] of Object.entries(value)) pathsOf(item, [...base, key], out, seen);
  seen.delete(value);
  return out;
}

export type Outcome =
  | { kind: 'same' }
  | { kind: 'both-error'; sameLine: boolean }
  | { kind: 'refused'; code: string }
  | { kind: 'library-lenient' }
  | { kind: 'mismatch'; why: string };

/** Our reader against the library on one text. */
export function compareWithLibrary(text: string, positions = true): Outcome {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  let expected: unknown;
  let libraryError: { line: number; col: number } | null = null;
  if (doc.errors.length > 0) libraryError = lineCounter.linePos(doc.errors[0]!.pos[0]);
  else {
    try {
      expected = doc.toJS();
    } catch {
      libraryError = { line: 0, col: 0 };
    }
  }
  let mine: ReturnType<typeof readYaml> | null = null;
  let error: YamlSyntaxError | null = null;
  try {
    mine = readYaml(text);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) return { kind: 'mismatch', why: `throws ${String(e)}` };
    error = e;
  }
  if (libraryError) {
    if (!error) return { kind: 'mismatch', why: `library: error ${doc.errors[0]?.code ?? 'toJS'}, ours reads ${JSON.stringify(mine?.value)}` };
    const at = lineCounter.linePos(error.offset);
    return { kind: 'both-error', sameLine: libraryError.line === 0 || at.line === libraryError.line };
  }
  if (error) {
    if (UNSUPPORTED_CODES.includes(error.code)) return { kind: 'refused', code: error.code };
    // The library accepts a last quoted scalar left open when the text ends with an escaped quote
    // (`a: "x\"`, `a: 'x''`): we report the missing quote.
    if (error.code === 'MISSING_CHAR' && /(?:\\"|'')$/.test(text)) return { kind: 'library-lenient' };
    return { kind: 'mismatch', why: `ours: error ${error.code} at ${JSON.stringify(lineCounter.linePos(error.offset))}, library reads ${JSON.stringify(expected)}` };
  }
  const value = mine!.value;
  if (!Object.is(value, expected) && !equal(value, expected)) return { kind: 'mismatch', why: `values differ: ${JSON.stringify(value)} vs ${JSON.stringify(expected)}` };
  if (positions) {
    for (const path of pathsOf(expected)) {
      for (const atKey of [false, true]) {
        const offset = nodeAt(doc.contents as YamlNode | null, path, atKey)?.range?.[0] ?? 0;
        const ours = mine!.offset(path, atKey);
        if (ours !== offset) return { kind: 'mismatch', why: `${JSON.stringify(path)} atKey=${atKey}: ${ours} instead of ${offset}` };
      }
    }
  }
  return { kind: 'same' };
}

function equal(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A small seeded generator (the app's own), so that a failure can be replayed. */
export { createRng as random } from '../../../src/domain/random';

export const pick = <T,>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** A YAML text changed in 1 to 3 places: a token put in, characters taken out, a line doubled, dropped, shifted or swapped. */
export function mutate(text: string, rand: () => number, tokens: readonly string[]): string {
  let out = text;
  const times = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < times; i += 1) {
    const lines = out.split('\n');
    const at = Math.floor(rand() * (out.length + 1));
    const l = Math.floor(rand() * lines.length);
    switch (Math.floor(rand() * 7)) {
      case 0:
      case 1:
        out = out.slice(0, at) + pick(rand, tokens) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 3));
        break;
      case 3:
        lines.splice(l, 0, lines[l] ?? '');
        out = lines.join('\n');
        break;
      case 4:
        lines.splice(l, 1);
        out = lines.join('\n');
        break;
      case 5: {
        const shift = pick(rand, [-2, -1, 1, 2]);
        const line = lines[l] ?? '';
        lines[l] = shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift);
        out = lines.join('\n');
        break;
      }
      default: {
        const a = lines[l] ?? '';
        lines[l] = lines[l + 1] ?? '';
        lines[l + 1] = a;
        out = lines.join('\n');
      }
    }
  }
  return out;
}

/** A window of a file's lines (up to one less indented than the first), that indentation taken off. */
export function window(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const from = Math.floor(rand() * lines.length);
  const part = lines.slice(from, from + 3 + Math.floor(rand() * 30));
  const indent = /^ */.exec(part[0] ?? '')?.[0].length ?? 0;
  const prefix = ' '.repeat(indent);
  const end = part.findIndex((line) => line.trim() !== '' && !line.startsWith(prefix));
  return (end === -1 ? part : part.slice(0, end)).map((line) => line.slice(indent)).join('\n');
}
