import type { CardType } from '../api/types';
import { NO_PHOTO_SERIAL_MAX, NO_PHOTO_SERIAL_MIN, PHOTO_SERIAL_LENGTH, checkSerial } from './card';
import { nirKey } from './nir';
import { PROVISIONAL_CODE_LENGTH } from './provisional-code';
import { isRealDate, pad2 } from './text';

/**
 * Deterministic data for evaluations: the same seed gives the same persona, so a trainee's test can
 * be replayed and a failing test reproduced.
 */
export type Rng = () => number;

/** mulberry32: a tiny, fast 32-bit generator; values in [0, 1). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function randomDigits(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String(randomInt(rng, 0, 9));
  return s;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[randomInt(rng, 0, items.length - 1)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/**
 * A NIR consistent with the person's sex and date of birth, born in a metropolitan département
 * (Corsica's 2A/2B from 1976, when they were created).
 */
export function randomNir(rng: Rng, person: { sex: 'F' | 'M'; birthDate: string }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(person.birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`randomNir expects an ISO date, got "${person.birthDate}"`);
  }
  const year = Number(m[1]);
  const sex = person.sex === 'M' ? '1' : '2';
  const depts: string[] = [];
  for (let d = 1; d <= 95; d++) if (d !== 20) depts.push(pad2(d));
  if (year >= 1976) depts.push('2A', '2B');
  else depts.push('20');
  const dept = pick(rng, depts);
  const commune = String(randomInt(rng, 1, 990)).padStart(3, '0');
  const order = String(randomInt(rng, 1, 999)).padStart(3, '0');
  const first13 = `${sex}${m[1]!.slice(2)}${m[2]}${dept}${commune}${order}`;
  return first13 + nirKey(first13);
}

/**
 * A serial the person could read on her card: 11 digits for a card with photo (what she types),
 * 8 to 13 for one without. Drawn again while it reads as a date or sits inside the NIR, which the
 * checks refuse; the odds of either are tiny, so the loop ends at once in practice.
 */
export function randomSerial(rng: Rng, cardType: CardType, nir?: string): string {
  for (;;) {
    const length =
      cardType === 'avec-photo' ? PHOTO_SERIAL_LENGTH : randomInt(rng, NO_PHOTO_SERIAL_MIN, NO_PHOTO_SERIAL_MAX);
    const serial = randomDigits(rng, length);
    if (checkSerial(serial, cardType, nir).ok) return serial;
  }
}

/** Letters and digits that cannot be mistaken for one another on a letter (no 0/O/o, 1/I/l). */
const CODE_ALPHABET = [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'];

export function randomProvisionalCode(rng: Rng): string {
  let code = '';
  for (let i = 0; i < PROVISIONAL_CODE_LENGTH; i++) code += pick(rng, CODE_ALPHABET);
  return code;
}

export function randomOtp(rng: Rng): string {
  return randomDigits(rng, 6);
}
