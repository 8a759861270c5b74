import type { RuleSet } from '../scenarios/schema';
import { type Check, invalid, valid } from './check';
import { normalizeNir } from './nir';
import { charCount } from './text';

export const IDENTIFIER_MIN = 8;
export const IDENTIFIER_MAX = 100;

/** Anything shaped like an address: the 2021 site refused e-mails as identifiers. */
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The identifier chosen at activation (S7).
 * - seed-2021: at least 8 characters, not an e-mail address.
 * - current: 8 to 100 characters of [0-9a-z._-], and not the person's NIR (with or without its key).
 * Availability is the backend's business (LOGIN_ALREADY_EXISTS).
 */
export function checkIdentifier(input: string, ruleSet: RuleSet, ctx: { nir?: string } = {}): Check {
  const login = input.trim();
  if (login === '') return invalid('identifier.required');
  if (ruleSet === 'seed-2021') {
    if (charCount(login) < IDENTIFIER_MIN) return invalid('identifier.minLength');
    if (EMAIL_SHAPE.test(login)) return invalid('identifier.email');
    return valid(login);
  }
  if (!/^[0-9a-z._-]+$/.test(login)) return invalid('identifier.charset');
  if (login.length < IDENTIFIER_MIN || login.length > IDENTIFIER_MAX) return invalid('identifier.length');
  if (ctx.nir) {
    const nir = normalizeNir(ctx.nir).toLowerCase();
    if (nir !== '' && (login === nir || login === nir.slice(0, 13))) return invalid('identifier.nir');
  }
  return valid(login);
}
