import { describe, expect, it } from 'vitest';
import { checkBirthDate, frToIso, isoToFr } from '../../../src/domain';

const TODAY = new Date(2021, 11, 10); // 10 December 2021, local time

describe('checkBirthDate', () => {
  it('accepts jj/mm/aaaa and gives ISO', () => {
    expect(checkBirthDate('12/05/1969', TODAY)).toEqual({ ok: true, value: '1969-05-12' });
    expect(checkBirthDate(' 03/09/2010 ', TODAY)).toEqual({ ok: true, value: '2010-09-03' });
  });

  it('accepts one-digit day and month, dashes and dots', () => {
    expect(checkBirthDate('3/9/2010', TODAY)).toEqual({ ok: true, value: '2010-09-03' });
    expect(checkBirthDate('12-05-1969', TODAY)).toEqual({ ok: true, value: '1969-05-12' });
    expect(checkBirthDate('12.05.1969', TODAY)).toEqual({ ok: true, value: '1969-05-12' });
  });

  it.each(['', '   '])('requires a value: %j', (input) => {
    expect(checkBirthDate(input, TODAY)).toEqual({ ok: false, error: 'birthDate.required' });
  });

  it.each([
    ['ISO', '1969-05-12'],
    ['two-digit year', '12/05/69'],
    ['no separators', '12051969'],
    ['mixed separators', '12/05-1969'],
    ['three-digit day', '112/05/1969'],
    ['letters', '12 mai 1969'],
    ['emoji', '12/05/196😀'],
    ['control char', '12/05/\u00001969'],
  ])('refuses another format: %s', (_name, input) => {
    expect(checkBirthDate(input, TODAY)).toEqual({ ok: false, error: 'birthDate.format' });
  });

  it.each(['31/02/2000', '29/02/2021', '00/05/1969', '12/13/1969', '31/04/1990', '12/00/1969'])(
    'refuses a date that does not exist: %s',
    (input) => {
      expect(checkBirthDate(input, TODAY)).toEqual({ ok: false, error: 'birthDate.invalid' });
    },
  );

  it('accepts 29 February of a leap year', () => {
    expect(checkBirthDate('29/02/2020', TODAY)).toEqual({ ok: true, value: '2020-02-29' });
  });

  it('accepts 1900 and today, refuses before 1900 and after today', () => {
    expect(checkBirthDate('01/01/1900', TODAY).ok).toBe(true);
    expect(checkBirthDate('10/12/2021', TODAY).ok).toBe(true);
    expect(checkBirthDate('31/12/1899', TODAY)).toEqual({ ok: false, error: 'birthDate.range' });
    expect(checkBirthDate('11/12/2021', TODAY)).toEqual({ ok: false, error: 'birthDate.range' });
    expect(checkBirthDate('01/01/2022', TODAY)).toEqual({ ok: false, error: 'birthDate.range' });
  });

  it('compares with the calendar day of today, not its time', () => {
    const lateEvening = new Date(2021, 11, 10, 23, 59, 59);
    expect(checkBirthDate('10/12/2021', lateEvening).ok).toBe(true);
  });
});

describe('isoToFr / frToIso', () => {
  it('converts both ways', () => {
    expect(isoToFr('1969-05-12')).toBe('12/05/1969');
    expect(frToIso('12/05/1969')).toBe('1969-05-12');
    expect(frToIso('3/9/2010')).toBe('2010-09-03');
  });

  it('round-trips', () => {
    for (const iso of ['1900-01-01', '2013-02-21', '2020-02-29', '1999-12-31']) {
      expect(frToIso(isoToFr(iso))).toBe(iso);
    }
  });

  it('refuses what is not a real date', () => {
    expect(frToIso('31/02/2000')).toBeNull();
    expect(frToIso('hier')).toBeNull();
    expect(frToIso('')).toBeNull();
    expect(isoToFr('12/05/1969')).toBe('12/05/1969');
  });
});
