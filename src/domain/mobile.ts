import { type Check, invalid, valid } from './check';

/**
 * A French mobile number (06 or 07), typed in any usual form: grouped by spaces, dots or dashes,
 * national or international (+33 / 0033, with or without the trunk 0 in brackets). The value is
 * the national form, digits only: "0611121314".
 */
export function checkMobile(input: string): Check {
  const raw = input.trim();
  if (raw === '') return invalid('mobile.required');
  let digits = raw.replace(/[\s.\-]/g, '').replace(/^(\+33|0033)\(0\)/, '$1');
  if (digits.startsWith('+33')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0033')) digits = '0' + digits.slice(4);
  if (!/^0[67]\d{8}$/.test(digits)) return invalid('mobile.format');
  return valid(digits);
}

/** "0611121314" → "06 11 12 13 14"; what is not a valid mobile is returned unchanged. */
export function formatMobile(mobile: string): string {
  const c = checkMobile(mobile);
  if (!c.ok) return mobile;
  return c.value.replace(/(\d{2})(?=\d)/g, '$1 ');
}
