import { MAX_SCORE, PASS_MARK, PENALTIES } from '../tutorial/evaluation/score';
import type { CallContext } from './machine';

/**
 * What is kept of a finished call, and its score: pure functions of the call machine's context, so
 * that the debrief, the results page, the CSV and the xAPI statements all tell the same story.
 */

/** Points taken off the 100; the debrief states them. The guidance ones are the tutorial's. */
export const CALL_PENALTIES = {
  /** An explanation chosen that was not the caller's trouble. */
  wrongDiagnosis: 25,
  /** A question that does not help with this caller. */
  uselessQuestion: 3,
  /** The caller's screen refused what the agent had them do (a field error, a server refusal). */
  refusedSubmission: PENALTIES.refusedSubmission,
  /** An action played by « Souffler l'étape suivante ». */
  prompt: 2,
  /** The call ended before the caller's goal was reached. */
  unresolved: 50,
} as const;

export { MAX_SCORE, PASS_MARK };

export type CallStepKind = 'question' | 'diagnosis' | 'guide' | 'screen';

/** One step of a call: what the agent did, and whether it was right. */
export interface CallStep {
  /** Stable across runs of the same call, to count the steps most often got wrong. */
  key: string;
  kind: CallStepKind;
  /** Key (namespace "calls") or scenario text describing the step; see `labelValues`. */
  label: string;
  labelKind: 'text' | 'phrase';
  /** For a phrase label: its values and i18n-key values. */
  labelValues?: Record<string, string>;
  labelKeys?: Record<string, string>;
  ok: boolean;
  prompted: boolean;
  /** What the agent chose or typed, or the keys of the errors the screen showed. */
  response: string;
  /** ISO timestamp of the step. */
  at: string;
  /** Time since the previous step (or since the call was picked up). */
  durationMs: number;
}

/** A finished call, as kept in IndexedDB. */
export interface CallRecord {
  /** UUID of this run; also the xAPI registration. */
  id: string;
  callId: string;
  callTitle: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  resolved: boolean;
  /** The first explanation chosen was right. */
  diagnosisRight: boolean;
  /** The explanation the agent chose first (null: hung up before). */
  firstDiagnosis: string | null;
  wrongDiagnoses: number;
  uselessQuestions: number;
  refusedSubmissions: number;
  prompts: number;
  score: number;
  passed: boolean;
  steps: CallStep[];
}

export interface CallTally {
  wrongDiagnoses: number;
  uselessQuestions: number;
  refusedSubmissions: number;
  prompts: number;
  resolved: boolean;
}

export function callPenalty(t: CallTally): number {
  return (
    CALL_PENALTIES.wrongDiagnosis * t.wrongDiagnoses +
    CALL_PENALTIES.uselessQuestion * t.uselessQuestions +
    CALL_PENALTIES.refusedSubmission * t.refusedSubmissions +
    CALL_PENALTIES.prompt * t.prompts +
    (t.resolved ? 0 : CALL_PENALTIES.unresolved)
  );
}

/** 100 − the penalties, never below 0. */
export function callScore(t: CallTally): number {
  return Math.max(0, MAX_SCORE - callPenalty(t));
}

/** A call passes when the caller's goal was reached and the score reaches the pass mark. */
export function callPassed(t: CallTally): boolean {
  return t.resolved && callScore(t) >= PASS_MARK;
}

export function tallyOf(ctx: CallContext): CallTally {
  const questions = ctx.call.call.diagnosis.questions;
  const told = ctx.journal.filter((e) => e.kind === 'told');
  return {
    wrongDiagnoses: ctx.diagnoses.filter((d) => !d.correct).length,
    uselessQuestions: ctx.asked.filter((a) => questions.find((q) => q.id === a.id)?.useful === false).length,
    refusedSubmissions: told.filter((e) => e.refused).length,
    prompts: told.filter((e) => e.prompted).length,
    resolved: ctx.resolved,
  };
}

/** The steps of a call in the order they happened. */
export function stepsOf(ctx: CallContext): CallStep[] {
  const start = ctx.answeredAt ?? ctx.preparedAt;
  const { questions, explanations } = ctx.call.call.diagnosis;
  const raw: Array<Omit<CallStep, 'durationMs'> & { t: number }> = [];
  for (const a of ctx.asked) {
    const q = questions.find((x) => x.id === a.id);
    raw.push({
      key: `question:${a.id}`,
      kind: 'question',
      label: q?.ask ?? a.id,
      labelKind: 'text',
      ok: q?.useful !== false,
      prompted: false,
      response: a.id,
      at: new Date(a.at).toISOString(),
      t: a.at,
    });
  }
  for (const d of ctx.diagnoses) {
    raw.push({
      key: `diagnosis:${d.id}`,
      kind: 'diagnosis',
      label: explanations.find((e) => e.id === d.id)?.text ?? d.id,
      labelKind: 'text',
      ok: d.correct,
      prompted: false,
      response: d.id,
      at: new Date(d.at).toISOString(),
      t: d.at,
    });
  }
  for (const e of ctx.journal) {
    if (e.kind !== 'told') continue;
    // A refusal is counted by what the screen said, so that the trainer sees which message trips agents.
    const key = e.refused ? `refused:${e.screen}:${e.errors[0] ?? 'unknown'}` : `guide:${e.screen}:${e.phrase.key}${e.field ? `:${e.field}` : ''}`;
    raw.push({
      key,
      kind: e.refused ? 'screen' : 'guide',
      label: e.refused ? 'steps.refused' : e.phrase.key,
      labelKind: 'phrase',
      labelValues: e.refused ? {} : (e.phrase.values ?? {}),
      labelKeys: e.refused ? { screenName: `calls:screens.${e.screen}`, message: `errors:${e.errors[0] ?? 'server.SERVER_ERROR'}` } : (e.phrase.labels ?? {}),
      ok: !e.refused,
      prompted: e.prompted,
      response: e.refused ? e.errors.join(' ') : (e.phrase.values?.value ?? ''),
      at: new Date(e.at).toISOString(),
      t: e.at,
    });
  }
  raw.sort((a, b) => a.t - b.t);
  let previous = start;
  return raw.map(({ t, ...step }) => {
    const durationMs = Math.max(0, t - previous);
    previous = Math.max(previous, t);
    return { ...step, durationMs };
  });
}

/** The record of a finished call (`ctx.endedAt` set). */
export function buildRecord(ctx: CallContext, id: string): CallRecord {
  const tally = tallyOf(ctx);
  const started = ctx.answeredAt ?? ctx.preparedAt;
  const ended = ctx.endedAt ?? started;
  const first = ctx.diagnoses[0] ?? null;
  return {
    id,
    callId: ctx.call.id,
    callTitle: ctx.call.title,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    durationMs: Math.max(0, ended - started),
    resolved: tally.resolved,
    diagnosisRight: first?.correct ?? false,
    firstDiagnosis: first?.id ?? null,
    wrongDiagnoses: tally.wrongDiagnoses,
    uselessQuestions: tally.uselessQuestions,
    refusedSubmissions: tally.refusedSubmissions,
    prompts: tally.prompts,
    score: callScore(tally),
    passed: callPassed(tally),
    steps: stepsOf(ctx),
  };
}
