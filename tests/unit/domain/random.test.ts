import { describe, expect, it } from 'vitest';
import {
  checkNir,
  checkOtp,
  checkProvisionalCode,
  checkSerial,
  createRng,
  randomNir,
  randomOtp,
  randomProvisionalCode,
  randomSerial,
} from '../../../src/domain';

const SEEDS = Array.from({ length: 1000 }, (_, i) => i * 7919 + 1);

function isoDate(rng: () => number): string {
  const year = 1920 + Math.floor(rng() * 100);
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('createRng', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('gives different sequences for different seeds', () => {
    expect(createRng(1)()).not.toBe(createRng(2)());
  });

  it('is mulberry32 (reference values)', () => {
    const rng = createRng(0);
    // mulberry32(0): first outputs, as published with the algorithm.
    expect(rng()).toBeCloseTo(0.26642920868471265, 15);
    expect(rng()).toBeCloseTo(0.0003297457005828619, 15);
  });
});

describe('random generators produce what the checks accept', () => {
  it('randomNir: valid, consistent with sex and birth date, over 1000 seeds', () => {
    for (const seed of SEEDS) {
      const rng = createRng(seed);
      const sex = rng() < 0.5 ? 'F' : 'M';
      const birthDate = isoDate(rng);
      const nir = randomNir(rng, { sex, birthDate });
      expect(checkNir(nir), `${seed}: ${nir}`).toEqual({ ok: true, value: nir });
      expect(nir[0]).toBe(sex === 'M' ? '1' : '2');
      expect(nir.slice(1, 3)).toBe(birthDate.slice(2, 4));
      expect(nir.slice(3, 5)).toBe(birthDate.slice(5, 7));
    }
  });

  it('randomNir gives Corsica 2A/2B only from 1976', () => {
    const depts = new Set<string>();
    for (const seed of SEEDS) {
      depts.add(randomNir(createRng(seed), { sex: 'F', birthDate: '1970-01-01' }).slice(5, 7));
    }
    expect(depts.has('2A')).toBe(false);
    const later = new Set(SEEDS.map((seed) => randomNir(createRng(seed), { sex: 'M', birthDate: '1990-06-15' }).slice(5, 7)));
    expect(later.has('2A') || later.has('2B')).toBe(true);
  });

  it('randomNir refuses a birth date that is not ISO', () => {
    expect(() => randomNir(createRng(1), { sex: 'F', birthDate: '12/05/1969' })).toThrow(RangeError);
    expect(() => randomNir(createRng(1), { sex: 'F', birthDate: '1969-02-30' })).toThrow(RangeError);
  });

  it('randomSerial: valid for both card types, never a date, never in the NIR, over 1000 seeds', () => {
    const lengths = new Set<number>();
    for (const seed of SEEDS) {
      const rng = createRng(seed);
      const nir = randomNir(rng, { sex: 'F', birthDate: '1969-05-12' });
      const noPhoto = randomSerial(rng, 'sans-photo', nir);
      const photo = randomSerial(rng, 'avec-photo', nir);
      lengths.add(noPhoto.length);
      expect(checkSerial(noPhoto, 'sans-photo', nir), noPhoto).toEqual({ ok: true, value: noPhoto });
      expect(checkSerial(photo, 'avec-photo', nir), photo).toEqual({ ok: true, value: photo });
      expect(photo).toHaveLength(11);
    }
    expect([...lengths].sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12, 13]);
  });

  it('randomSerial draws again when the digits would be refused', () => {
    // A NIR made of the serial itself would contain any short serial drawn from the same rng.
    const first = randomSerial(createRng(5), 'avec-photo');
    const nir = `2${first}000`;
    const again = randomSerial(createRng(5), 'avec-photo', nir);
    expect(again).not.toBe(first);
    expect(checkSerial(again, 'avec-photo', nir).ok).toBe(true);
  });

  it('randomProvisionalCode and randomOtp: valid over 1000 seeds, and varied', () => {
    const codes = new Set<string>();
    for (const seed of SEEDS) {
      const rng = createRng(seed);
      const code = randomProvisionalCode(rng);
      const otp = randomOtp(rng);
      codes.add(code);
      expect(checkProvisionalCode(code)).toEqual({ ok: true, value: code });
      expect(checkOtp(otp)).toEqual({ ok: true, value: otp });
      expect(code).not.toMatch(/[0O1Il]/);
    }
    expect(codes.size).toBe(SEEDS.length);
  });

  it('is reproducible from the seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      const nir = randomNir(rng, { sex: 'F', birthDate: '1969-05-12' });
      return [nir, randomSerial(rng, 'sans-photo', nir), randomProvisionalCode(rng), randomOtp(rng)];
    };
    expect(draw(2021)).toEqual(draw(2021));
    expect(draw(2021)).not.toEqual(draw(2022));
  });
});
