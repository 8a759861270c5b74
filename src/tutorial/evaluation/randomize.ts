import { createRng, randomInt, randomNir, randomProvisionalCode, randomSerial, type Rng } from '../../domain/random';
import { pad2 } from '../../domain/text';
import type { ChildData, PersonaData } from '../../scenarios/schema';

/**
 * The evaluation's persona: the scenario's person with new identifiers, so that a trainee cannot pass
 * by typing values learnt by heart in guided mode. Names, sex, contacts and the children's names stay
 * (the scenario's wording refers to them); everything the person reads off her documents is drawn
 * again, with the domain's own generators so that every value passes the site's checks.
 */

/** Bounds of the adult's year of birth: old enough to be adult, young enough to have minor children. */
const ADULT_FIRST_DAY = '1950-01-01';
const ADULT_LAST_DAY = '2004-12-31';
const MAJORITY = 18;
/** A parent this much older than the youngest child still reads as plausible. */
const MAX_PARENT_GAP = 45;
/** The youngest child is at least this many days old: a newborn has no card, nor letter yet. */
const MIN_CHILD_AGE_DAYS = 30;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date; UTC so that no time zone or daylight saving shifts it. */
function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function isoOfDay(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function dayOfIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The same calendar day `years` earlier. A 29 February that does not exist that year becomes the
 * 28th, so that « born on or before this day » means « has had that birthday » on both sides.
 */
function yearsBefore(day: number, years: number): number {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear() - years;
  const month = d.getUTCMonth() + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayNumber(year, month, Math.min(d.getUTCDate(), lastOfMonth));
}

/** A Date is read as the calendar day of the person at the keyboard, as the site's date checks do. */
function todayNumber(today: Date | string): number {
  if (typeof today === 'string') return dayOfIso(today);
  if (Number.isNaN(today.getTime())) throw new RangeError('Invalid date for today');
  return dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

/** `count` distinct days in [first, last], ascending. */
function distinctDays(rng: Rng, count: number, first: number, last: number): number[] {
  if (last - first + 1 < count) throw new RangeError('Not enough days to draw distinct birth dates');
  const days = new Set<number>();
  while (days.size < count) days.add(randomInt(rng, first, last));
  return [...days].sort((a, b) => a - b);
}

/**
 * New birth dates for the children, all minors today, in the same order of age as the scenario's:
 * the eldest stays the eldest, so a step that names « the elder child » still holds.
 */
function childBirthDays(rng: Rng, children: readonly ChildData[], today: number): number[] {
  const first = yearsBefore(today, MAJORITY) + 1;
  const last = today - MIN_CHILD_AGE_DAYS;
  const drawn = distinctDays(rng, children.length, first, last);
  const byAge = children
    .map((child, index) => ({ index, birthDate: child.birthDate }))
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.index - b.index);
  const result = new Array<number>(children.length);
  byAge.forEach(({ index }, rank) => {
    result[index] = drawn[rank]!;
  });
  return result;
}

/**
 * The adult's range of birth days: 1950–2004 and adult today; when there are children, also adult at
 * the eldest's birth and at most 45 years older than the youngest. The family constraints are
 * dropped, latest first, rather than failing when a scenario's « today » makes them impossible.
 */
function adultRange(today: number, childDays: readonly number[]): [number, number] {
  const first = dayOfIso(ADULT_FIRST_DAY);
  const last = Math.min(dayOfIso(ADULT_LAST_DAY), yearsBefore(today, MAJORITY));
  if (first > last) throw new RangeError('No adult born 1950–2004 can be of age on this date');
  if (childDays.length === 0) return [first, last];
  const eldest = Math.min(...childDays);
  const youngest = Math.max(...childDays);
  const parentLast = Math.min(last, yearsBefore(eldest, MAJORITY));
  const parentFirst = Math.max(first, yearsBefore(youngest, MAX_PARENT_GAP));
  if (parentFirst <= parentLast) return [parentFirst, parentLast];
  if (first <= parentLast) return [first, parentLast];
  return [first, last];
}

/** `count` provisional codes, all different: each letter of the family carries its own. */
function distinctCodes(rng: Rng, count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomProvisionalCode(rng));
  return [...codes];
}

export interface RandomizeOptions {
  /** The day the children must be minors on (the scenario's « today »); the current day when omitted. */
  today?: Date | string;
}

/**
 * A copy of `persona` with a new birth date, NIR, serial (for the same card type) and provisional code, and new birth
 * dates and codes for her children. The same seed (and day) always gives the same persona.
 */
export function randomizePersona(persona: PersonaData, seed: number, opts: RandomizeOptions = {}): PersonaData {
  const rng = createRng(seed);
  const today = todayNumber(opts.today ?? new Date());

  const childDays = childBirthDays(rng, persona.children, today);
  const [first, last] = adultRange(today, childDays);
  const birthDate = isoOfDay(randomInt(rng, first, last));
  const nir = randomNir(rng, { sex: persona.sex, birthDate });
  // The card type is part of the scenario (a card with photo, a wrong type rehearsed): only its number is new.
  const cardType = persona.card.type;
  const serial = randomSerial(rng, cardType, nir);
  const [code = '', ...childCodes] = distinctCodes(rng, 1 + persona.children.length);

  return {
    ...persona,
    birthDate,
    nir,
    card: { type: cardType, serial },
    provisionalCode: code,
    takenLogins: [...persona.takenLogins],
    children: persona.children.map((child, i) => ({
      ...child,
      birthDate: isoOfDay(childDays[i]!),
      provisionalCode: childCodes[i]!,
    })),
  };
}

/** A fresh seed for a new evaluation, from the platform's cryptographic generator. */
export function randomSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}
