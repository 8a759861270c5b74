import { type Check, invalid, valid } from './check';
import { charCount } from './text';

export const PROVISIONAL_CODE_LENGTH = 12;

/**
 * The provisional code of the notification letter or e-mail: exactly 12 characters [0-9A-Za-z].
 * A forbidden character is reported before the length, as the real service does: it is the more
 * precise hint (a pasted space or dash, say).
 */
export function checkProvisionalCode(input: string): Check {
  const code = input.trim();
  if (code === '') return invalid('code.required');
  if (!/^[0-9A-Za-z]*$/.test(code)) return invalid('code.charset');
  if (charCount(code) !== PROVISIONAL_CODE_LENGTH) return invalid('code.length');
  return valid(code);
}
