import { describe, expect, it } from 'vitest';
import { memoryResults } from '../../../src/callcentre/results-store';
import { CALL_PENALTIES, PASS_MARK, callPassed, callScore, type CallRecord } from '../../../src/callcentre/score';

describe('call score', () => {
  const clean = { wrongDiagnoses: 0, uselessQuestions: 0, refusedSubmissions: 0, prompts: 0, resolved: true };

  it('takes each penalty off 100, never below 0', () => {
    expect(callScore(clean)).toBe(100);
    expect(callScore({ ...clean, wrongDiagnoses: 1 })).toBe(100 - CALL_PENALTIES.wrongDiagnosis);
    expect(callScore({ ...clean, uselessQuestions: 2, refusedSubmissions: 1, prompts: 3 })).toBe(
      100 - 2 * CALL_PENALTIES.uselessQuestion - CALL_PENALTIES.refusedSubmission - 3 * CALL_PENALTIES.prompt,
    );
    expect(callScore({ ...clean, resolved: false })).toBe(100 - CALL_PENALTIES.unresolved);
    expect(callScore({ ...clean, wrongDiagnoses: 9, resolved: false })).toBe(0);
  });

  it('passes only a resolved call at the pass mark or above', () => {
    expect(callPassed(clean)).toBe(true);
    expect(callPassed({ ...clean, resolved: false })).toBe(false);
    expect(callPassed({ ...clean, wrongDiagnoses: 1 })).toBe(100 - CALL_PENALTIES.wrongDiagnosis >= PASS_MARK);
    expect(callPassed({ ...clean, wrongDiagnoses: 2 })).toBe(false);
  });
});

function record(id: string, endedAt: string): CallRecord {
  return {
    id,
    callId: 'c',
    callTitle: 'C',
    startedAt: endedAt,
    endedAt,
    durationMs: 1000,
    resolved: true,
    diagnosisRight: true,
    firstDiagnosis: 'x',
    wrongDiagnoses: 0,
    uselessQuestions: 0,
    refusedSubmissions: 0,
    prompts: 0,
    score: 100,
    passed: true,
    steps: [],
  };
}

describe('results store (in memory, the fake the components receive in tests)', () => {
  it('keeps records oldest first, replaces by id, copies on the way in and out, clears', async () => {
    const store = memoryResults();
    const r2 = record('b', '2026-11-26T10:00:00.000Z');
    await store.add(r2);
    await store.add(record('a', '2026-11-25T10:00:00.000Z'));
    r2.score = 0;
    expect((await store.all()).map((r) => [r.id, r.score])).toEqual([
      ['a', 100],
      ['b', 100],
    ]);
    await store.add({ ...record('a', '2026-11-27T10:00:00.000Z'), score: 40 });
    const all = await store.all();
    expect(all.map((r) => r.id)).toEqual(['b', 'a']);
    all[0]!.score = 1;
    expect((await store.all())[0]?.score).toBe(100);
    await store.clear();
    expect(await store.all()).toEqual([]);
  });
});
