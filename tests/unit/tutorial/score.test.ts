import { describe, expect, it } from 'vitest';
import {
  PASS_MARK,
  PENALTIES,
  computeResult,
  computeScore,
  isPassing,
  splitDuration,
  stepHasErrors,
  stepPenalty,
  type StepRecord,
} from '../../../src/tutorial/evaluation/score';
import { formatDuration } from '../../../src/tutorial/evaluation/format';
import { checkTraineeName } from '../../../src/tutorial/evaluation/trainee-name';

function step(id: string, over: Partial<StepRecord> = {}): StepRecord {
  return {
    stepId: id,
    title: `Étape ${id}`,
    journey: 'Activation',
    wrongClicks: 0,
    refusedSubmissions: 0,
    hintsUsed: 0,
    durationMs: 10_000,
    ...over,
  };
}

describe('the score rule', () => {
  it('states 4 / 8 / 5 points and a pass mark of 70', () => {
    expect(PENALTIES).toEqual({ wrongClick: 4, refusedSubmission: 8, hint: 5 });
    expect(PASS_MARK).toBe(70);
  });

  it('is 100 without mistakes', () => {
    expect(computeScore([step('a'), step('b')])).toBe(100);
    expect(computeScore([])).toBe(100);
  });

  it('takes 4 per wrong click, 8 per refused submission, 5 per hint, summed over the steps', () => {
    expect(computeScore([step('a', { wrongClicks: 1 })])).toBe(96);
    expect(computeScore([step('a', { refusedSubmissions: 1 })])).toBe(92);
    expect(computeScore([step('a', { hintsUsed: 1 })])).toBe(95);
    expect(
      computeScore([step('a', { wrongClicks: 2, hintsUsed: 1 }), step('b', { refusedSubmissions: 1 }), step('c', { wrongClicks: 1 })]),
    ).toBe(100 - 8 - 5 - 8 - 4);
    expect(stepPenalty(step('a', { wrongClicks: 3, refusedSubmissions: 2, hintsUsed: 1 }))).toBe(12 + 16 + 5);
  });

  it('never goes below 0', () => {
    expect(computeScore([step('a', { wrongClicks: 30 })])).toBe(0);
    expect(computeScore([step('a', { refusedSubmissions: 12, hintsUsed: 1 })])).toBe(0);
  });

  it('passes at 70 exactly, fails at 69', () => {
    // 70 = 100 − 5 × 4 − 2 × 5; 69 = 100 − 4 × 4 − 3 × 5.
    const seventy = [step('a', { wrongClicks: 5 }), step('b', { hintsUsed: 2 })];
    const sixtyNine = [step('a', { wrongClicks: 4 }), step('b', { hintsUsed: 3 })];
    expect(computeScore(seventy)).toBe(70);
    expect(computeScore(sixtyNine)).toBe(69);
    expect(isPassing(70)).toBe(true);
    expect(isPassing(69)).toBe(false);
    expect(computeResult('s', 'S', seventy, '2026-05-12T10:00:00Z').passed).toBe(true);
    expect(computeResult('s', 'S', sixtyNine, '2026-05-12T10:00:00Z').passed).toBe(false);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => computeScore([step('a', { wrongClicks: -1 })])).toThrow(RangeError);
    expect(() => computeScore([step('a', { hintsUsed: 1.5 })])).toThrow(RangeError);
    expect(() => computeScore([step('a', { refusedSubmissions: Number.NaN })])).toThrow(RangeError);
  });

  it('marks for review the steps with wrong clicks or refused submissions, not those with hints only', () => {
    expect(stepHasErrors(step('a'))).toBe(false);
    expect(stepHasErrors(step('a', { hintsUsed: 2 }))).toBe(false);
    expect(stepHasErrors(step('a', { wrongClicks: 1 }))).toBe(true);
    expect(stepHasErrors(step('a', { refusedSubmissions: 1 }))).toBe(true);
  });
});

describe('computeResult', () => {
  const steps = [
    step('code', { durationMs: 65_000, wrongClicks: 1 }),
    step('nir', { durationMs: 120_500, refusedSubmissions: 1 }),
    step('cgu', { durationMs: 540_000, hintsUsed: 1 }),
  ];

  it('sums the time and scores the steps', () => {
    const r = computeResult('pas-a-pas', 'Activer Mon espace santé', steps, new Date(Date.UTC(2026, 4, 12, 8, 15)));
    expect(r).toEqual({
      scenarioId: 'pas-a-pas',
      scenarioTitle: 'Activer Mon espace santé',
      steps,
      totalMs: 725_500,
      score: 100 - 4 - 8 - 5,
      passed: true,
      finishedAt: '2026-05-12T08:15:00.000Z',
    });
  });

  it('copies the steps and normalises the end time', () => {
    const r = computeResult('x', 'X', steps, '2026-05-12T10:15:00+02:00');
    expect(r.finishedAt).toBe('2026-05-12T08:15:00.000Z');
    expect(r.steps).not.toBe(steps);
    expect(r.steps[0]).not.toBe(steps[0]);
  });

  it('refuses an end time or a duration that is not one', () => {
    expect(() => computeResult('x', 'X', steps, 'hier')).toThrow(RangeError);
    expect(() => computeResult('x', 'X', [step('a', { durationMs: -1 })], new Date())).toThrow(RangeError);
  });
});

describe('durations', () => {
  it('splits to the nearest second', () => {
    expect(splitDuration(725_000)).toEqual({ hours: 0, minutes: 12, seconds: 5 });
    expect(splitDuration(59_600)).toEqual({ hours: 0, minutes: 1, seconds: 0 });
    expect(splitDuration(3_725_000)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
    expect(splitDuration(-5)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });

  it('reads « 12 min 05 s »', () => {
    expect(formatDuration(725_000, 'fr')).toBe('12 min 05 s');
    expect(formatDuration(45_000, 'fr')).toBe('45 s');
    expect(formatDuration(3_725_000, 'fr')).toBe('1 h 02 min 05 s');
    expect(formatDuration(725_000, 'en')).toBe('12 min 05 s');
  });
});

describe('checkTraineeName', () => {
  it('asks for a name', () => {
    expect(checkTraineeName('')).toEqual({ ok: false, error: 'nameRequired' });
    expect(checkTraineeName('   ')).toEqual({ ok: false, error: 'nameRequired' });
  });

  it('wants 2 to 80 characters once trimmed, counted as the person sees them', () => {
    expect(checkTraineeName(' A ')).toEqual({ ok: false, error: 'nameLength' });
    expect(checkTraineeName('Al')).toEqual({ ok: true, value: 'Al' });
    expect(checkTraineeName('a'.repeat(80)).ok).toBe(true);
    expect(checkTraineeName('a'.repeat(81))).toEqual({ ok: false, error: 'nameLength' });
    // 40 emoji are 80 UTF-16 units but 40 characters, one of them a letter: fine.
    expect(checkTraineeName(`A${'😀'.repeat(40)}`).ok).toBe(true);
  });

  it('trims and joins the spaces', () => {
    expect(checkTraineeName('  Martine   LEGUELLEC ')).toEqual({ ok: true, value: 'Martine LEGUELLEC' });
  });

  it('refuses a name of which the certificate could print no letter', () => {
    expect(checkTraineeName('李雷')).toEqual({ ok: false, error: 'nameUnprintable' });
    expect(checkTraineeName('😀😀')).toEqual({ ok: false, error: 'nameUnprintable' });
    expect(checkTraineeName('Li 李').ok).toBe(true);
  });
});
