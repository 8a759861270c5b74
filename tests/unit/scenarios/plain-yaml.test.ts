import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parse, parseDocument, stringify, type Node as YamlNode } from 'yaml';
import { mutate, nodeAt, pick, random, window } from './yaml-compare';
import { readPlainYaml, resolvePlain } from '../../../src/scenarios/plain-yaml';

/**
 * The plain-YAML reader against the yaml library: whenever it answers, the library must read the same
 * text without an error, to the same data, with the same positions for every value and key (and for
 * paths that go further than the data). When it does not answer, the library reads the file, so
 * nothing is lost; the tests also make sure it does answer for the files it was written for.
 */

function shippedFiles(dir = 'scenarios'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shippedFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

/** Every path of the data, and a few that go past it. */
function pathsOf(value: unknown, base: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(base, [...base, 'missing-key'], [...base, 7], [...base, 0]);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...base, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...base, key], out);
  return out;
}

/** 'outside' when the reader leaves the text to the library; otherwise the library must agree in full. */
function compare(text: string): 'read' | 'outside' {
  const plain = readPlainYaml(text);
  if (!plain) return 'outside';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  expect(doc.errors.map((e) => e.code), text).toEqual([]);
  const expected: unknown = doc.toJS();
  expect(plain.value, text).toStrictEqual(expected);
  expect(plain.value).toStrictEqual(parse(text));
  // Collected, then compared at once (one expect per value would make the test slow).
  const differences: string[] = [];
  for (const path of pathsOf(expected)) {
    for (const atKey of [false, true]) {
      const offset = nodeAt(doc.contents as YamlNode | null, path, atKey)?.range?.[0] ?? 0;
      const mine = plain.offset(path, atKey);
      if (mine !== offset) differences.push(`${JSON.stringify(path)} atKey=${atKey}: ${mine} instead of ${offset}`);
      const pos = lineCounter.linePos(offset);
      const at = plain.position(offset);
      if (at.line !== pos.line || at.column !== pos.col) differences.push(`offset ${offset}: ${at.line}:${at.column} instead of ${pos.line}:${pos.col}`);
    }
  }
  expect(differences, text).toEqual([]);
  return 'read';
}

const TOKENS = [' ', '  ', '\n', '\n  ', ':', ': ', ':x', '#', ' #', ' # c', '-', '- ', '"', "'", "''", '\\', '\\n', '\\x', '{', '}', '[', ']', ',', ', ', '&a ', '*a', '!', '!!str ', '|', '>', '>-', '?', '? ', '%', '@', '`', 'null', 'Null', '~', 'true', 'FALSE', 'yes', '1', '-1', '+1', '0o17', '0x1F', '.5', '1.', '1e3', '-.inf', '.NaN', '---', '...', 'é', '«', '\t', '\r', '\u2028', '__proto__', '<<', 'a: b', '{ a: b }', '[a, b]', 'x:y'];

const STRINGS = ['a', 'Martine', 'pasapas:steps.s1.c1', '{{persona.nir}}', 'a: b', 'a:b', 'a #b', 'a#b', '#x', ' lead', 'trail ', '- x', '-x', '? x', 'yes', 'no', 'null', '~', 'true', 'True', '12', '012', '0x1A', '0o7', '1e5', '.5', '-.inf', '.nan', '1_000', "l'été", 'dit "oui"', '\\', 'a\nb', '«\u00a0Suivant\u00a0»', '😀', '', ' ', '[x]', '{x}', 'a, b', '@x', '`x', '%x', '&x', '*x', '!x', '|', '>', 'Printemps#2024', 'card-{{persona.card.type}}'];

function data(rand: () => number, depth = 0): unknown {
  const kind = depth >= 3 ? Math.floor(rand() * 4) : Math.floor(rand() * 6);
  switch (kind) {
    case 0:
      return pick(rand, STRINGS) + (rand() < 0.3 ? pick(rand, STRINGS) : '');
    case 1:
      return pick(rand, [0, 1, -3, 12.5, 1e21, 269054410903857, -0.25]);
    case 2:
      return pick(rand, [true, false]);
    case 3:
      return pick(rand, [null, 'x', 'Lucas']);
    case 4:
      return Array.from({ length: Math.floor(rand() * 4) }, () => data(rand, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 5); i > 0; i -= 1) out[pick(rand, ['id', 'title', 'a.b', '$schema', 'x-y', 'k', 'key with space', '1', 'true', 'null', 'é'])] = data(rand, depth + 1);
      return out;
    }
  }
}

describe('the plain-YAML reader', () => {
  it('reads shipped scenarios as the yaml library does, values and positions', () => {
    const results = new Map(shippedFiles().map((file) => [file, compare(readFileSync(file, 'utf8'))]));
    // Every shipped file (the benchmark's pas-a-pas.yaml among them) is read by the fast reader.
    expect([...results].filter(([, result]) => result !== 'read').map(([file]) => file)).toEqual([]);
  }, 60_000);

  it('resolves plain scalars as the core schema does', () => {
    for (const text of ['~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', '0', '-0', '+12', '012', '0o17', '0o8', '0x1F', '0xG', '1.', '.5', '-.5', '1e3', '1E-3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1_000', '12:30', '2024-01-02', 'nir', 'f', 'T', '.', '+', '1.2.3', '0b101']) {
      expect(resolvePlain(text), text).toStrictEqual(parse(`${text}\n`));
    }
  });

  it('refuses what it leaves to the library (anchors, tags, block scalars, empty values, errors)', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |+\n  x\n', 'a: >2\n  x\n', 'a: >-\n  x\n\n  y\n', 'a: |\n  x\n    y\n', 'a: >-\n  x', 'a: >-\nb: 1\n', 'a:\nb: 1\n', 'a: 1\na: 2\n', 'a: b: c\n', 'a: "x\n  y"\n', 'a: x\n  y\n', '--- \na: 1\n', 'a:\tb\n', 'a: 1\r\n', 'a: {b: 1\n  }\n', '"a": 1\n', 'plain\n', 'a: [b, ]\n', '<<: x\n', '__proto__: x\n']) {
      expect(readPlainYaml(text), text).toBeNull();
    }
  });

  it('reads even literal and folded scalars as the library does', () => {
    for (const text of ['a: >-\n  x y\n  z\nb: 1\n', 'a: >\n  x\n  # not a comment\n\n\nb: |\n  x\n  y\n', '- |-\n  x\n  y\n# c\n- >\n    z\n', 'a:\n  b: >-\n    x\n\n  c: 1\n']) {
      expect(compare(text), text).toBe('read');
    }
  });

  it('agrees with the library on mutated pieces of the shipped scenarios', () => {
    const rand = random(20261126);
    const texts = shippedFiles().map((file) => readFileSync(file, 'utf8'));
    let read = 0;
    const total = 3000;
    for (let i = 0; i < total; i += 1) {
      const source = pick(rand, texts);
      const piece = rand() < 0.03 ? source : window(source, rand);
      if (compare(rand() < 0.15 ? piece : mutate(piece, rand, TOKENS)) === 'read') read += 1;
    }
    // Enough of them are read by the fast reader for the comparison to mean something.
    expect(read).toBeGreaterThan(total / 4);
  }, 60_000);

  it('agrees with the library on generated data written in every style', () => {
    const rand = random(7);
    let read = 0;
    const total = 1500;
    for (let i = 0; i < total; i += 1) {
      const value = { root: data(rand), other: data(rand) };
      const text = stringify(value, {
        lineWidth: 0,
        indentSeq: rand() < 0.5,
        defaultStringType: pick(rand, ['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
        defaultKeyType: pick(rand, [null, 'PLAIN'] as const),
        collectionStyle: pick(rand, ['any', 'block', 'flow'] as const),
        aliasDuplicateObjects: false,
      });
      if (compare(text) === 'read') {
        read += 1;
        expect(readPlainYaml(text)?.value).toStrictEqual(parse(text));
      }
    }
    expect(read).toBeGreaterThan(total / 4);
  }, 60_000);
});
