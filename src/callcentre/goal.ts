import type { InboxMessage, ProfileStatus } from '../api/types';
import type { Store } from '../backend/store';
import { checkEmail, checkMobile } from '../domain';
import type { NotCoveredId, ScreenId } from '../site/types';
import type { CallGoal } from './schema';

/**
 * Whether the caller's goal is reached, read on the real state of the simulated service (the Store the
 * handlers serve) and, for what the service cannot see, on the caller's screen. Pure: the state is
 * handed in, so the same check runs in node tests and in the browser.
 */

export interface BackendChildState {
  id: string;
  status: ProfileStatus;
  proofDownloaded: boolean;
}

export interface BackendPersonaState {
  id: string;
  status: ProfileStatus;
  email: string | null;
  mobile: string | null;
  proofDownloaded: boolean;
  children: BackendChildState[];
}

/** What the goal check reads of the service: its people and every message it sent (newest first). */
export interface BackendState {
  personas: BackendPersonaState[];
  inbox: InboxMessage[];
}

/** The caller's screen, as the goal check reads it. */
export interface ScreenState {
  screen: ScreenId;
  notCovered: NotCoveredId | null;
}

/** The Store's state as the goal check reads it: a copy, never a live reference. */
export function backendStateOf(store: Store): BackendState {
  const world = store.toJSON().world;
  return {
    personas: world.personas.map((p) => ({
      id: p.id,
      status: p.status,
      email: p.email,
      mobile: p.mobile,
      proofDownloaded: p.proofDownloaded,
      children: p.children.map((c) => ({ id: c.id, status: c.status, proofDownloaded: c.proofDownloaded })),
    })),
    inbox: store.inbox(),
  };
}

/** One condition of a goal and whether it holds (the debrief lists the ones that did not). */
export interface GoalCondition {
  /** i18n key in namespace "calls" (goal.*), with its values. */
  key: string;
  values: Record<string, string>;
  met: boolean;
}

function sameEmail(a: string | null, b: string): boolean {
  if (a === null) return false;
  const want = checkEmail(b);
  return a.trim().toLowerCase() === (want.ok ? want.value : b).trim().toLowerCase();
}

function sameMobile(a: string | null, b: string): boolean {
  if (a === null) return false;
  const have = checkMobile(a);
  const want = checkMobile(b);
  return have.ok && want.ok && have.value === want.value;
}

/** Kinds of message, by the inbox's subject keys (e.g. "newCodeEmail.subject" → newCode). */
function messageKind(m: InboxMessage): 'newCode' | 'otp' | null {
  if (m.subjectKey.startsWith('newCode')) return 'newCode';
  if (m.subjectKey.startsWith('otp')) return 'otp';
  return null;
}

/**
 * Each condition of the goal, checked. `baseline` holds the ids of the messages sent before the call
 * was picked up (by the setup): a code the caller already had does not count as sent by the call.
 */
export function goalConditions(
  goal: CallGoal,
  defaultPersona: string,
  backend: BackendState,
  screen: ScreenState,
  baseline: ReadonlySet<string>,
): GoalCondition[] {
  const personaId = goal.persona ?? defaultPersona;
  const persona = backend.personas.find((p) => p.id === personaId);
  const child = goal.child === undefined ? null : (persona?.children.find((c) => c.id === goal.child) ?? null);
  const target = goal.child === undefined ? persona : child;
  const who = goal.child ?? personaId;
  const out: GoalCondition[] = [];

  const status = goal.status ?? (goal.opposed === true ? 'opposed' : undefined);
  if (status !== undefined) out.push({ key: `goal.status.${status}`, values: { who }, met: target?.status === status });
  if (goal.opposed === false) out.push({ key: 'goal.notOpposed', values: { who }, met: target !== undefined && target !== null && target.status !== 'opposed' });
  if (goal.proofDownloaded !== undefined) {
    out.push({ key: 'goal.proofDownloaded', values: { who }, met: (target?.proofDownloaded ?? false) === goal.proofDownloaded });
  }
  if (goal.inbox !== undefined) {
    const kind = goal.inbox;
    const sent = backend.inbox.some((m) => !baseline.has(m.id) && messageKind(m) === kind);
    out.push({ key: `goal.inbox.${kind}`, values: { who }, met: sent });
  }
  if (goal.contact?.email !== undefined) {
    out.push({ key: 'goal.email', values: { who, value: goal.contact.email }, met: sameEmail(persona?.email ?? null, goal.contact.email) });
  }
  if (goal.contact?.mobile !== undefined) {
    out.push({ key: 'goal.mobile', values: { who, value: goal.contact.mobile }, met: sameMobile(persona?.mobile ?? null, goal.contact.mobile) });
  }
  if (goal.screen !== undefined) {
    const onScreen = screen.screen === goal.screen && (goal.notCovered === undefined || screen.notCovered === goal.notCovered);
    out.push({ key: 'goal.screen', values: { screen: goal.screen }, met: onScreen });
  }
  return out;
}

export function goalReached(
  goal: CallGoal,
  defaultPersona: string,
  backend: BackendState,
  screen: ScreenState,
  baseline: ReadonlySet<string>,
): boolean {
  const conditions = goalConditions(goal, defaultPersona, backend, screen, baseline);
  return conditions.length > 0 && conditions.every((c) => c.met);
}
