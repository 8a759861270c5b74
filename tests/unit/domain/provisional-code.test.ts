import { describe, expect, it } from 'vitest';
import { checkProvisionalCode } from '../../../src/domain';

describe('checkProvisionalCode', () => {
  it('accepts the persona code and trims around it', () => {
    expect(checkProvisionalCode('Kp7RmX2qLa9T')).toEqual({ ok: true, value: 'Kp7RmX2qLa9T' });
    expect(checkProvisionalCode('  Kp7RmX2qLa9T\t')).toEqual({ ok: true, value: 'Kp7RmX2qLa9T' });
    expect(checkProvisionalCode('123456789ABC')).toEqual({ ok: true, value: '123456789ABC' });
  });

  it('keeps the case (codes are case-sensitive)', () => {
    expect(checkProvisionalCode('kp7rmx2qla9t')).toEqual({ ok: true, value: 'kp7rmx2qla9t' });
  });

  it.each(['', '   ', '\n'])('requires a value: %j', (input) => {
    expect(checkProvisionalCode(input)).toEqual({ ok: false, error: 'code.required' });
  });

  it.each([
    ['11 chars', 'Kp7RmX2qLa9'],
    ['13 chars', 'Kp7RmX2qLa9TZ'],
    ['1 char', 'K'],
  ])('refuses a wrong length: %s', (_name, input) => {
    expect(checkProvisionalCode(input)).toEqual({ ok: false, error: 'code.length' });
  });

  it.each([
    ['inner space', 'Kp7R mX2qLa9T'],
    ['dash', 'Kp7R-mX2-qLa9'],
    ['accent', 'Kp7RmX2qLa9é'],
    ['emoji', 'Kp7RmX2qLa9😀'],
    ['control char', 'Kp7RmX2q\u0000a9T'],
    ['short with a forbidden char', 'ab!'],
  ])('refuses forbidden characters before the length: %s', (_name, input) => {
    expect(checkProvisionalCode(input)).toEqual({ ok: false, error: 'code.charset' });
  });
});
