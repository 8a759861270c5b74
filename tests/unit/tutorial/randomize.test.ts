import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CARD_TYPES,
  checkBirthDate,
  checkNir,
  checkProvisionalCode,
  checkSerial,
  isRealDate,
  isoToFr,
  serialToType,
} from '../../../src/domain';
import { parseScenario } from '../../../src/scenarios/load';
import type { PersonaData } from '../../../src/scenarios/schema';
import { randomSeed, randomizePersona } from '../../../src/tutorial/evaluation/randomize';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = parseScenario(readFileSync(`${root}scenarios/pas-a-pas.yaml`, 'utf8'), 'pas-a-pas.yaml');
const martine = scenario.world.personas[0]!;

const SEEDS = Array.from({ length: 500 }, (_, i) => (i * 2654435761) >>> 0);

type Ymd = [number, number, number];

function ymd(iso: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not ISO: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Completed years on `today`, the way a birthday is counted (a 29 February birthday comes on 1 March). */
function age(birthIso: string, today: Ymd): number {
  const [by, bm, bd] = ymd(birthIso);
  const [ty, tm, td] = today;
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

function expectValidPersona(p: PersonaData, original: PersonaData, today: Date): void {
  const todayYmd: Ymd = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  // Kept as is.
  expect([p.id, p.firstName, p.middleNames, p.lastName, p.sex]).toEqual([
    original.id, original.firstName, original.middleNames, original.lastName, original.sex,
  ]);
  expect([p.email, p.mobile]).toEqual([original.email, original.mobile]);
  expect(p.children.map((c) => [c.id, c.firstName, c.lastName])).toEqual(
    original.children.map((c) => [c.id, c.firstName, c.lastName]),
  );

  // The adult: a real date in 1950–2004, of age today, accepted by the site's date check.
  const [year, month, day] = ymd(p.birthDate);
  expect(isRealDate(year, month, day), p.birthDate).toBe(true);
  expect(year).toBeGreaterThanOrEqual(1950);
  expect(year).toBeLessThanOrEqual(2004);
  expect(age(p.birthDate, todayYmd)).toBeGreaterThanOrEqual(18);
  expect(checkBirthDate(isoToFr(p.birthDate), today)).toEqual({ ok: true, value: p.birthDate });

  // NIR: valid, and consistent with sex and date of birth.
  expect(checkNir(p.nir)).toEqual({ ok: true, value: p.nir });
  expect(p.nir[0]).toBe(p.sex === 'F' ? '2' : '1');
  expect(p.nir.slice(1, 5)).toBe(`${String(year).slice(2)}${String(month).padStart(2, '0')}`);

  // Card: either type, a serial the identification form accepts for that type and that NIR.
  expect(CARD_TYPES).toContain(p.card.type);
  expect(checkSerial(serialToType(p.card.serial, p.card.type), p.card.type, p.nir).ok, p.card.serial).toBe(true);
  expect(checkSerial(p.card.serial, p.card.type, p.nir).ok, p.card.serial).toBe(true);

  // Codes: valid and all different (each letter its own).
  const codes = [p.provisionalCode, ...p.children.map((c) => c.provisionalCode)];
  for (const code of codes) expect(checkProvisionalCode(code)).toEqual({ ok: true, value: code });
  expect(new Set(codes).size).toBe(codes.length);

  // Children: real dates, born, minors today, the parent of age at each birth.
  for (const child of p.children) {
    const [cy, cm, cd] = ymd(child.birthDate);
    expect(isRealDate(cy, cm, cd), child.birthDate).toBe(true);
    expect(checkBirthDate(isoToFr(child.birthDate), today).ok, child.birthDate).toBe(true);
    const childAge = age(child.birthDate, todayYmd);
    expect(childAge).toBeGreaterThanOrEqual(0);
    expect(childAge, child.birthDate).toBeLessThan(18);
    expect(age(p.birthDate, [cy, cm, cd])).toBeGreaterThanOrEqual(18);
  }
}

/** The order of the children by age, eldest first, as indices. */
function ageOrder(p: PersonaData): number[] {
  return p.children
    .map((c, i) => ({ i, d: c.birthDate }))
    .sort((a, b) => a.d.localeCompare(b.d) || a.i - b.i)
    .map((x) => x.i);
}

describe('randomizePersona', () => {
  const today = new Date(2026, 4, 12, 10, 30);

  it('gives, for 500 seeds, values that all pass the domain checks', () => {
    for (const seed of SEEDS) expectValidPersona(randomizePersona(martine, seed, { today }), martine, today);
  });

  it('holds on the real current day too', () => {
    const now = new Date();
    for (const seed of SEEDS.slice(0, 100)) expectValidPersona(randomizePersona(martine, seed), martine, now);
  });

  it('holds on a 29 February and with an ISO « today »', () => {
    const leap = new Date(2028, 1, 29);
    for (const seed of SEEDS.slice(0, 200)) {
      expectValidPersona(randomizePersona(martine, seed, { today: leap }), martine, leap);
      expect(randomizePersona(martine, seed, { today: '2028-02-29' })).toEqual(randomizePersona(martine, seed, { today: leap }));
    }
  });

  it('is deterministic per seed, and the seeds give different people', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      expect(randomizePersona(martine, seed, { today })).toEqual(randomizePersona(martine, seed, { today }));
    }
    const nirs = new Set(SEEDS.map((seed) => randomizePersona(martine, seed, { today }).nir));
    expect(nirs.size).toBeGreaterThan(495);
    const births = new Set(SEEDS.map((seed) => randomizePersona(martine, seed, { today }).birthDate));
    expect(births.size).toBeGreaterThan(400);
  });

  it("keeps the scenario's card type and draws serials of every allowed length for it", () => {
    const people = SEEDS.map((seed) => randomizePersona(martine, seed, { today }));
    expect(new Set(people.map((p) => p.card.type))).toEqual(new Set([martine.card.type]));
    const lengths = new Set(people.map((p) => p.card.serial.length));
    expect([...lengths].sort()).toEqual([10, 11, 12, 13, 8, 9].sort());
    const photo: PersonaData = { ...martine, card: { type: 'avec-photo', serial: '80250193847261' } };
    const withPhoto = SEEDS.map((seed) => randomizePersona(photo, seed, { today }));
    expect(new Set(withPhoto.map((p) => p.card.type))).toEqual(new Set(['avec-photo']));
    expect(new Set(withPhoto.map((p) => p.card.serial.length))).toEqual(new Set([11]));
  });

  it('keeps the children in their order of age', () => {
    expect(ageOrder(martine)).toEqual([0, 1]);
    const reversed: PersonaData = {
      ...martine,
      children: [
        { ...martine.children[1]!, id: 'young', birthDate: '2019-01-01' },
        { ...martine.children[0]!, id: 'middle', birthDate: '2015-06-01' },
        { ...martine.children[0]!, id: 'old', birthDate: '2009-03-03', firstName: 'Paul' },
      ],
    };
    expect(ageOrder(reversed)).toEqual([2, 1, 0]);
    for (const seed of SEEDS) {
      expect(ageOrder(randomizePersona(martine, seed, { today }))).toEqual([0, 1]);
      const r = randomizePersona(reversed, seed, { today });
      expect(ageOrder(r)).toEqual([2, 1, 0]);
      expectValidPersona(r, reversed, today);
    }
  });

  it('works for a person without children, and does not change the given persona', () => {
    const alone: PersonaData = { ...martine, children: [] };
    const frozen = JSON.stringify(martine);
    for (const seed of SEEDS.slice(0, 100)) {
      const r = randomizePersona(alone, seed, { today });
      expectValidPersona(r, alone, today);
      expect(r.children).toEqual([]);
    }
    randomizePersona(martine, 1, { today });
    expect(JSON.stringify(martine)).toBe(frozen);
  });

  it('keeps a man a man in his NIR', () => {
    const jean: PersonaData = { ...martine, id: 'jean', firstName: 'Jean', sex: 'M' };
    for (const seed of SEEDS.slice(0, 100)) {
      const r = randomizePersona(jean, seed, { today });
      expect(r.nir[0]).toBe('1');
      expectValidPersona(r, jean, today);
    }
  });

  it('refuses a day on which nobody born 1950–2004 is of age', () => {
    expect(() => randomizePersona(martine, 1, { today: '1960-01-01' })).toThrow(RangeError);
    expect(() => randomizePersona(martine, 1, { today: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('randomSeed', () => {
  it('gives 32-bit unsigned integers that vary', () => {
    const seeds = Array.from({ length: 50 }, () => randomSeed());
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(2 ** 32);
    }
    expect(new Set(seeds).size).toBeGreaterThan(45);
  });
});
