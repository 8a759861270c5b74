import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { byChangeKind, changeKind, formatByChangeKind, type KindStep } from '../../../scripts/bench/step-kinds.mjs';

/** The benchmark reads its step changes by kind (scripts/bench/step-kinds.mjs). */
const steps = (parse(readFileSync('scenarios/pas-a-pas.yaml', 'utf8')) as { tutorial: { steps: KindStep[] } }).tutorial.steps;

describe('the kinds of step changes of the benchmark', () => {
  it('tells each change of the pas à pas by what it draws', () => {
    expect(changeKind(steps, 'cover', 'howto')).toBe('to-slide');
    expect(changeKind(steps, 'notification-letter', 'section-activation')).toBe('journey');
    expect(changeKind(steps, 'section-activation', 's1-activate')).toBe('slide-to-site');
    expect(changeKind(steps, 's1-activate', 's2-begin')).toBe('new-screen');
    expect(changeKind(steps, 's3-code', 's3-nir')).toBe('same-screen');
    expect(changeKind(steps, 's8-activated', 's9-choose')).toBe('journey');
    expect(changeKind(steps, 's8-activated', 'nowhere')).toBe(null);
  });

  it('counts every change of a pass once, each of one kind', () => {
    const pass = steps.slice(0, -1).map((s, i) => changeKind(steps, s.id, steps[i + 1]!.id));
    expect(pass).not.toContain(null);
    const count = (kind: string) => pass.filter((k) => k === kind).length;
    // The five journeys after the introduction start once each; the introduction's slides follow each other.
    expect(count('journey')).toBe(new Set(steps.map((s) => s.journey)).size - 1);
    expect(count('to-slide')).toBeGreaterThanOrEqual(4);
    expect(count('same-screen') + count('new-screen') + count('journey') + count('to-slide') + count('slide-to-site')).toBe(steps.length - 1);
  });

  it("sums up records by kind, with each kind's share of the slowest 5 %", () => {
    const records = [
      ...Array.from({ length: 18 }, (_, i) => ({ ms: 10 + i / 10, from: 's3-code', now: 's3-nir' })),
      { ms: 40, from: 's8-activated', now: 's9-choose' },
      { ms: 30, from: 's1-activate', now: 's2-begin' },
      { ms: 99, from: 'gone', now: 's2-begin' },
    ];
    const rows = byChangeKind(records, steps);
    expect(rows.map((r) => r.kind)).toEqual(['same-screen', 'new-screen', 'journey', 'other']);
    const same = rows[0]!;
    expect(same.count).toBe(18);
    expect(same.median).toBeCloseTo(10.8);
    expect(same.p95).toBeCloseTo(11.7);
    // The p95 of the 21 records is the 20th value, 40 ms: the journey's start and the unknown one reach it.
    expect(rows.map((r) => r.slowest)).toEqual([0, 0, 1, 1]);
    const line = formatByChangeKind(rows);
    expect(line).toContain('on the same screen: 18 steps, p95 11.7, median 10.8, 0 of the 2 slowest');
    expect(line).toContain("to another journey's start: 1 step, p95 40.0, median 40.0, 1 of the 2 slowest");
  });
});
