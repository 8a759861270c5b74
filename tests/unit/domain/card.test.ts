import { describe, expect, it } from 'vitest';
import { checkCardType, checkSerial, looksLikeDate, serialMatches, serialToType } from '../../../src/domain';

const NIR = '269054410903857';

describe('checkCardType', () => {
  it('accepts both models', () => {
    expect(checkCardType('sans-photo')).toEqual({ ok: true, value: 'sans-photo' });
    expect(checkCardType('avec-photo')).toEqual({ ok: true, value: 'avec-photo' });
  });

  it.each(['', 'photo', 'SANS-PHOTO', ' sans-photo'])('refuses anything else: %j', (v) => {
    expect(checkCardType(v)).toEqual({ ok: false, error: 'cardType.required' });
  });
});

describe('checkSerial', () => {
  it('accepts the default persona serial without photo, with her NIR', () => {
    expect(checkSerial('09073458126', 'sans-photo', NIR)).toEqual({ ok: true, value: '09073458126' });
    expect(checkSerial(' 0907 3458 126 ', 'sans-photo', NIR)).toEqual({ ok: true, value: '09073458126' });
  });

  it.each(['', '  ', '\u00a0'])('requires a value: %j', (input) => {
    expect(checkSerial(input, 'sans-photo')).toEqual({ ok: false, error: 'serial.required' });
    expect(checkSerial(input, '')).toEqual({ ok: false, error: 'serial.required' });
  });

  it.each([
    ['letter', '0907345812a'],
    ['dash', '0907-3458126'],
    ['emoji', '0907345812😀'],
    ['control char', '09073\u00008126'],
    ['fullwidth digit', '0907345812６'],
  ])('refuses non-digits: %s', (_name, input) => {
    expect(checkSerial(input, 'sans-photo')).toEqual({ ok: false, error: 'serial.digits' });
  });

  it('asks for the card type when none is chosen', () => {
    expect(checkSerial('09073458126', '')).toEqual({ ok: false, error: 'serial.cardType' });
  });

  it.each([
    [7, false],
    [8, true],
    [13, true],
    [14, false],
  ])('without photo, %i digits → ok=%s', (length, ok) => {
    // 9s so no length of it reads as a date.
    const serial = '9'.repeat(length);
    expect(checkSerial(serial, 'sans-photo')).toEqual(
      ok ? { ok: true, value: serial } : { ok: false, error: 'serial.noPhotoLength' },
    );
  });

  it.each([
    [10, false],
    [11, true],
    [12, false],
    [8, false],
  ])('with photo, %i digits → ok=%s', (length, ok) => {
    const serial = '9'.repeat(length);
    expect(checkSerial(serial, 'avec-photo')).toEqual(
      ok ? { ok: true, value: serial } : { ok: false, error: 'serial.photoLength' },
    );
  });

  it.each(['12051969', '19690512', '01012000', '20991231', '29022024', '19000101'])(
    'refuses an 8-digit date: %s',
    (input) => {
      expect(checkSerial(input, 'sans-photo')).toEqual({ ok: false, error: 'serial.date' });
    },
  );

  it.each(['31022020', '12051899', '21000101', '29022023', '00000000', '13131969'])(
    'accepts 8 digits that are not a date: %s',
    (input) => {
      expect(checkSerial(input, 'sans-photo')).toEqual({ ok: true, value: input });
    },
  );

  it('refuses a serial taken from the NIR', () => {
    expect(checkSerial('26905441', 'sans-photo', NIR)).toEqual({ ok: false, error: 'serial.inNir' });
    expect(checkSerial('4410903857', 'sans-photo', NIR)).toEqual({ ok: false, error: 'serial.inNir' });
    expect(checkSerial('2690544109038', 'sans-photo', '2 69 05 44 109 038 57')).toEqual({
      ok: false,
      error: 'serial.inNir',
    });
    expect(checkSerial('69054410903', 'avec-photo', NIR)).toEqual({ ok: false, error: 'serial.inNir' });
  });

  it('does not look into the NIR when none is given', () => {
    expect(checkSerial('26905441', 'sans-photo')).toEqual({ ok: true, value: '26905441' });
  });
});

describe('looksLikeDate', () => {
  it('reads both orders and only real dates', () => {
    expect(looksLikeDate('12051969')).toBe(true);
    expect(looksLikeDate('19690512')).toBe(true);
    expect(looksLikeDate('19693105')).toBe(false);
    expect(looksLikeDate('1205196')).toBe(false);
  });
});

describe('serialToType / serialMatches', () => {
  it('keeps the last 11 digits of a card with photo', () => {
    expect(serialToType('8250 0000 1234 5678 901', 'avec-photo')).toBe('12345678901');
    expect(serialMatches('123 456 789 01', '82500000012345678901', 'avec-photo')).toBe(true);
    expect(serialMatches('82500000012345678901', '82500000012345678901', 'avec-photo')).toBe(false);
  });

  it('keeps the whole serial of a card without photo', () => {
    expect(serialToType('09073458126', 'sans-photo')).toBe('09073458126');
    expect(serialMatches('0907 3458 126', '09073458126', 'sans-photo')).toBe(true);
    expect(serialMatches('9073458126', '09073458126', 'sans-photo')).toBe(false);
  });
});
