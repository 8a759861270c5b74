import { describe, expect, it } from 'vitest';
import { checkNir, formatNir, nirKey, normalizeNir } from '../../../src/domain';

/** An independent computation of the key, with BigInt, to check nirKey against. */
function bigKey(first13: string): string {
  const n = BigInt(first13.replace('2A', '19').replace('2B', '18'));
  return String(97n - (n % 97n)).padStart(2, '0');
}

describe('nirKey', () => {
  it('computes 97 − (n mod 97)', () => {
    expect(nirKey('2690544109038')).toBe('57');
    expect(nirKey('1551255555555')).toBe('97');
  });

  it('zero-pads a one-digit key', () => {
    expect(nirKey('1000101001001')).toBe('05');
  });

  it('reads 2A as 19 and 2B as 18', () => {
    expect(nirKey('180012A004123')).toBe('43');
    expect(nirKey('180012a004123')).toBe('43');
    expect(nirKey('285122B033456')).toBe('09');
    expect(nirKey('285122A033456')).toBe('79');
  });

  it('agrees with a BigInt computation on many numbers', () => {
    for (let i = 0; i < 500; i++) {
      const body = String(1_000_000_000_000 + i * 17_999_999_999).padStart(13, '0').slice(0, 13);
      expect(nirKey(body)).toBe(bigKey(body));
    }
    expect(nirKey('9999999999999')).toBe(bigKey('9999999999999'));
  });

  it('throws on something that is not 13 characters', () => {
    expect(() => nirKey('123')).toThrow(RangeError);
    expect(() => nirKey('26905441090X8')).toThrow(RangeError);
  });
});

describe('checkNir', () => {
  it('accepts the default persona NIR, with or without spaces', () => {
    expect(checkNir('269054410903857')).toEqual({ ok: true, value: '269054410903857' });
    expect(checkNir('2 69 05 44 109 038 57')).toEqual({ ok: true, value: '269054410903857' });
    expect(checkNir(' 2\u00a069 05 44 109 038 57 ')).toEqual({ ok: true, value: '269054410903857' });
  });

  it('refuses the seed placeholder 1 55 12 55 555 555 55 (its key is 97)', () => {
    expect(checkNir('155125555555555')).toEqual({ ok: false, error: 'nir.format' });
    expect(checkNir('155125555555597').ok).toBe(true);
  });

  it('accepts Corsica 2A / 2B, typed in lowercase too', () => {
    expect(checkNir('180012A00412343')).toEqual({ ok: true, value: '180012A00412343' });
    expect(checkNir('1 80 01 2a 004 123 43')).toEqual({ ok: true, value: '180012A00412343' });
    expect(checkNir('285122B03345609')).toEqual({ ok: true, value: '285122B03345609' });
  });

  it('refuses Corsica with a key computed another way', () => {
    // The key of the same number with 20 instead of 2A, and of 2A where 2B was meant.
    expect(checkNir('180012A00412316')).toEqual({ ok: false, error: 'nir.format' });
    expect(checkNir('285122B03345679')).toEqual({ ok: false, error: 'nir.format' });
    expect(checkNir('180012C00412343')).toEqual({ ok: false, error: 'nir.format' });
  });

  it.each(['', '   ', '\t'])('requires a value: %j', (input) => {
    expect(checkNir(input)).toEqual({ ok: false, error: 'nir.required' });
  });

  it.each([
    ['14 chars', '26905441090385'],
    ['16 chars', '2690544109038570'],
    ['13 chars', '2690544109038'],
    ['letters, short', 'abc'],
  ])('refuses a wrong length: %s', (_name, input) => {
    expect(checkNir(input)).toEqual({ ok: false, error: 'nir.length' });
  });

  it.each([
    ['wrong key', '269054410903858'],
    ['sex 3', `3690544109038${nirKey('3690544109038')}`],
    ['month 13', `2691344109038${nirKey('2691344109038')}`],
    ['month 00', `2690044109038${nirKey('2690044109038')}`],
    ['département 00', `2690500109038${nirKey('2690500109038')}`],
    ['commune 000', `2690544000038${nirKey('2690544000038')}`],
    ['order 000', `2690544109000${nirKey('2690544109000')}`],
    ['letter', '26905441O903857'],
    ['emoji in place of a digit', '26905441090385😀'],
    ['control char', '2690544109038\u00007'],
    ['dots', '2.69.05.44.1090'],
  ])('refuses a malformed number: %s', (_name, input) => {
    expect(checkNir(input)).toEqual({ ok: false, error: 'nir.format' });
  });

  it.each([
    ['month 20', '2692044109038'],
    ['month 35', '2693544109038'],
    ['month 42', '2694244109038'],
    ['month 50', '2695044109038'],
    ['month 99', '2699944109038'],
    ['born abroad (99)', '1850599350123'],
  ])('accepts what INSEE assigns: %s', (_name, first13) => {
    expect(checkNir(first13 + nirKey(first13)).ok).toBe(true);
  });

  it('refuses months INSEE never assigns between the accepted ranges', () => {
    for (const month of ['13', '19', '21', '29', '43', '49']) {
      const first13 = `269${month}44109038`;
      expect(checkNir(first13 + nirKey(first13))).toEqual({ ok: false, error: 'nir.format' });
    }
  });
});

describe('formatNir / normalizeNir', () => {
  it('groups as the card prints it', () => {
    expect(formatNir('269054410903857')).toBe('2 69 05 44 109 038 57');
    expect(formatNir('2 6905 4410903857')).toBe('2 69 05 44 109 038 57');
    expect(formatNir('180012a00412343')).toBe('1 80 01 2A 004 123 43');
  });

  it('returns what is not 15 characters normalized, ungrouped', () => {
    expect(formatNir(' 2 69 05 ')).toBe('26905');
    expect(normalizeNir(' 1 80 01 2a ')).toBe('180012A');
  });
});
