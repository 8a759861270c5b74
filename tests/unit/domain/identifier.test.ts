import { describe, expect, it } from 'vitest';
import { checkIdentifier } from '../../../src/domain';

const NIR = '269054410903857';

describe('checkIdentifier, seed-2021', () => {
  it('accepts 8+ characters of any kind, trimmed', () => {
    expect(checkIdentifier('martine69', 'seed-2021', { nir: NIR })).toEqual({ ok: true, value: 'martine69' });
    expect(checkIdentifier('  Martine L. ', 'seed-2021', {})).toEqual({ ok: true, value: 'Martine L.' });
    expect(checkIdentifier('abcdefgh', 'seed-2021', {})).toEqual({ ok: true, value: 'abcdefgh' });
  });

  it.each(['', '   '])('requires a value: %j', (input) => {
    expect(checkIdentifier(input, 'seed-2021', {})).toEqual({ ok: false, error: 'identifier.required' });
  });

  it('needs at least 8 characters (7 refused, emoji counted once)', () => {
    expect(checkIdentifier('abcdefg', 'seed-2021', {})).toEqual({ ok: false, error: 'identifier.minLength' });
    expect(checkIdentifier('abcdef😀', 'seed-2021', {})).toEqual({ ok: false, error: 'identifier.minLength' });
    expect(checkIdentifier('abcdefg😀', 'seed-2021', {})).toEqual({ ok: true, value: 'abcdefg😀' });
  });

  it('refuses an e-mail address', () => {
    expect(checkIdentifier('martine.leguellec@example.fr', 'seed-2021', {})).toEqual({
      ok: false,
      error: 'identifier.email',
    });
    expect(checkIdentifier('martine@maison', 'seed-2021', {})).toEqual({ ok: true, value: 'martine@maison' });
  });

  it('does not apply the current rules', () => {
    expect(checkIdentifier('Martine_LEGUELLEC', 'seed-2021', {}).ok).toBe(true);
    expect(checkIdentifier(NIR, 'seed-2021', { nir: NIR }).ok).toBe(true);
  });
});

describe('checkIdentifier, current', () => {
  it('accepts [0-9a-z._-] from 8 to 100 characters', () => {
    expect(checkIdentifier('martine.leguellec_69-2', 'current', { nir: NIR })).toEqual({
      ok: true,
      value: 'martine.leguellec_69-2',
    });
    expect(checkIdentifier('a'.repeat(8), 'current', {}).ok).toBe(true);
    expect(checkIdentifier('a'.repeat(100), 'current', {}).ok).toBe(true);
  });

  it.each(['', '  '])('requires a value: %j', (input) => {
    expect(checkIdentifier(input, 'current', {})).toEqual({ ok: false, error: 'identifier.required' });
  });

  it.each([
    ['uppercase', 'MartineLeguellec'],
    ['accent', 'chloé.leguellec'],
    ['inner space', 'martine leguellec'],
    ['@', 'martine@example.fr'],
    ['emoji', 'martine😀leguellec'],
    ['control char', 'martine\u0000leguellec'],
  ])('refuses other characters: %s', (_name, input) => {
    expect(checkIdentifier(input, 'current', {})).toEqual({ ok: false, error: 'identifier.charset' });
  });

  it('refuses 7 and 101 characters', () => {
    expect(checkIdentifier('a'.repeat(7), 'current', {})).toEqual({ ok: false, error: 'identifier.length' });
    expect(checkIdentifier('a'.repeat(101), 'current', {})).toEqual({ ok: false, error: 'identifier.length' });
  });

  it('refuses the NIR, with or without its key', () => {
    expect(checkIdentifier(NIR, 'current', { nir: NIR })).toEqual({ ok: false, error: 'identifier.nir' });
    expect(checkIdentifier(NIR, 'current', { nir: '2 69 05 44 109 038 57' })).toEqual({
      ok: false,
      error: 'identifier.nir',
    });
    expect(checkIdentifier(NIR.slice(0, 13), 'current', { nir: NIR })).toEqual({ ok: false, error: 'identifier.nir' });
    expect(checkIdentifier('180012a00412343', 'current', { nir: '180012A00412343' })).toEqual({
      ok: false,
      error: 'identifier.nir',
    });
    expect(checkIdentifier(NIR, 'current', {})).toEqual({ ok: true, value: NIR });
  });
});
