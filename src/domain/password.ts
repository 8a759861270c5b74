import type { RuleSet } from '../scenarios/schema';
import { type Check, invalid, valid } from './check';
import { normalizeNir } from './nir';
import { charCount, fold } from './text';

/** One criterion of the checklist shown under the password field; `key` is in namespace "errors". */
export interface PasswordRule {
  id: string;
  key: string;
  test(pw: string): boolean;
}

/** Same shape as PasswordRuleState in src/site/types.ts. */
export interface PasswordRuleResult {
  id: string;
  key: string;
  ok: boolean;
}

export interface PersonalInfo {
  firstName?: string;
  lastName?: string;
  /** ISO yyyy-mm-dd or jj/mm/aaaa: only the year is used. */
  birthDate?: string;
  nir?: string;
  login?: string;
}

function minLength(n: 8 | 9): PasswordRule {
  return { id: 'minLength', key: `password.rule.min${n}`, test: (pw) => charCount(pw) >= n };
}

/**
 * Letters include accented ones (É is an uppercase letter). A special character is anything that is
 * neither a letter, a digit nor a space: the seed's « !#@;%... » is an open list.
 */
const upper: PasswordRule = { id: 'upper', key: 'password.rule.upper', test: (pw) => /\p{Lu}/u.test(pw) };
const special: PasswordRule = {
  id: 'special',
  key: 'password.rule.special',
  test: (pw) => /[^\p{L}\p{N}\s]/u.test(pw),
};
const lower: PasswordRule = { id: 'lower', key: 'password.rule.lower', test: (pw) => /\p{Ll}/u.test(pw) };
const digit: PasswordRule = { id: 'digit', key: 'password.rule.digit', test: (pw) => /[0-9]/.test(pw) };

/** In the order the seed's checklist shows them (S7). */
export function passwordRules(ruleSet: RuleSet): PasswordRule[] {
  return [minLength(ruleSet === 'current' ? 9 : 8), upper, special, lower, digit];
}

export function passwordChecklist(pw: string, ruleSet: RuleSet): PasswordRuleResult[] {
  return passwordRules(ruleSet).map((r) => ({ id: r.id, key: r.key, ok: r.test(pw) }));
}

/**
 * Personal information, compared case- and accent-insensitively: each part of the first and last
 * names of 3+ letters (« LE GUELLEC » gives « guellec » and « leguellec »), the birth year, the login
 * (3+ characters), and any 6 consecutive digits of the NIR.
 */
export function containsPersonalInfo(pw: string, personal: PersonalInfo): boolean {
  const p = fold(pw);
  const words: string[] = [];
  for (const name of [personal.firstName, personal.lastName]) {
    if (!name) continue;
    const folded = fold(name);
    words.push(folded.replace(/[^\p{L}]/gu, ''), ...folded.split(/[^\p{L}]+/u));
  }
  if (personal.login) words.push(fold(personal.login.trim()));
  if (words.some((w) => charCount(w) >= 3 && p.includes(w))) return true;

  const year = personal.birthDate ? /\b(\d{4})\b/.exec(personal.birthDate)?.[1] : undefined;
  if (year && p.includes(year)) return true;

  if (personal.nir) {
    const nir = normalizeNir(personal.nir).toLowerCase();
    for (let i = 0; i + 6 <= nir.length; i++) {
      const chunk = nir.slice(i, i + 6);
      if (/^\d{6}$/.test(chunk) && p.includes(chunk)) return true;
    }
  }
  return false;
}

/** Words that, dressed with a capital, digits and a symbol, still make a weak password. */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  'azerty', 'qwerty', 'motdepasse', 'password', 'pass', 'mdp', 'secret', 'admin',
  'administrateur', 'bonjour', 'salut', 'soleil', 'doudou', 'loulou', 'chouchou', 'jetaime',
  'iloveyou', 'welcome', 'bienvenue', 'marseille', 'paris', 'france', 'football', 'princesse',
  'monespacesante', 'espacesante', 'sante', 'vitale', 'cartevitale', 'ameli', 'secu', 'test',
  'user', 'utilisateur', 'abc', 'toto', 'titi',
];

const SEQUENCES: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  // Columns typed top to bottom, AZERTY then QWERTY (« 1qaz », « 3edc »).
  '1aqw',
  '2zsx',
  '1qaz',
  '2wsx',
  '3edc',
  '4rfv',
  '5tgb',
  '6yhn',
  '7ujm',
];

function hasSequence(p: string, length: number): boolean {
  for (const seq of SEQUENCES) {
    for (const s of [seq, [...seq].reverse().join('')]) {
      for (let i = 0; i + length <= s.length; i++) {
        if (p.includes(s.slice(i, i + length))) return true;
      }
    }
  }
  return false;
}

/**
 * The "current" rule set's weak-password test. A password is weak when:
 * - its letters alone (digits and symbols dropped, case and accents folded) are one of COMMON_PASSWORD_WORDS,
 *   i.e. a common word dressed with a capital, digits and a symbol (« Azerty123! »);
 * - the same character appears 4 times in a row (« aaaa », « 1111 »);
 * - it contains 4+ characters in keyboard or alphabetical order, either way (« azer », « 1234 »,
 *   « dcba », « qwer »).
 */
export function isWeakPassword(pw: string): boolean {
  const p = fold(pw);
  const letters = p.replace(/[^a-z]/g, '');
  if (letters !== '' && COMMON_PASSWORD_WORDS.includes(letters)) return true;
  if (/(.)\1{3}/u.test(p)) return true;
  return hasSequence(p, 4);
}

/**
 * The password chosen at activation. Both rule sets require the checklist; the "current" one also
 * refuses personal information and weak passwords, which the real service reports after submission.
 */
export function checkPassword(pw: string, ruleSet: RuleSet, personal: PersonalInfo = {}): Check {
  if (pw === '') return invalid('password.required');
  if (!passwordRules(ruleSet).every((r) => r.test(pw))) return invalid('password.rules');
  if (ruleSet === 'current') {
    if (containsPersonalInfo(pw, personal)) return invalid('password.personal');
    if (isWeakPassword(pw)) return invalid('password.weak');
  }
  return valid(pw);
}

export function checkPasswordConfirm(pw: string, confirm: string): Check {
  if (confirm === '') return invalid('confirm.required');
  if (confirm !== pw) return invalid('confirm.mismatch');
  return valid(confirm);
}
