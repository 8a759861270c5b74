import type { CardType } from '../api/types';
import { type Check, invalid, valid } from './check';
import { normalizeNir } from './nir';
import { charCount, isRealDate, stripSpaces } from './text';

export const CARD_TYPES: readonly CardType[] = ['sans-photo', 'avec-photo'];

/** How many digits the person types for a card with photo: the last 11 of its serial. */
export const PHOTO_SERIAL_LENGTH = 11;
export const NO_PHOTO_SERIAL_MIN = 8;
export const NO_PHOTO_SERIAL_MAX = 13;

export function isCardType(v: string): v is CardType {
  return (CARD_TYPES as readonly string[]).includes(v);
}

export function checkCardType(v: string): Check<CardType> {
  return isCardType(v) ? valid(v) : invalid('cardType.required');
}

/** An 8-digit string that reads as a real date, ddmmyyyy or yyyymmdd, between 1900 and 2099. */
export function looksLikeDate(digits: string): boolean {
  if (!/^\d{8}$/.test(digits)) return false;
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  const inRange = (y: number) => y >= 1900 && y <= 2099;
  const ddmmyyyy = inRange(n(4, 8)) && isRealDate(n(4, 8), n(2, 4), n(0, 2));
  const yyyymmdd = inRange(n(0, 4)) && isRealDate(n(0, 4), n(4, 6), n(6, 8));
  return ddmmyyyy || yyyymmdd;
}

/**
 * The serial number of the carte Vitale. People often type a date printed on the card, or part of
 * their NIR, instead of the serial: both are refused with a message that says so.
 * Checked in the order a person can act on: empty, non-digits, no card type chosen, length, then
 * the two mix-ups.
 */
export function checkSerial(input: string, cardType: CardType | '', nir?: string): Check {
  const serial = stripSpaces(input);
  if (serial === '') return invalid('serial.required');
  if (!/^\d+$/.test(serial)) return invalid('serial.digits');
  if (cardType === '') return invalid('serial.cardType');
  const length = charCount(serial);
  if (cardType === 'avec-photo') {
    if (length !== PHOTO_SERIAL_LENGTH) return invalid('serial.photoLength');
  } else if (length < NO_PHOTO_SERIAL_MIN || length > NO_PHOTO_SERIAL_MAX) {
    return invalid('serial.noPhotoLength');
  }
  if (looksLikeDate(serial)) return invalid('serial.date');
  if (nir !== undefined && normalizeNir(nir).includes(serial)) return invalid('serial.inNir');
  return valid(serial);
}

/**
 * What the person is expected to type for a card whose full serial is `cardSerial`: the digits,
 * and for a card with photo only the last 11 of them.
 */
export function serialToType(cardSerial: string, cardType: CardType): string {
  const digits = cardSerial.replace(/\D/g, '');
  return cardType === 'avec-photo' ? digits.slice(-PHOTO_SERIAL_LENGTH) : digits;
}

/** True when the typed serial designates the card on file. */
export function serialMatches(typed: string, cardSerial: string, cardType: CardType): boolean {
  return stripSpaces(typed) === serialToType(cardSerial, cardType);
}
