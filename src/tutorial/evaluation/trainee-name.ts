import { type Check, invalid, valid } from '../../domain/check';
import { charCount } from '../../domain/text';
import { printableText } from '../../documents/certificate';

export const NAME_MIN = 2;
export const NAME_MAX = 80;

/**
 * The name typed for the certificate: trimmed, 2 to 80 characters (as the person counts them), and
 * with at least one letter or digit the certificate's font can print. Errors are keys of the
 * « evaluation:debrief.certificate » namespace.
 */
export function checkTraineeName(input: string): Check {
  const name = input.trim().replace(/\s+/gu, ' ');
  if (name === '') return invalid('nameRequired');
  const length = charCount(name);
  if (length < NAME_MIN || length > NAME_MAX) return invalid('nameLength');
  if (!/[\p{L}\p{N}]/u.test(printableText(name))) return invalid('nameUnprintable');
  return valid(name);
}
