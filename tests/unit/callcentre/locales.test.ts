import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCREEN_IDS, CALL_JOURNEYS, AT_HAND_KINDS } from '../../../src/callcentre/schema';
import { CSV_COLUMNS } from '../../../src/callcentre/csv';

function flatten(node: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = node;
  }
  return out;
}

const load = (lang: string) => flatten(JSON.parse(readFileSync(`locales/${lang}/calls.json`, 'utf8')) as unknown);
const fr = load('fr');
const en = load('en');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const sources = readdirSync('src/callcentre')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(`src/callcentre/${f}`, 'utf8'));

/** A key as written, or its plural forms. */
const has = (bundle: Record<string, unknown>, key: string) =>
  typeof bundle[key] === 'string' || (typeof bundle[`${key}_one`] === 'string' && typeof bundle[`${key}_other`] === 'string');

describe('locales/*/calls.json', () => {
  it('has the same keys and placeholders in French and English, all non-empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of Object.entries(fr)) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      expect(placeholders(en[key] as string), key).toEqual(placeholders(value as string));
    }
  });

  it('has every key the code asks for, written whole or built from a list', () => {
    const whole = sources.flatMap((text) => [...text.matchAll(/'calls:([\w.-]+)'/g)].map((m) => m[1]!));
    const phrases = sources.flatMap((text) => [...text.matchAll(/key: '((?:journal|goal|steps|results)\.[\w.]+)'/g)].map((m) => m[1]!));
    expect(whole.length).toBeGreaterThan(50);
    for (const key of [...whole, ...phrases]) {
      expect(has(fr, key), key).toBe(true);
      expect(has(en, key), key).toBe(true);
    }
    const built = [
      ...SCREEN_IDS.map((s) => `screens.${s}`),
      ...CALL_JOURNEYS.map((j) => `journeys.${j}`),
      ...AT_HAND_KINDS.map((k) => `atHand.${k}`),
      ...CSV_COLUMNS.map((c) => `csv.columns.${c}`),
      ...['brief', 'diagnosing', 'guiding', 'ended'].map((p) => `call.phases.${p}`),
      ...['découverte', 'intermédiaire', 'avancé'].map((l) => `levels.${l}`),
      ...['offPath', 'nothingLeft'].map((n) => `call.guide.${n}`),
      ...['activated', 'opposed', 'pending'].map((s) => `goal.status.${s}`),
      ...['newCode', 'otp'].map((s) => `goal.inbox.${s}`),
      ...['nameRequired', 'nameLength', 'nameUnprintable'].map((e) => `results.name.${e}`),
      'steps.refused',
      'results.unresolvedStep',
      'debrief.rule.wrongDiagnoses',
      'debrief.rule.prompts',
    ];
    for (const key of built) expect(has(fr, key), key).toBe(true);
  });
});
