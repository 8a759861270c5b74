/**
 * Small text helpers shared by the rules. Lengths are counted in code points, not UTF-16 units,
 * so an emoji counts as one character, as the person typing it sees it.
 */

export function charCount(s: string): number {
  return Array.from(s).length;
}

/** Removes the spaces a person types or pastes inside a number (regular, no-break, narrow no-break). */
export function stripSpaces(s: string): string {
  return s.trim().replace(/[ \u00a0\u202f]/g, '');
}

/** Lowercase without diacritics, so « Chloé » and « CHLOE » compare equal. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** True when (year, month, day) is a date of the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids daylight-saving surprises.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
