import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LANGS, ROOT, flatten, listFiles, loadAll, namespaces, nestings, placeholders, resolves } from './locales-data';

/**
 * English is complete beside French: every namespace exists in both languages with the same keys, no
 * value is empty, and both say the same things with the same {{values}}. The scenarios' texts that are
 * i18n keys resolve in both languages.
 */

const [FR, EN] = LANGS;
const all = new Map(LANGS.map((lang) => [lang, loadAll(lang)] as const));

/** The differences between two key sets, for a message that says what is missing where. */
function diff(ns: string, a: Record<string, unknown>, b: Record<string, unknown>, aName: string, bName: string): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a)) if (!(key in b)) out.push(`${ns}:${key} is in ${aName}, missing in ${bName}`);
  for (const key of Object.keys(b)) if (!(key in a)) out.push(`${ns}:${key} is in ${bName}, missing in ${aName}`);
  return out;
}

function checkPair(ns: string, fr: Record<string, unknown>, en: Record<string, unknown>): string[] {
  const problems = diff(ns, fr, en, FR, EN);
  for (const [lang, flat] of [
    [FR, fr],
    [EN, en],
  ] as const) {
    for (const [key, value] of Object.entries(flat)) {
      // A list of paragraphs may have none (blocked:generic.body): an empty list in both languages says
      // the same thing; it is not a text left untranslated.
      const other = (lang === FR ? en : fr)[key];
      if (Array.isArray(value) && value.length === 0 && Array.isArray(other) && other.length === 0) continue;
      if (typeof value !== 'string') problems.push(`${lang} ${ns}:${key} is not a string (${JSON.stringify(value)})`);
      else if (value.trim() === '') problems.push(`${lang} ${ns}:${key} is empty`);
    }
  }
  for (const [key, value] of Object.entries(fr)) {
    const other = en[key];
    if (typeof value !== 'string' || typeof other !== 'string') continue;
    if (placeholders(value).join() !== placeholders(other).join()) {
      problems.push(`${ns}:${key} has {{${placeholders(value).join(', ')}}} in ${FR} but {{${placeholders(other).join(', ')}}} in ${EN}`);
    }
    if (nestings(value).join() !== nestings(other).join()) problems.push(`${ns}:${key} nests other keys differently in ${FR} and ${EN}`);
  }
  return problems;
}

describe('locales', () => {
  it('has the same namespaces in French and English', () => {
    expect(namespaces(FR).length).toBeGreaterThan(10);
    expect(namespaces(EN)).toEqual(namespaces(FR));
  });

  it.each(namespaces(FR))('%s: same keys in both languages, no empty value, same {{values}}', (ns) => {
    const fr = all.get(FR)!.get(ns) ?? {};
    const en = all.get(EN)!.get(ns) ?? {};
    expect(Object.keys(fr).length, `${ns} has no key`).toBeGreaterThan(0);
    const problems = checkPair(ns, fr, en);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the checks fail on a key missing in one language, an empty value, a placeholder lost', () => {
    const fr = flatten({ a: 'Bonjour {{name}}', b: { c: 'x' }, list: ['un', 'deux'] });
    const en = flatten({ a: 'Hello', b: { c: ' ' }, list: ['one'], extra: 'more', none: [] });
    const problems = checkPair('demo', fr, en);
    expect(problems).toContain('demo:list.1 is in fr, missing in en');
    expect(problems).toContain('demo:extra is in en, missing in fr');
    expect(problems).toContain('en demo:b.c is empty');
    // An empty list only in one language is a missing text.
    expect(problems).toContain('en demo:none is not a string ([])');
    expect(problems.some((p) => p.startsWith('demo:a has {{name}}'))).toBe(true);
  });
});

/** Text keys of the scenarios (`ns:key`), as src/tutorial/text.ts recognises them. */
const KEY = /^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$/;

function scalars(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => scalars(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => scalars(n, out));
  return out;
}

describe('scenario texts', () => {
  const files = listFiles(join(ROOT, 'scenarios'), '.yaml');

  it.each(files.map((f) => relative(ROOT, f)))('%s: every text key exists in French and English', (file) => {
    const docs = parseAllDocuments(readFileSync(join(ROOT, file), 'utf8'));
    const keys = docs.flatMap((d) => scalars(d.toJS())).filter((s) => KEY.test(s));
    const missing = LANGS.flatMap((lang) => keys.filter((k) => !resolves(all.get(lang)!, k)).map((k) => `${lang}: ${k}`));
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('finds the keys of the pas à pas (the check reads them)', () => {
    const docs = parseAllDocuments(readFileSync(join(ROOT, 'scenarios/pas-a-pas.yaml'), 'utf8'));
    const keys = docs.flatMap((d) => scalars(d.toJS())).filter((s) => KEY.test(s));
    expect(keys.length).toBeGreaterThan(50);
    expect(resolves(all.get(FR)!, 'pasapas:no.such.key')).toBe(false);
  });
});
