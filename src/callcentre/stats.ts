import type { CallRecord, CallStep } from './score';

/**
 * What the trainer reads on the results page, per situation: the scores over time, and the steps most
 * often got wrong (by the stable key of a step, so that the same mistake counts once per call).
 */

export interface ScorePoint {
  recordId: string;
  endedAt: string;
  score: number;
  passed: boolean;
  resolved: boolean;
}

export interface WrongStep {
  key: string;
  /** The latest occurrence, for its label. */
  step: CallStep;
  /** In how many calls this step went wrong. */
  calls: number;
}

export interface SituationStats {
  callId: string;
  callTitle: string;
  points: ScorePoint[];
  wrong: WrongStep[];
}

/** Oldest first within a situation; situations in the order of their latest call, newest first. */
export function situationStats(records: readonly CallRecord[], topWrong = 5): SituationStats[] {
  const groups = new Map<string, CallRecord[]>();
  for (const r of [...records].sort((a, b) => a.endedAt.localeCompare(b.endedAt))) {
    const list = groups.get(r.callId) ?? [];
    list.push(r);
    groups.set(r.callId, list);
  }
  const out: SituationStats[] = [];
  for (const [callId, list] of groups) {
    const wrong = new Map<string, WrongStep>();
    for (const r of list) {
      const seen = new Set<string>();
      for (const step of r.steps) {
        if (step.ok || seen.has(step.key)) continue;
        seen.add(step.key);
        const entry = wrong.get(step.key);
        wrong.set(step.key, { key: step.key, step, calls: (entry?.calls ?? 0) + 1 });
      }
      // A call that ended unresolved is a mistake of its own, as the trainer plans the next session.
      if (!r.resolved) {
        const key = 'unresolved';
        const entry = wrong.get(key);
        const step: CallStep = {
          key,
          kind: 'screen',
          label: 'results.unresolvedStep',
          labelKind: 'phrase',
          ok: false,
          prompted: false,
          response: '',
          at: r.endedAt,
          durationMs: 0,
        };
        wrong.set(key, { key, step, calls: (entry?.calls ?? 0) + 1 });
      }
    }
    const last = list[list.length - 1]!;
    out.push({
      callId,
      callTitle: last.callTitle,
      points: list.map((r) => ({ recordId: r.id, endedAt: r.endedAt, score: r.score, passed: r.passed, resolved: r.resolved })),
      wrong: [...wrong.values()].sort((a, b) => b.calls - a.calls || a.key.localeCompare(b.key)).slice(0, topWrong),
    });
  }
  return out.sort((a, b) => (b.points[b.points.length - 1]?.endedAt ?? '').localeCompare(a.points[a.points.length - 1]?.endedAt ?? ''));
}
