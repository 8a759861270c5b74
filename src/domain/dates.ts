import { type Check, invalid, valid } from './check';
import { isRealDate, pad2 } from './text';

/** jj/mm/aaaa, also j/m/aaaa, with slashes, dashes or dots (the same separator twice). */
const FR_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseFr(input: string): { year: number; month: number; day: number } | null {
  const m = FR_DATE.exec(input.trim());
  if (!m) return null;
  return { day: Number(m[1]), month: Number(m[3]), year: Number(m[4]) };
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "12/05/1969" → "1969-05-12"; null when the text is not a date that exists. */
export function frToIso(fr: string): string | null {
  const d = parseFr(fr);
  if (!d || !isRealDate(d.year, d.month, d.day)) return null;
  return toIso(d.year, d.month, d.day);
}

/** "1969-05-12" → "12/05/1969"; anything else is returned unchanged. */
export function isoToFr(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * A date of birth typed jj/mm/aaaa; the value is ISO. `today` is read in local time, the calendar
 * day of the person at the keyboard (a scenario's "today" parsed from an ISO date falls on that day
 * in France).
 */
export function checkBirthDate(input: string, today: Date): Check {
  const text = input.trim();
  if (text === '') return invalid('birthDate.required');
  const d = parseFr(text);
  if (!d) return invalid('birthDate.format');
  if (!isRealDate(d.year, d.month, d.day)) return invalid('birthDate.invalid');
  const iso = toIso(d.year, d.month, d.day);
  const todayIso = toIso(today.getFullYear(), today.getMonth() + 1, today.getDate());
  // Same-width ISO strings compare in calendar order.
  if (d.year < 1900 || iso > todayIso) return invalid('birthDate.range');
  return valid(iso);
}
