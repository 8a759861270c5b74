import type { CallRecord, CallStep } from './score';
import { stepText } from './text';

/**
 * The results as xAPI 1.0.3 statements, for an organisation's learning record store: one statement
 * per step of a call (verb answered for a question or a diagnosis, completed for an instruction given
 * to the caller) and one per call (passed or failed). The actor is a local account: the agent's name
 * on the app's origin. Activities are IRIs under the app's origin. Each call's statements share a
 * registration (the record's UUID); a step's parent activity is its call.
 */

export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'fr-FR': 'a répondu', 'en-US': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'fr-FR': 'a terminé', 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'fr-FR': 'a réussi', 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'fr-FR': 'a échoué', 'en-US': 'failed' } },
} as const;

const ACTIVITY_TYPES = {
  call: 'http://adlnet.gov/expapi/activities/simulation',
  interaction: 'http://adlnet.gov/expapi/activities/interaction',
  objective: 'http://adlnet.gov/expapi/activities/objective',
} as const;

export interface XapiOptions {
  agentName: string;
  /** The app's origin, e.g. "https://formation.example.fr": account home page and root of activity IRIs. */
  origin: string;
  /** A new UUID for each statement (crypto.randomUUID in the browser). */
  uuid: () => string;
  /** Language of the texts (RFC 5646). */
  language?: string;
}

export type Statement = Record<string, unknown>;

/** ISO 8601 duration with seconds to the hundredth: « PT1M5.25S », « PT0S ». */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round((total % 60) * 100) / 100;
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (seconds > 0 || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

const root = (origin: string) => origin.replace(/\/+$/, '');

export function callActivityId(origin: string, callId: string): string {
  return `${root(origin)}/xapi/appels/${encodeURIComponent(callId)}`;
}

export function stepActivityId(origin: string, callId: string, stepKey: string): string {
  return `${callActivityId(origin, callId)}/etapes/${encodeURIComponent(stepKey)}`;
}

function actorOf(opts: XapiOptions): Statement {
  return { objectType: 'Agent', name: opts.agentName, account: { homePage: root(opts.origin), name: opts.agentName } };
}

function callActivity(record: CallRecord, opts: XapiOptions, lang: string): Statement {
  return {
    objectType: 'Activity',
    id: callActivityId(opts.origin, record.callId),
    definition: { name: { [lang]: record.callTitle }, type: ACTIVITY_TYPES.call },
  };
}

function stepStatement(record: CallRecord, step: CallStep, opts: XapiOptions, lang: string): Statement {
  const verb = step.kind === 'question' || step.kind === 'diagnosis' ? VERBS.answered : VERBS.completed;
  return {
    id: opts.uuid(),
    actor: actorOf(opts),
    verb,
    object: {
      objectType: 'Activity',
      id: stepActivityId(opts.origin, record.callId, step.key),
      definition: {
        name: { [lang]: stepText(step) },
        type: step.kind === 'question' || step.kind === 'diagnosis' ? ACTIVITY_TYPES.interaction : ACTIVITY_TYPES.objective,
      },
    },
    result: {
      score: { scaled: step.ok ? 1 : 0 },
      success: step.ok,
      ...(step.response ? { response: step.response } : {}),
      duration: isoDuration(step.durationMs),
      extensions: { [`${root(opts.origin)}/xapi/extensions/souffle`]: step.prompted },
    },
    timestamp: step.at,
    context: {
      registration: record.id,
      contextActivities: { parent: [callActivity(record, opts, lang)] },
      platform: 'Simulateur Mon espace santé',
      language: lang,
    },
  };
}

function callStatement(record: CallRecord, opts: XapiOptions, lang: string): Statement {
  return {
    id: opts.uuid(),
    actor: actorOf(opts),
    verb: record.passed ? VERBS.passed : VERBS.failed,
    object: callActivity(record, opts, lang),
    result: {
      score: { scaled: record.score / 100, raw: record.score, min: 0, max: 100 },
      success: record.passed,
      completion: record.resolved,
      duration: isoDuration(record.durationMs),
    },
    timestamp: record.endedAt,
    context: { registration: record.id, platform: 'Simulateur Mon espace santé', language: lang },
  };
}

/** Every statement of every record: the steps of a call, then the call itself. */
export function recordsToStatements(records: readonly CallRecord[], opts: XapiOptions): Statement[] {
  const lang = opts.language ?? 'fr-FR';
  return records.flatMap((record) => [
    ...record.steps.map((step) => stepStatement(record, step, opts, lang)),
    callStatement(record, opts, lang),
  ]);
}
