import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkBirthDate,
  checkCardType,
  checkEmail,
  checkIdentifier,
  checkMobile,
  checkNir,
  checkOtp,
  checkPassword,
  checkPasswordConfirm,
  checkProvisionalCode,
  checkSerial,
  passwordRules,
  type Check,
} from '../../../src/domain';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const load = (lang: string) => JSON.parse(readFileSync(`${root}locales/${lang}/errors.json`, 'utf8')) as unknown;

/** "a.b.c" → value, for every leaf of the nested file (i18next's default key separator is "."). */
function flatten(node: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = node;
  }
  return out;
}

const fr = flatten(load('fr'));
const en = flatten(load('en'));

describe('errors.json', () => {
  it('has the same keys in French and English, all non-empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('has a server message for every ApiErrorCode, plus NETWORK', () => {
    const types = readFileSync(`${root}src/api/types.ts`, 'utf8');
    const union = /export type ApiErrorCode =([^;]+);/.exec(types)?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of [...codes, 'NETWORK']) expect(fr[`server.${code}`], code).toBeTypeOf('string');
  });

  it('keeps the service wording where it is fixed', () => {
    expect(fr['nir.length']).toBe('Le numéro de sécurité sociale doit contenir 15 caractères');
    expect(fr['code.charset']).toBe('Cette saisie contient un caractère non autorisé');
    expect(fr['server.NO_USER_FOUND']).toBe("Nous n'avons pas réussi à vous identifier. Veuillez vérifier votre saisie.");
    expect(fr['password.rule.special']).toBe('1 caractère spécial (!#@;%...)');
    expect(fr['serial.cardType']).toBe(fr['cardType.required']);
  });

  it('translates every error key the rules return, and every checklist key', () => {
    const today = new Date(2021, 11, 10);
    const results: Check<unknown>[] = [
      checkProvisionalCode(''), checkProvisionalCode('abc'), checkProvisionalCode('a b'),
      checkNir(''), checkNir('1'), checkNir('155125555555555'),
      checkCardType(''),
      checkSerial('', 'sans-photo'), checkSerial('a', 'sans-photo'), checkSerial('1', ''),
      checkSerial('1', 'avec-photo'), checkSerial('1', 'sans-photo'), checkSerial('12051969', 'sans-photo'),
      checkSerial('26905441', 'sans-photo', '269054410903857'),
      checkBirthDate('', today), checkBirthDate('x', today), checkBirthDate('31/02/2000', today),
      checkBirthDate('01/01/1800', today),
      checkEmail(''), checkEmail('x'),
      checkMobile(''), checkMobile('x'),
      checkOtp(''), checkOtp('x'),
      checkIdentifier('', 'seed-2021', {}), checkIdentifier('a', 'seed-2021', {}),
      checkIdentifier('a@example.fr', 'seed-2021', {}), checkIdentifier('A', 'current', {}),
      checkIdentifier('a', 'current', {}), checkIdentifier('269054410903857', 'current', { nir: '269054410903857' }),
      checkPassword('', 'current', {}), checkPassword('a', 'current', {}),
      checkPassword('Martine!Vt58', 'current', { firstName: 'Martine' }), checkPassword('Azerty123!', 'current', {}),
      checkPasswordConfirm('a', ''), checkPasswordConfirm('a', 'b'),
    ];
    const keys = new Set<string>();
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) keys.add(r.error);
    }
    for (const rule of [...passwordRules('seed-2021'), ...passwordRules('current')]) keys.add(rule.key);
    for (const key of keys) expect(fr[key], key).toBeTypeOf('string');
    expect(keys.size).toBeGreaterThanOrEqual(40);
  });
});
