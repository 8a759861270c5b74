/**
 * The evaluation's score: pure arithmetic over what the tutorial machine recorded for each step, so
 * the debrief, the certificate and the trainer's results all agree on one rule.
 */

/** What happened during one step of the evaluation. */
export interface StepRecord {
  stepId: string;
  title: string;
  journey: string;
  /** Clicks outside the step's target. */
  wrongClicks: number;
  /** Forms sent and refused (a field error or a server error the trainee caused). */
  refusedSubmissions: number;
  hintsUsed: number;
  durationMs: number;
}

export interface EvaluationResult {
  scenarioId: string;
  scenarioTitle: string;
  steps: StepRecord[];
  totalMs: number;
  /** 0–100. */
  score: number;
  passed: boolean;
  /** ISO timestamp. */
  finishedAt: string;
}

/** Points taken off the 100 for each mistake; the debrief states them. */
export const PENALTIES = {
  wrongClick: 4,
  refusedSubmission: 8,
  hint: 5,
} as const;

export const MAX_SCORE = 100;
/** The lowest passing score. */
export const PASS_MARK = 70;

function count(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${value}`);
  return value;
}

/** Points one step costs. */
export function stepPenalty(step: StepRecord): number {
  return (
    PENALTIES.wrongClick * count(step.wrongClicks, 'wrongClicks') +
    PENALTIES.refusedSubmission * count(step.refusedSubmissions, 'refusedSubmissions') +
    PENALTIES.hint * count(step.hintsUsed, 'hintsUsed')
  );
}

/** A step the debrief marks for review: the trainee clicked beside the target or had a form refused. */
export function stepHasErrors(step: StepRecord): boolean {
  return step.wrongClicks > 0 || step.refusedSubmissions > 0;
}

/** 100 − 4 × wrong clicks − 8 × refused submissions − 5 × hints, never below 0. */
export function computeScore(steps: readonly StepRecord[]): number {
  const lost = steps.reduce((sum, step) => sum + stepPenalty(step), 0);
  return Math.max(0, MAX_SCORE - lost);
}

export function isPassing(score: number): boolean {
  return score >= PASS_MARK;
}

export function computeResult(
  scenarioId: string,
  scenarioTitle: string,
  steps: readonly StepRecord[],
  finishedAt: Date | string,
): EvaluationResult {
  const end = typeof finishedAt === 'string' ? new Date(finishedAt) : finishedAt;
  if (Number.isNaN(end.getTime())) throw new RangeError(`finishedAt is not a date: ${String(finishedAt)}`);
  const totalMs = steps.reduce((sum, step) => {
    if (!Number.isFinite(step.durationMs) || step.durationMs < 0) {
      throw new RangeError(`durationMs must be ≥ 0, got ${step.durationMs} (step ${step.stepId})`);
    }
    return sum + step.durationMs;
  }, 0);
  const score = computeScore(steps);
  return {
    scenarioId,
    scenarioTitle,
    steps: steps.map((step) => ({ ...step })),
    totalMs,
    score,
    passed: isPassing(score),
    finishedAt: end.toISOString(),
  };
}

/** Whole hours, minutes and seconds of a duration, rounded to the nearest second. */
export function splitDuration(ms: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(ms / 1000));
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}
