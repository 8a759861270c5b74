import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { initialTransition, transition, type AnyStateNode } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import { createSiteMachine, emptyForms, screenOf, type SiteApi, type SiteSnapshot } from '../../src/site/machine';
import type { ScreenId, SiteContext, SiteEvent } from '../../src/site/types';
import type { ApiErrorCode, ProfileSummary, SessionView } from '../../src/api/types';
import { MARTINE, readCode } from './site-helpers';

/**
 * The site machine's graph, for an end-to-end suite that writes itself: every state of the machine is
 * reached by its shortest path, each step of which is performed in Chromium by the UI gesture that
 * sends its event (DRIVERS), and every state on the way is checked on screen (CHECKS).
 *
 * The graph is explored on the machine itself, with its invoked requests answered by synthetic events
 * (OUTCOMES) that say what the real backend answers for the default persona; the suite then plays each
 * path against the real backend, holding each request of the site until the busy screen has been
 * checked, and provoking the refusals the path needs through the backend's fault endpoint (or the
 * toolbar's « Simuler une panne »). The events the graph may use on a screen are exactly those a driver
 * can perform there, so a state that no gesture can reach has no path, and the coverage test fails.
 */

// ---------------------------------------------------------------------------------------------------
// The machine and its graph

/** The persona's values, as typed (the NIR with its spaces, as a person copies it from the card). */
export const PERSONA = {
  code: MARTINE.code,
  nir: MARTINE.nir,
  nirCompact: MARTINE.nir.replace(/ /g, ''),
  birthDate: '12/05/1969',
  cardType: 'sans-photo',
  serial: MARTINE.serial,
  email: 'martine.nouvelle@example.fr',
  mobile: '07 22 33 44 55',
  login: 'mleguellec69',
  password: 'Printemps#2024',
  /** A syntactically valid one-time code: the real one is read from the simulated inbox when played. */
  otpPlaceholder: '000000',
} as const;

const person = (firstName: string, birthDate: string): SessionView['person'] => ({
  firstName,
  middleNames: '',
  lastName: 'LEGUELLEC',
  birthDate,
  nir: PERSONA.nirCompact,
});
const contacts = { email: 'martine.leguellec@example.fr', mobile: '0611121314' };
const profile = (id: string, firstName: string, birthDate: string): ProfileSummary => ({
  id,
  firstName,
  lastName: 'LEGUELLEC',
  birthDate,
  status: 'pending',
  decidedAt: null,
});

/**
 * What the real backend answers each invoked request for the default persona (pas-a-pas.yaml), and the
 * refusals it may give instead: the outage (« Simuler une panne »), one that blocks the journey, and
 * those the service gives that request (the 30-second delay, a taken identifier…), all provoked through
 * the backend's fault endpoint when played.
 */
export const OUTCOMES: Record<string, { output: unknown; failures: ApiErrorCode[] }> = {
  identify: {
    output: { sessionId: 's', person: person('Martine', '1969-05-12'), isChild: false, contacts, status: 'pending', decidedAt: null },
    failures: ['SERVER_ERROR', 'CODE_EXPIRED', 'NO_USER_FOUND', 'CODE_ALREADY_USED', 'PROFILE_ALREADY_EXISTS', 'DECEASED_INDIVIDUAL'],
  },
  decide: { output: { status: 'opposed', decidedAt: '2026-11-26T10:00:00Z' }, failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT'] },
  changeContact: { output: { sentTo: PERSONA.email }, failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT', 'MIN_DELAY_ERROR'] },
  verifyContact: { output: { contacts: { ...contacts, email: PERSONA.email } }, failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT'] },
  setCredentials: {
    output: { status: 'activated', decidedAt: '2026-11-26T10:00:00Z' },
    failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT', 'LOGIN_ALREADY_EXISTS', 'WEAK_PASSWORD'],
  },
  fetchProof: {
    output: { firstName: 'Martine', middleNames: 'Julie', lastName: 'LEGUELLEC', nir: PERSONA.nirCompact, opposedAt: '2026-11-26' },
    failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT'],
  },
  fetchProfiles: {
    output: [profile('lucas', 'Lucas', '2012-09-03'), profile('chloe', 'Chloé', '2013-02-21')],
    failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT'],
  },
  manageProfile: {
    output: { sessionId: 'c', person: person('Lucas', '2012-09-03'), isChild: true, contacts, status: 'pending', decidedAt: null },
    failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT'],
  },
  requestNewCode: {
    output: { sessionId: 'n', channel: 'email', maskedDestination: 'mar*****@example.fr', contacts, forFirstName: 'Martine' },
    failures: ['SERVER_ERROR', 'CONTACTS_NOT_FOUND', 'NO_USER_FOUND'],
  },
  sendNewCode: {
    output: { channel: 'email', maskedDestination: 'mar*****@example.fr' },
    failures: ['SERVER_ERROR', 'SESSION_TIMED_OUT', 'MIN_DELAY_ERROR'],
  },
};

/** The requests never answer during the traversal: the graph answers them with OUTCOMES. */
const silent: SiteApi = new Proxy({} as SiteApi, { get: () => () => new Promise(() => undefined) });
export const graphMachine = createSiteMachine({ api: silent, deliverProof: () => undefined });

export type GraphEvent = SiteEvent | { type: string; output?: unknown; error?: { code: ApiErrorCode } };

/** The leaf state a snapshot is in (the machine has no parallel states: exactly one). */
export function leafOf(snapshot: SiteSnapshot): string {
  const leaves = [...snapshot._nodes].filter((n) => n.type === 'atomic').map((n) => n.id);
  if (leaves.length !== 1) throw new Error(`expected one leaf state, got ${leaves.join(', ')}`);
  return leaves[0]!;
}

/** Every state the site can show: atomic states, without history pseudo-states and transient states. */
export function leafStateIds(node: AnyStateNode = graphMachine.root): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) return node.type === 'history' || node.always?.length ? [] : [node.id];
  return children.flatMap((child) => leafStateIds(child));
}

/** Every state node, the root first. */
export function allNodes(node: AnyStateNode = graphMachine.root): AnyStateNode[] {
  return [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap((child) => allNodes(child))];
}

/** The screen a state node belongs to (null for the root). */
export function screenOfNode(node: AnyStateNode): ScreenId | null {
  const [, first, second] = node.path.length ? ['site', ...node.path] : [];
  if (first === undefined) return null;
  if (first === 'screens') return (second as ScreenId | undefined) ?? null;
  return first as ScreenId;
}

/** The events a snapshot may receive next: a pending request's answers, or the gestures its screen offers. */
export function eventsFor(snapshot: SiteSnapshot): GraphEvent[] {
  const pending = Object.keys(snapshot.children);
  if (pending.length > 0) {
    return pending.flatMap((id) => {
      const outcome = OUTCOMES[id];
      if (!outcome) throw new Error(`no outcome for the invoked request "${id}"`);
      return [
        { type: `xstate.done.actor.${id}`, output: outcome.output },
        ...outcome.failures.map((code) => ({ type: `xstate.error.actor.${id}`, error: { code } })),
      ];
    });
  }
  return driversOn(screenOf(snapshot), snapshot.context).map((d) => d.event);
}

/** Where the machine is, and the context that changes what may happen next (the current screen's form only). */
function serialize(snapshot: SiteSnapshot): string {
  const c = snapshot.context;
  const forms: Partial<Record<ScreenId, unknown>> = {
    identify: Object.values(c.forms.identify).map(Boolean),
    newCode: Object.values(c.forms.newCode).map(Boolean),
    decision: c.forms.decision,
    editContact: c.forms.contact.value,
    verifyContact: Boolean(c.forms.contact.otp),
    credentials: Object.values(c.forms.credentials).map(Boolean),
  };
  return JSON.stringify([
    snapshot.value,
    c.session?.isChild ?? null,
    c.contactReturn,
    c.contactKind,
    c.blocker,
    c.notice !== null,
    c.profiles.length,
    forms[screenOf(snapshot)] ?? null,
  ]);
}

export interface GraphPath {
  leaf: string;
  /** The machine's first snapshot (S1). */
  start: SiteSnapshot;
  steps: { event: GraphEvent; state: SiteSnapshot }[];
}

/**
 * The shortest path to each leaf state, in the order the traversal found them. The traversal keeps one
 * snapshot per serialized state, reached by whichever route came first: the snapshots of each path are
 * computed again by replaying its events, so that each step's context is the one its own route gives.
 */
export function shortestPaths(): Map<string, GraphPath> {
  const paths = getShortestPaths(graphMachine, {
    events: eventsFor as never,
    serializeState: serialize as never,
    limit: 200_000,
    input: { ruleSet: 'seed-2021' },
  });
  const [start] = initialTransition(graphMachine, { ruleSet: 'seed-2021' });
  const byLeaf = new Map<string, GraphPath>();
  for (const path of paths) {
    const leaf = leafOf(path.state as SiteSnapshot);
    const known = byLeaf.get(leaf);
    if (known && known.steps.length <= path.steps.length - 1) continue;
    let state = start;
    const steps = path.steps.slice(1).map((s) => {
      [state] = transition(graphMachine, state, s.event as never);
      const expected = leafOf(s.state as SiteSnapshot);
      if (leafOf(state) !== expected) throw new Error(`replaying the path to ${leaf}: ${leafOf(state)} instead of ${expected}`);
      return { event: s.event as GraphEvent, state };
    });
    byLeaf.set(leaf, { leaf, start, steps });
  }
  return byLeaf;
}

/**
 * The refusals of every request: for each state that waits for an answer, its shortest path followed by
 * each refusal of OUTCOMES, so that every error the screens show is played too, not only the states the
 * refusals lead to (which shorter paths already reach).
 */
export function refusalPaths(byLeaf: Map<string, GraphPath>): GraphPath[] {
  const out: GraphPath[] = [];
  for (const path of byLeaf.values()) {
    const last = path.steps.at(-1)?.state ?? path.start;
    for (const id of Object.keys(last.children)) {
      for (const code of OUTCOMES[id]?.failures ?? []) {
        const event: GraphEvent = { type: `xstate.error.actor.${id}`, error: { code } };
        const [state] = transition(graphMachine, last, event as never);
        out.push({ leaf: leafOf(state), start: path.start, steps: [...path.steps, { event, state }] });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Drivers: the gesture that sends each event, on each screen

export interface PlayContext {
  page: Page;
  /** The context the machine is expected to have before the gesture. */
  ctx: SiteContext;
}

export interface Driver {
  /** The event the gesture sends (the traversal offers exactly this event). */
  event: SiteEvent;
  /** Whether the element is on the screen in this context (a profile's button, a child's « Retour »…). */
  when?: (ctx: SiteContext) => boolean;
  act: (play: PlayContext, event: SiteEvent) => Promise<void>;
}

export const screenLocator = (page: Page, screen: ScreenId): Locator => page.locator(`[data-screen="${screen}"]`);
const hotspot = (page: Page, screen: ScreenId, name: string): Locator =>
  screenLocator(page, screen).locator(`[data-hotspot="${name}"]`).first();
const clickOn =
  (screen: ScreenId, name: string) =>
  async ({ page }: PlayContext): Promise<void> => {
    await hotspot(page, screen, name).click();
  };
const fillOn =
  (screen: ScreenId, name: string) =>
  async ({ page }: PlayContext, event: SiteEvent): Promise<void> => {
    if (event.type !== 'FIELD') throw new Error(`a field driver got ${event.type}`);
    await hotspot(page, screen, name).fill(event.value);
  };
const field = <F extends SiteEvent & { type: 'FIELD' }>(form: F['form'], name: F['field'], value: string): SiteEvent =>
  ({ type: 'FIELD', form, field: name, value }) as SiteEvent;

const isChild = (ctx: SiteContext): boolean => ctx.session?.isChild === true;
const offersNewCode = (ctx: SiteContext): boolean => ctx.blocker === 'CODE_EXPIRED' || ctx.blocker === 'CODE_ALREADY_USED';
const offersLogin = (ctx: SiteContext): boolean => ctx.blocker === 'CODE_ALREADY_USED' || ctx.blocker === 'PROFILE_ALREADY_EXISTS';

/** The gestures of every screen; '*' is the site's frame around them (logo, « Besoin d'aide ? »). */
export const DRIVERS: Record<ScreenId | '*', Driver[]> = {
  '*': [
    {
      event: { type: 'HOME' },
      act: async ({ page }) => {
        await page.locator('mes-site-frame [data-hotspot="logo"]').click();
      },
    },
    {
      event: { type: 'NOT_COVERED', which: 'help' },
      act: async ({ page }) => {
        await page.locator('mes-site-frame [data-hotspot="help"]').click();
      },
    },
  ],
  home: [
    { event: { type: 'ACTIVATE_SPACE' }, act: clickOn('home', 'activate-space') },
    { event: { type: 'NOT_COVERED', which: 'login' }, act: clickOn('home', 'login') },
  ],
  start: [
    { event: { type: 'BEGIN' }, act: clickOn('start', 'begin') },
    { event: { type: 'NEW_CODE' }, act: clickOn('start', 'new-code') },
    { event: { type: 'NOT_COVERED', which: 'login' }, act: clickOn('start', 'login') },
  ],
  identify: [
    { event: { type: 'BACK' }, act: clickOn('identify', 'back') },
    { event: { type: 'NEW_CODE' }, act: clickOn('identify', 'new-code') },
    { event: field('identify', 'code', PERSONA.code), act: fillOn('identify', 'code') },
    { event: field('identify', 'nir', PERSONA.nir), act: fillOn('identify', 'nir') },
    { event: field('identify', 'cardType', PERSONA.cardType), act: clickOn('identify', `card-${PERSONA.cardType}`) },
    { event: field('identify', 'serial', PERSONA.serial), act: fillOn('identify', 'serial') },
    { event: { type: 'SUBMIT' }, act: clickOn('identify', 'submit') },
  ],
  decision: [
    { event: { type: 'BACK' }, act: clickOn('decision', 'back') },
    { event: { type: 'CHOOSE', choice: 'activate' }, act: clickOn('decision', 'choice-activate') },
    { event: { type: 'CHOOSE', choice: 'oppose' }, act: clickOn('decision', 'choice-oppose') },
    { event: { type: 'TOGGLE_CGU', checked: true }, when: (ctx) => !ctx.forms.decision.cgu, act: clickOn('decision', 'cgu') },
    { event: { type: 'TOGGLE_CGU', checked: false }, when: (ctx) => ctx.forms.decision.cgu, act: clickOn('decision', 'cgu') },
    { event: { type: 'NOT_COVERED', which: 'cgu' }, act: clickOn('decision', 'link-cgu') },
    { event: { type: 'NOT_COVERED', which: 'privacy' }, act: clickOn('decision', 'link-privacy') },
    { event: { type: 'SUBMIT' }, act: clickOn('decision', 'submit') },
  ],
  confirmOpposition: [
    { event: { type: 'BACK' }, act: clickOn('confirmOpposition', 'cancel') },
    { event: { type: 'SUBMIT' }, act: clickOn('confirmOpposition', 'submit') },
  ],
  opposed: [
    { event: { type: 'DOWNLOAD_PROOF' }, act: clickOn('opposed', 'download-proof') },
    {
      event: { type: 'MANAGE_PROFILE', profileId: 'lucas' },
      when: (ctx) => ctx.profiles.some((p) => p.id === 'lucas' && (p.status === 'pending' || p.status === 'opposed')),
      act: clickOn('opposed', 'manage-lucas'),
    },
    { event: { type: 'BACK' }, when: isChild, act: clickOn('opposed', 'back-profiles') },
  ],
  contacts: [
    { event: { type: 'BACK' }, act: clickOn('contacts', 'back') },
    { event: { type: 'EDIT_CONTACT', kind: 'email' }, act: clickOn('contacts', 'edit-email') },
    { event: { type: 'EDIT_CONTACT', kind: 'mobile' }, act: clickOn('contacts', 'edit-mobile') },
    { event: { type: 'SUBMIT' }, act: clickOn('contacts', 'submit') },
  ],
  editContact: [
    { event: { type: 'BACK' }, act: clickOn('editContact', 'cancel') },
    { event: field('contact', 'value', PERSONA.email), when: (ctx) => ctx.contactKind === 'email', act: fillOn('editContact', 'contact-value') },
    { event: field('contact', 'value', PERSONA.mobile), when: (ctx) => ctx.contactKind === 'mobile', act: fillOn('editContact', 'contact-value') },
    { event: { type: 'SUBMIT' }, act: clickOn('editContact', 'submit') },
  ],
  verifyContact: [
    { event: { type: 'BACK' }, act: clickOn('verifyContact', 'cancel') },
    {
      // The code the service really sent: read in the simulated inbox or phone, as the person does.
      event: field('contact', 'otp', PERSONA.otpPlaceholder),
      act: async ({ page, ctx }) => {
        const code = await readCode(page, ctx.contactKind === 'mobile' ? 'Téléphone' : 'Messagerie');
        await hotspot(page, 'verifyContact', 'otp').fill(code);
      },
    },
    { event: { type: 'RESEND' }, act: clickOn('verifyContact', 'resend') },
    { event: { type: 'SUBMIT' }, act: clickOn('verifyContact', 'submit') },
  ],
  credentials: [
    { event: { type: 'BACK' }, act: clickOn('credentials', 'back') },
    { event: field('credentials', 'login', PERSONA.login), act: fillOn('credentials', 'login') },
    { event: field('credentials', 'password', PERSONA.password), act: fillOn('credentials', 'password') },
    { event: field('credentials', 'confirm', PERSONA.password), act: fillOn('credentials', 'confirm') },
    { event: { type: 'SUBMIT' }, act: clickOn('credentials', 'submit') },
  ],
  activated: [
    { event: { type: 'NOT_COVERED', which: 'discover' }, act: clickOn('activated', 'discover') },
    { event: { type: 'NOT_COVERED', which: 'otherProfile' }, act: clickOn('activated', 'other-profile') },
    { event: { type: 'BACK' }, when: isChild, act: clickOn('activated', 'back-profiles') },
  ],
  newCode: [
    { event: { type: 'BACK' }, act: clickOn('newCode', 'back') },
    { event: field('newCode', 'nir', PERSONA.nir), act: fillOn('newCode', 'nir') },
    { event: field('newCode', 'birthDate', PERSONA.birthDate), act: fillOn('newCode', 'birth-date') },
    { event: field('newCode', 'cardType', PERSONA.cardType), act: clickOn('newCode', `card-${PERSONA.cardType}`) },
    { event: field('newCode', 'serial', PERSONA.serial), act: fillOn('newCode', 'serial') },
    { event: { type: 'SUBMIT' }, act: clickOn('newCode', 'submit') },
  ],
  delivery: [
    { event: { type: 'BACK' }, act: clickOn('delivery', 'back') },
    { event: { type: 'EDIT_CONTACT', kind: 'email' }, when: (ctx) => ctx.delivery?.channel !== 'sms', act: clickOn('delivery', 'wrong-contacts') },
    { event: { type: 'EDIT_CONTACT', kind: 'mobile' }, when: (ctx) => ctx.delivery?.channel === 'sms', act: clickOn('delivery', 'wrong-contacts') },
    { event: { type: 'DISMISS_NOTICE' }, when: (ctx) => ctx.notice !== null, act: clickOn('delivery', 'dismiss-notice') },
    { event: { type: 'SUBMIT' }, act: clickOn('delivery', 'submit') },
  ],
  codeSent: [{ event: { type: 'BEGIN' }, act: clickOn('codeSent', 'begin') }],
  blocked: [
    { event: { type: 'NEW_CODE' }, when: offersNewCode, act: clickOn('blocked', 'new-code') },
    { event: { type: 'NOT_COVERED', which: 'login' }, when: offersLogin, act: clickOn('blocked', 'login') },
    { event: { type: 'HOME' }, act: clickOn('blocked', 'home') },
  ],
  notCovered: [{ event: { type: 'BACK' }, act: clickOn('notCovered', 'back') }],
};

/**
 * Events a state handles that no gesture of its screen sends, each with the reason. The coverage test
 * fails on any other handled event without a driver, and on an entry here the machine no longer handles.
 */
export const NOT_SENT_BY_THE_UI: Record<string, string> = {
  'start BACK':
    'S2 has no back arrow (as on the real site): the machine keeps BACK for scenario steps; the logo (HOME) leads back to S1.',
};

/** The drivers whose element is on `screen` in `ctx`. */
export function driversOn(screen: ScreenId, ctx: SiteContext): Driver[] {
  return [...DRIVERS[screen], ...DRIVERS['*']].filter((d) => !d.when || d.when(ctx));
}

export function driverFor(screen: ScreenId, ctx: SiteContext, event: SiteEvent): Driver {
  const key = JSON.stringify(event);
  const driver = driversOn(screen, ctx).find((d) => JSON.stringify(d.event) === key);
  if (!driver) throw new Error(`no driver sends ${key} on ${screen}`);
  return driver;
}

/** The fields of each form that FIELD events fill (the decision is made by CHOOSE and TOGGLE_CGU). */
export function formFields(): string[] {
  return Object.entries(emptyForms())
    .filter(([form]) => form !== 'decision')
    .flatMap(([form, fields]) => Object.keys(fields).map((name) => `${form}.${name}`));
}

// ---------------------------------------------------------------------------------------------------
// Checkers: what each state shows

/** How a state shows itself beyond its screen's title. */
export type Look =
  /** The screen's main button (hotspot "submit") says it is sending. */
  | 'submit-busy'
  /** The main button is ready. */
  | 'submit-ready'
  /** S11: the justificatif's link says it is downloading (also while a child's profile opens). */
  | 'download-busy'
  /** S11 ready: the download link is ready and the profiles, once loaded, are listed. */
  | 'download-ready'
  /** S11 while the profiles load: none listed yet. */
  | 'profiles-loading'
  /** A screen without a busy state. */
  | 'static';

/** Every leaf state of the machine, and how it looks. */
export const CHECKS: Record<string, Look> = {
  'site.screens.home': 'static',
  'site.screens.start': 'static',
  'site.screens.identify.editing': 'submit-ready',
  'site.screens.identify.submitting': 'submit-busy',
  'site.screens.decision.editing': 'submit-ready',
  'site.screens.decision.submitting': 'submit-busy',
  'site.screens.confirmOpposition.idle': 'submit-ready',
  'site.screens.confirmOpposition.submitting': 'submit-busy',
  'site.screens.opposed.loadingProfiles': 'profiles-loading',
  'site.screens.opposed.idle': 'download-ready',
  'site.screens.opposed.downloading': 'download-busy',
  'site.screens.opposed.managing': 'download-busy',
  'site.screens.contacts': 'submit-ready',
  'site.screens.editContact.editing': 'submit-ready',
  'site.screens.editContact.sending': 'submit-busy',
  'site.screens.verifyContact.editing': 'submit-ready',
  'site.screens.verifyContact.verifying': 'submit-busy',
  'site.screens.verifyContact.resending': 'submit-busy',
  'site.screens.credentials.editing': 'submit-ready',
  'site.screens.credentials.submitting': 'submit-busy',
  'site.screens.activated': 'static',
  'site.screens.newCode.editing': 'submit-ready',
  'site.screens.newCode.submitting': 'submit-busy',
  'site.screens.delivery.idle': 'submit-ready',
  'site.screens.delivery.sending': 'submit-busy',
  'site.screens.codeSent': 'static',
  'site.screens.blocked': 'static',
  'site.notCovered': 'static',
};

/** Whether a look says a request is in flight (the coverage test compares it with the machine's `busy`). */
export const looksBusy = (look: Look): boolean => look === 'submit-busy' || look === 'download-busy';

/** The French texts, read from the same files as the app's (namespace:key, {{value}} interpolation). */
const catalogues = new Map<string, unknown>();
export function tr(key: string, values: Record<string, string> = {}): string {
  const [ns, path] = key.split(':') as [string, string];
  if (!catalogues.has(ns)) catalogues.set(ns, JSON.parse(readFileSync(`locales/fr/${ns}.json`, 'utf8')));
  let node: unknown = catalogues.get(ns);
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no French text for ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** The title (h1) each screen shows, given the context: every screen id must have one. */
export const TITLES: Record<ScreenId, (ctx: SiteContext) => string> = {
  home: () => tr('home:title'),
  start: () => tr('start:title'),
  identify: () => tr('identify:title'),
  decision: (ctx) => tr('decision:hello', { firstName: ctx.session?.person.firstName ?? '' }),
  confirmOpposition: () => tr('opposition:confirm.title'),
  opposed: (ctx) =>
    isChild(ctx)
      ? tr('opposition:opposed.titleChild', { firstName: ctx.session?.person.firstName ?? '' })
      : tr('opposition:opposed.title'),
  contacts: () => tr('contacts:title'),
  editContact: (ctx) => tr(ctx.contactKind === 'mobile' ? 'contacts:edit.mobileTitle' : 'contacts:edit.emailTitle'),
  verifyContact: (ctx) => tr(ctx.contactKind === 'mobile' ? 'contacts:verify.mobileTitle' : 'contacts:verify.emailTitle'),
  credentials: () => tr('credentials:title'),
  activated: (ctx) =>
    isChild(ctx) ? tr('activated:titleChild', { firstName: ctx.session?.person.firstName ?? '' }) : tr('activated:title'),
  newCode: () => tr('newcode:title'),
  delivery: () => tr('newcode:delivery.title'),
  codeSent: () => tr('newcode:sent.title'),
  blocked: (ctx) => tr(`blocked:${ctx.blocker ?? 'generic'}.title`),
  notCovered: () => tr('notcovered:title'),
};

const normalize = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();
const TIMEOUT = 10_000;

async function hasText(locator: Locator, expected: string, what: string): Promise<void> {
  await expect.poll(async () => normalize(await locator.first().textContent({ timeout: TIMEOUT }).catch(() => null)), { timeout: TIMEOUT, message: what }).toBe(expected);
}

async function hasAttribute(locator: Locator, name: string, expected: string, what: string): Promise<void> {
  await expect.poll(async () => locator.first().getAttribute(name, { timeout: TIMEOUT }).catch(() => null), { timeout: TIMEOUT, message: what }).toBe(expected);
}

/** Waits until the page shows the leaf state `leaf` with the context `ctx`, or fails saying what differs. */
export async function check(page: Page, leaf: string, ctx: SiteContext): Promise<void> {
  const look = CHECKS[leaf];
  if (!look) throw new Error(`no check for ${leaf}`);
  const screen = screenOfNode(graphMachine.getStateNodeById(leaf));
  if (!screen) throw new Error(`${leaf} is no screen`);
  const root = screenLocator(page, screen);
  await root.waitFor({ state: 'visible', timeout: TIMEOUT });
  await hasText(root.locator('h1'), TITLES[screen](ctx), `${leaf}: title`);
  if (look === 'submit-busy' || look === 'submit-ready') {
    const submit = root.locator('[data-hotspot="submit"]');
    await hasAttribute(submit, 'aria-disabled', String(look === 'submit-busy'), `${leaf}: main button busy`);
    if (look === 'submit-busy') await hasText(submit, tr('common:sending'), `${leaf}: main button label`);
  }
  if (look === 'download-busy' || look === 'download-ready' || look === 'profiles-loading') {
    const download = root.locator('[data-hotspot="download-proof"]');
    await hasAttribute(download, 'aria-disabled', String(look === 'download-busy'), `${leaf}: download link busy`);
    const names = root.locator('.profile .name');
    const expected = look === 'profiles-loading' ? [] : ctx.profiles.map((p) => `${p.firstName} ${p.lastName}`);
    await expect
      .poll(async () => (await names.allTextContents()).map(normalize), { timeout: TIMEOUT, message: `${leaf}: profiles listed` })
      .toEqual(expected);
  }
  if (screen === 'blocked') await hasAttribute(root.locator('[data-blocker]'), 'data-blocker', ctx.blocker ?? 'generic', `${leaf}: which refusal`);
  if (screen === 'notCovered' && ctx.notCovered) {
    await hasAttribute(root.locator('[data-not-covered]'), 'data-not-covered', ctx.notCovered, `${leaf}: which page`);
    await hasText(root.locator('p').first(), tr(`notcovered:reason.${ctx.notCovered}`), `${leaf}: why it is not covered`);
  }
  // What the context says must be shown: the server's refusal, the field errors, the confirmation.
  if (ctx.formError) {
    const text = tr(`errors:${ctx.formError.key}`, ctx.formError.values);
    await root.locator('[role="alert"]', { hasText: text }).first().waitFor({ timeout: TIMEOUT });
  }
  for (const [path, message] of Object.entries(ctx.fieldErrors)) {
    const text = tr(`errors:${message.key}`, message.values);
    await root.getByText(text, { exact: true }).first().waitFor({ timeout: TIMEOUT }).catch(() => {
      throw new Error(`${leaf}: the error of ${path} « ${text} » is not shown`);
    });
  }
  if (ctx.notice) await root.getByText(tr(`errors:${ctx.notice.key}`, ctx.notice.values)).first().waitFor({ timeout: TIMEOUT });
}
