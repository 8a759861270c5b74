import { type Check, invalid, valid } from './check';

export const EMAIL_MAX_LENGTH = 254;

/**
 * Pragmatic, not the full RFC 5322: an ASCII local part (dot-atom, no leading, trailing or double
 * dot, 64 characters at most) and a domain of at least two labels, ending in a TLD of 2+ letters
 * (or an IDN's "xn--" form). Quoted local parts and IP literals are refused: the service's mails
 * never go to them.
 */
const EMAIL =
  /^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export function isEmailLike(s: string): boolean {
  return s.length <= EMAIL_MAX_LENGTH && EMAIL.test(s);
}

/** The value is lowercased: addresses are compared and stored that way. */
export function checkEmail(input: string): Check {
  const email = input.trim();
  if (email === '') return invalid('email.required');
  if (!isEmailLike(email)) return invalid('email.format');
  return valid(email.toLowerCase());
}
