import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  checkPasswordConfirm,
  containsPersonalInfo,
  isWeakPassword,
  passwordChecklist,
  passwordRules,
} from '../../../src/domain';

const MARTINE = {
  firstName: 'Martine',
  lastName: 'LEGUELLEC',
  birthDate: '1969-05-12',
  nir: '269054410903857',
  login: 'mleguellec',
};

describe('passwordRules / passwordChecklist', () => {
  it('follows the seed checklist order, 8 characters in 2021', () => {
    expect(passwordRules('seed-2021').map((r) => [r.id, r.key])).toEqual([
      ['minLength', 'password.rule.min8'],
      ['upper', 'password.rule.upper'],
      ['special', 'password.rule.special'],
      ['lower', 'password.rule.lower'],
      ['digit', 'password.rule.digit'],
    ]);
  });

  it('asks 9 characters with the current rules', () => {
    expect(passwordRules('current')[0]).toMatchObject({ id: 'minLength', key: 'password.rule.min9' });
  });

  it('ticks each rule independently', () => {
    const ok = (pw: string, ruleSet: 'seed-2021' | 'current' = 'seed-2021') =>
      Object.fromEntries(passwordChecklist(pw, ruleSet).map((r) => [r.id, r.ok]));
    expect(ok('')).toEqual({ minLength: false, upper: false, special: false, lower: false, digit: false });
    expect(ok('abcdefgh')).toEqual({ minLength: true, upper: false, special: false, lower: true, digit: false });
    expect(ok('A1!')).toEqual({ minLength: false, upper: true, special: true, lower: false, digit: true });
    expect(ok('Abcdefg1!').minLength).toBe(true);
    expect(ok('Abcdef1!', 'current').minLength).toBe(false);
    expect(ok('Abcdefg1!', 'current').minLength).toBe(true);
  });

  it('counts accented letters as letters, spaces not as special characters', () => {
    const state = (pw: string) => Object.fromEntries(passwordChecklist(pw, 'seed-2021').map((r) => [r.id, r.ok]));
    expect(state('É')).toMatchObject({ upper: true, special: false });
    expect(state('é')).toMatchObject({ lower: true, special: false });
    expect(state('a b')).toMatchObject({ special: false });
    expect(state('a;b')).toMatchObject({ special: true });
    expect(state('😀')).toMatchObject({ special: true });
  });

  it('counts an emoji as one character', () => {
    expect(passwordChecklist('Abcd1!😀', 'seed-2021')[0]?.ok).toBe(false);
    expect(passwordChecklist('Abcd1!😀x', 'seed-2021')[0]?.ok).toBe(true);
  });
});

describe('checkPassword, seed-2021', () => {
  it('accepts a password meeting the checklist, even with personal information', () => {
    expect(checkPassword('Martine1969!', 'seed-2021', MARTINE)).toEqual({ ok: true, value: 'Martine1969!' });
    expect(checkPassword('Azerty123!', 'seed-2021', {})).toEqual({ ok: true, value: 'Azerty123!' });
  });

  it('requires a value', () => {
    expect(checkPassword('', 'seed-2021', {})).toEqual({ ok: false, error: 'password.required' });
  });

  it.each(['Abcde1!', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'Abcdefg1', '        '])(
    'refuses when a rule fails: %j',
    (pw) => {
      expect(checkPassword(pw, 'seed-2021', {})).toEqual({ ok: false, error: 'password.rules' });
    },
  );
});

describe('checkPassword, current', () => {
  it('accepts a strong password without personal information', () => {
    expect(checkPassword('Ciel!Vert58', 'current', MARTINE)).toEqual({ ok: true, value: 'Ciel!Vert58' });
    expect(checkPassword('Kp7#rZm2Lq', 'current', MARTINE).ok).toBe(true);
  });

  it('refuses 8 characters', () => {
    expect(checkPassword('Vert!58x', 'current', {})).toEqual({ ok: false, error: 'password.rules' });
  });

  it.each([
    ['first name', 'Martine!Vt58'],
    ['first name, accents and case folded', 'MÀRTÏNE!vt58'],
    ['last name', 'Leguellec!58'],
    ['birth year', 'Ciel!Vert1969'],
    ['login', 'Mleguellec!58'],
    ['6 digits of the NIR', 'Ciel!V441090'],
  ])('refuses personal information: %s', (_name, pw) => {
    expect(checkPassword(pw, 'current', MARTINE)).toEqual({ ok: false, error: 'password.personal' });
  });

  it('handles accents in names and composed names', () => {
    const chloe = { firstName: 'Chloé', lastName: 'LE GUELLEC' };
    expect(checkPassword('Chloe!Vert58', 'current', chloe)).toEqual({ ok: false, error: 'password.personal' });
    expect(checkPassword('Ciel!Guellec5', 'current', chloe)).toEqual({ ok: false, error: 'password.personal' });
    expect(checkPassword('Leguellec!58', 'current', chloe)).toEqual({ ok: false, error: 'password.personal' });
  });

  it('ignores names shorter than 3 letters and 5 digits of the NIR', () => {
    expect(checkPassword('Ciel!Vert58Li', 'current', { firstName: 'Li' }).ok).toBe(true);
    expect(checkPassword('Ciel!V44109x', 'current', { nir: MARTINE.nir }).ok).toBe(true);
  });

  it.each([
    ['common word dressed up', 'Azerty123!'],
    ['motdepasse', 'Motdepasse1!'],
    ['accented common word', 'Santé!2468'],
    ['repeated character', 'Aaaa!Vert58'],
    ['repeated digit', 'Ciel!V1111x'],
    ['keyboard row', 'Qsdf!Vert58'],
    ['keyboard column', 'Ciel!3edcVx'],
    ['alphabetical', 'Ciel!Abcd58'],
    ['digit run', 'Ciel!V1234x'],
    ['reversed run', 'Ciel!V9876x'],
  ])('refuses weak passwords: %s', (_name, pw) => {
    expect(checkPassword(pw, 'current', MARTINE)).toEqual({ ok: false, error: 'password.weak' });
  });

  it('checks personal information before weakness', () => {
    expect(checkPassword('Martine1234!', 'current', MARTINE)).toEqual({ ok: false, error: 'password.personal' });
  });
});

describe('isWeakPassword / containsPersonalInfo', () => {
  it('leaves ordinary passwords alone', () => {
    expect(isWeakPassword('Ciel!Vert58')).toBe(false);
    expect(isWeakPassword('Tr0ub4dor&3x')).toBe(false);
  });

  it('reads the birth year from an ISO or a French date', () => {
    expect(containsPersonalInfo('x1969y', { birthDate: '1969-05-12' })).toBe(true);
    expect(containsPersonalInfo('x1969y', { birthDate: '12/05/1969' })).toBe(true);
    expect(containsPersonalInfo('x1970y', { birthDate: '1969-05-12' })).toBe(false);
  });
});

describe('checkPasswordConfirm', () => {
  it('accepts the same password', () => {
    expect(checkPasswordConfirm('Ciel!Vert58', 'Ciel!Vert58')).toEqual({ ok: true, value: 'Ciel!Vert58' });
  });

  it('requires a value', () => {
    expect(checkPasswordConfirm('Ciel!Vert58', '')).toEqual({ ok: false, error: 'confirm.required' });
  });

  it.each(['ciel!vert58', 'Ciel!Vert58 ', 'Ciel!Vert5'])('refuses a different one: %j', (confirm) => {
    expect(checkPasswordConfirm('Ciel!Vert58', confirm)).toEqual({ ok: false, error: 'confirm.mismatch' });
  });
});
