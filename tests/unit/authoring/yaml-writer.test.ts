import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exportScenario, importScenario, orderLike } from '../../../src/authoring/yaml';
import { writeYaml } from '../../../src/authoring/yaml-writer';
import { readPlainYaml } from '../../../src/scenarios/plain-yaml';
import { readYaml } from '../../../src/scenarios/yaml-reader';
import { scenarioSchema } from '../../../src/scenarios/schema';
import { pick, random, shippedFiles } from '../scenarios/yaml-compare';

/** Our YAML writer: what it writes reads back to the same data, with our readers and with the library. */

const STRINGS = ['a', 'Martine', 'pasapas:steps.s1.c1', '{{persona.nir}}', 'a: b', 'a:b', 'a #b', 'a#b', '#x', ' lead', 'trail ', '- x', '-x', '-', '?', ':', '? x', ': x', 'yes', 'no', 'null', 'Null', '~', 'true', 'True', 'FALSE', '12', '012', '-3', '+4', '0x1A', '0o7', '1e5', '.5', '1.', '-.inf', '.nan', '.NaN', '1_000', '2024-01-02', '12:30', "l'été", 'dit "oui"', '\\', '\\n', 'a\nb', 'a\n', 'a\n\n', '\na', 'x\n  y', '  x\ny', 'x \ny', 'x\n \ny', '\n', '\n\n', '«\u00a0Suivant\u00a0»', '😀', '\ud83d', 'é', '', ' ', '  ', '\t', 'a\tb', '\r\n', 'a\rb', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\ufeff', '[x]', '{x}', 'a, b', '@x', '`x', '%x', '&x', '*x', '!x', '|', '>', "'", '"', '...', '---', '--- x', '... x', 'a: b\nc: d', '- a\n- b', 'Printemps#2024', 'card-{{persona.card.type}}', 'x:', 'x: ', 'x:\ny'];

function text(rand: () => number): string {
  let out = pick(rand, STRINGS);
  if (rand() < 0.4) out += pick(rand, STRINGS);
  if (rand() < 0.2) out += pick(rand, STRINGS);
  return out;
}

function data(rand: () => number, depth = 0): unknown {
  const kind = depth >= 4 ? Math.floor(rand() * 4) : Math.floor(rand() * 7);
  switch (kind) {
    case 0:
    case 1:
      return text(rand);
    case 2:
      return pick(rand, [0, 1, -3, 12.5, 1e21, 1.5e-7, 269054410903857, -0.25, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    case 3:
      return pick(rand, [true, false, null]);
    case 4:
      return Array.from({ length: Math.floor(rand() * 4) }, () => data(rand, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 5); i > 0; i -= 1) out[rand() < 0.5 ? pick(rand, ['id', 'title', 'a.b', '$schema', 'x-y', 'k']) : text(rand)] = data(rand, depth + 1);
      return out;
    }
  }
}

describe('the YAML writer', () => {
  it('reads back to the same data, with our readers and with the yaml library', () => {
    const rand = random(20261126);
    for (let i = 0; i < 3000; i += 1) {
      const value = data(rand);
      const written = writeYaml(value);
      let mine: unknown;
      try {
        mine = readYaml(written).value;
      } catch (error) {
        mine = error;
      }
      expect(mine, written).toStrictEqual(value);
      expect(parse(written), written).toStrictEqual(value);
      const plain = readPlainYaml(written);
      if (plain) expect(plain.value, written).toStrictEqual(value);
    }
  }, 60_000);

  it('writes quotes, blocks and escapes where needed, plain text elsewhere', () => {
    expect(writeYaml({ a: 'b', n: '12', t: 'true', e: '', s: ' x', c: 'a: b', h: 'a #b', d: '2024-01-02', q: "l'été" })).toBe(
      'a: b\nn: "12"\nt: "true"\ne: ""\ns: " x"\nc: "a: b"\nh: "a #b"\nd: 2024-01-02\nq: l\'été\n',
    );
    expect(writeYaml({ m: 'a\nb', k: 'a\n\n', z: 'a\n', x: '\u0007\t😀' })).toBe('m: |-\n  a\n  b\nk: |+\n  a\n\nz: |\n  a\nx: "\\a\\t😀"\n');
    expect(writeYaml([{ a: 1, b: [] }, [1, 2], {}])).toBe('- a: 1\n  b: []\n- - 1\n  - 2\n- {}\n');
  });

  it('exports every shipped scenario as the yaml library did (same text)', () => {
    for (const file of shippedFiles().filter((f) => !f.includes('/calls/'))) {
      const scenario = importScenario(readFileSync(file, 'utf8'), file);
      const before = stringify(orderLike(scenarioSchema, scenario), { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false });
      const text = exportScenario(scenario);
      expect(text, file).toBe(before);
      expect(parse(text)).toStrictEqual(parse(before));
    }
  });
});
