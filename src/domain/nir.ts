import { type Check, invalid, valid } from './check';
import { charCount, stripSpaces } from './text';

export const NIR_LENGTH = 15;

/**
 * sex · year · month · département (2 digits, or 2A/2B for Corsica) · commune · order · key.
 * Months: 01–12, plus the values INSEE assigns when the month of birth is unknown or the person was
 * registered from incomplete civil-status documents (20, 30–42, 50–99). Département 00, commune 000
 * and order 000 are never assigned, so they are refused.
 */
const NIR_PATTERN = /^([12])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

/** The NIR as the rules see it: no spaces, Corsican letters uppercase. */
export function normalizeNir(input: string): string {
  return stripSpaces(input).toUpperCase();
}

function isAllowedMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month >= 50;
}

/**
 * The control key of the first 13 characters: 97 − (number mod 97), with 2A read as 19 and 2B as 18.
 * The mod is taken digit by digit, so no intermediate value ever leaves the safe-integer range
 * whatever the input (10^13 would fit, but this needs no reasoning about it).
 */
export function nirKey(first13: string): string {
  const body = first13.toUpperCase().replace(/2A/, '19').replace(/2B/, '18');
  if (!/^\d{13}$/.test(body)) throw new RangeError('nirKey expects 13 characters: digits, or 2A/2B');
  let rest = 0;
  for (const digit of body) rest = (rest * 10 + Number(digit)) % 97;
  return String(97 - rest).padStart(2, '0');
}

/** Checks the NIR typed by the person; the value is the 15 characters, without spaces. */
export function checkNir(input: string): Check {
  const nir = normalizeNir(input);
  if (nir === '') return invalid('nir.required');
  if (charCount(nir) !== NIR_LENGTH) return invalid('nir.length');
  const parts = NIR_PATTERN.exec(nir);
  if (!parts) return invalid('nir.format');
  const [, , , month, dept, commune, order, key] = parts as unknown as [
    string, string, string, string, string, string, string, string,
  ];
  if (!isAllowedMonth(Number(month))) return invalid('nir.format');
  if (dept === '00' || commune === '000' || order === '000') return invalid('nir.format');
  if (nirKey(nir.slice(0, 13)) !== key) return invalid('nir.format');
  return valid(nir);
}

/** « 2 69 05 44 109 038 57 », the way the card and the letters print it. Other input is returned normalized. */
export function formatNir(nir: string): string {
  const n = normalizeNir(nir);
  if (charCount(n) !== NIR_LENGTH) return n;
  return [n.slice(0, 1), n.slice(1, 3), n.slice(3, 5), n.slice(5, 7), n.slice(7, 10), n.slice(10, 13), n.slice(13)].join(' ');
}
