import { describe, expect, it } from 'vitest';
import { checkEmail, checkMobile, checkOtp, formatMobile, maskEmail, maskMobile } from '../../../src/domain';

describe('checkEmail', () => {
  it('accepts the persona address, trimmed and lowercased', () => {
    expect(checkEmail('martine.leguellec@example.fr')).toEqual({ ok: true, value: 'martine.leguellec@example.fr' });
    expect(checkEmail('  Martine.LeGuellec@Example.FR ')).toEqual({
      ok: true,
      value: 'martine.leguellec@example.fr',
    });
  });

  it.each(['a@b.co', 'jean-pierre+sante@mail.example.fr', "o'neil@example.fr", 'x_y@sub-domain.example.org', 'a@xn--tude-dra.fr'])(
    'accepts usual addresses: %s',
    (input) => {
      expect(checkEmail(input).ok).toBe(true);
    },
  );

  it.each(['', '  '])('requires a value: %j', (input) => {
    expect(checkEmail(input)).toEqual({ ok: false, error: 'email.required' });
  });

  it.each([
    ['no @', 'martine.example.fr'],
    ['no domain', 'martine@'],
    ['no local part', '@example.fr'],
    ['no TLD', 'martine@example'],
    ['one-letter TLD', 'martine@example.f'],
    ['inner space', 'martine leguellec@example.fr'],
    ['two @', 'martine@leguellec@example.fr'],
    ['leading dot', '.martine@example.fr'],
    ['double dot', 'martine..l@example.fr'],
    ['trailing dot in local part', 'martine.@example.fr'],
    ['domain starting with a dash', 'martine@-example.fr'],
    ['accent', 'martiné@example.fr'],
    ['emoji', 'martine😀@example.fr'],
    ['control char', 'mar\u0000tine@example.fr'],
    ['local part over 64', `${'a'.repeat(65)}@example.fr`],
    ['over 254', `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.fr`],
  ])('refuses: %s', (_name, input) => {
    expect(checkEmail(input)).toEqual({ ok: false, error: 'email.format' });
  });

  it('accepts exactly 254 characters', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(62)}.${'c'.repeat(61)}.${'d'.repeat(61)}.fr`; // 189 characters
    const email = `${local}@${domain}`;
    expect(email.length).toBe(254);
    expect(checkEmail(email).ok).toBe(true);
  });
});

describe('checkMobile', () => {
  it.each([
    '06 11 12 13 14',
    '0611121314',
    '06.11.12.13.14',
    '06-11-12-13-14',
    '+33 6 11 12 13 14',
    '+33611121314',
    '0033611121314',
    '0033 6 11 12 13 14',
    '+33 (0)6 11 12 13 14',
    ' 06 11 12 13 14 ',
  ])('accepts %j as 0611121314', (input) => {
    expect(checkMobile(input)).toEqual({ ok: true, value: '0611121314' });
  });

  it('accepts 07 numbers', () => {
    expect(checkMobile('07 98 76 54 32')).toEqual({ ok: true, value: '0798765432' });
    expect(checkMobile('+33 7 98 76 54 32')).toEqual({ ok: true, value: '0798765432' });
  });

  it.each(['', '   '])('requires a value: %j', (input) => {
    expect(checkMobile(input)).toEqual({ ok: false, error: 'mobile.required' });
  });

  it.each([
    ['landline', '01 23 45 67 89'],
    ['09 box line', '09 23 45 67 89'],
    ['9 digits', '06 11 12 13 1'],
    ['11 digits', '06 11 12 13 145'],
    ['no trunk 0', '611121314'],
    ['+33 with the 0 kept', '+33 06 11 12 13 14'],
    ['another country', '+32 6 11 12 13 14'],
    ['letters', '06 11 12 13 1a'],
    ['emoji', '06 11 12 13 1😀'],
    ['control char', '0611\u0000121314'],
  ])('refuses: %s', (_name, input) => {
    expect(checkMobile(input)).toEqual({ ok: false, error: 'mobile.format' });
  });

  it('formats in pairs', () => {
    expect(formatMobile('0611121314')).toBe('06 11 12 13 14');
    expect(formatMobile('+33611121314')).toBe('06 11 12 13 14');
    expect(formatMobile('123')).toBe('123');
  });
});

describe('checkOtp', () => {
  it('accepts 6 digits, spaces ignored', () => {
    expect(checkOtp('123456')).toEqual({ ok: true, value: '123456' });
    expect(checkOtp(' 123 456 ')).toEqual({ ok: true, value: '123456' });
    expect(checkOtp('000000')).toEqual({ ok: true, value: '000000' });
  });

  it.each(['', '  '])('requires a value: %j', (input) => {
    expect(checkOtp(input)).toEqual({ ok: false, error: 'otp.required' });
  });

  it.each(['12345', '1234567', '12345a', 'abcdef', '12-456', '12345😀', '123\u000056'])('refuses %j', (input) => {
    expect(checkOtp(input)).toEqual({ ok: false, error: 'otp.format' });
  });
});

describe('masking', () => {
  it('masks the e-mail: 3 first characters then exactly 5 stars', () => {
    expect(maskEmail('martine.leguellec@example.fr')).toBe('mar*****@example.fr');
    expect(maskEmail('jo@example.fr')).toBe('jo*****@example.fr');
    expect(maskEmail('a@example.fr')).toBe('a*****@example.fr');
    expect(maskEmail('abc@example.fr')).toBe('abc*****@example.fr');
  });

  it('masks the mobile, whatever form it was typed in', () => {
    expect(maskMobile('0611121314')).toBe('06 ** ** ** 14');
    expect(maskMobile('+33 7 98 76 54 32')).toBe('07 ** ** ** 32');
    expect(maskMobile('not a number')).toBe('** ** ** ** **');
  });
});
