import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng, randomInt, type Rng } from '../../../src/domain';
import type { FaultData } from '../../../src/scenarios/schema';
import { screenOf, type SiteSnapshot } from '../../../src/site/machine';
import type { Forms, NotCoveredId, ScreenId, SiteEvent } from '../../../src/site/types';
import { flatten } from '../i18n/locales-data';
import { BAD_VALUES } from './bad-inputs';
import { MARTINE, latestOtp, oneScreen, scenario, startSite, useServer, type SiteHarness } from './harness';

/**
 * Random walks on the site machine, against the real store behind msw/node. Each sequence is drawn from
 * a seeded generator (createRng): a failure prints its seed, and `FUZZ_SEED=<seed> FUZZ_SITE=1` replays
 * it alone. After every event, once the machine has its answer:
 *
 * - no exception, the actor alive;
 * - exactly one screen, a known ScreenId, with what that screen needs (a blocker, a page not covered);
 * - every message shown exists in locales/fr/errors.json;
 * - the forms hold what was typed. Values are reset only by these events, each a rule of the service:
 *   1. a successful identification (identify → decision) opens a new session: its decision and its
 *      credentials start empty;
 *   2. opening a child's profile (opposed → decision) starts the child's decision empty;
 *   3. choosing to modify a contact (→ editContact from contacts or delivery) starts the contact form empty;
 *   4. a one-time code sent (editContact → verifyContact) empties the code field;
 *   5. a new provisional code sent (delivery → codeSent) clears the old code on S3 and fills S3's empty
 *      NIR, card type and serial from S17.
 * - the persona's data in the store is never lost: every person and child is still there with the
 *   same identity, NIR, card and birth date.
 */

useServer();

const SEQUENCES = Number(process.env.FUZZ_SITE ?? 8500);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 20261126);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const frErrors = flatten(JSON.parse(readFileSync(`${root}locales/fr/errors.json`, 'utf8')) as unknown);

const NOT_COVERED: NotCoveredId[] = ['login', 'discover', 'otherProfile', 'help', 'cgu', 'privacy'];
const FAULTS: FaultData['error'][] = [
  'SERVER_ERROR',
  'NO_USER_FOUND',
  'CODE_EXPIRED',
  'CODE_ALREADY_USED',
  'SESSION_TIMED_OUT',
  'MIN_DELAY_ERROR',
  'CONTACTS_NOT_FOUND',
  'PROFILE_ALREADY_EXISTS',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[randomInt(rng, 0, items.length - 1)]!;

/** Values a person would type, right or wrong; a bad input of the corpus one time in four. */
function valueFor(rng: Rng, field: string, h: SiteHarness): string {
  if (rng() < 0.25) return pick(rng, BAD_VALUES);
  const paul = scenario.world.personas.find((p) => p.id === 'paul')!;
  const henri = scenario.world.personas.find((p) => p.id === 'henri')!;
  if (field === 'otp') return pick(rng, [latestOtp(h.store), latestOtp(h.store), '000000', '123456']);
  const pools: Record<string, string[]> = {
    code: [MARTINE.code, MARTINE.code, 'Ht4WqZ8nBv2M', paul.provisionalCode, henri.provisionalCode, 'Ab3Cd4Ef5Gh6'],
    nir: [MARTINE.nir, '269054410903857', '1 58 03 75 056 123 21', '182016912308708', '2 48 08 13 055 045 92'],
    cardType: ['sans-photo', 'sans-photo', 'avec-photo', ''],
    serial: [MARTINE.serial, MARTINE.serial, '4817203965', '73920584', '50193847261', '12345678'],
    birthDate: [MARTINE.birthDate, '03/09/2012', '21/02/2013', '22/08/1948', '31/02/2000'],
    value: [MARTINE.email, MARTINE.mobile, 'julie.leguellec@example.fr', '06 99 88 77 66', 'pas-une-adresse'],
    login: [MARTINE.login, 'mleguellec', 'martine.l', 'mleguellec.1969'],
    password: [MARTINE.password, 'Azerty123!', 'abc', 'Martine!Vt58'],
    confirm: [MARTINE.password, 'Printemps#2025', ''],
  };
  return pick(rng, pools[field] ?? ['']);
}

const FIELDS: Record<'identify' | 'newCode' | 'contact' | 'credentials', string[]> = {
  identify: ['code', 'nir', 'cardType', 'serial'],
  newCode: ['nir', 'birthDate', 'cardType', 'serial'],
  contact: ['value', 'otp'],
  credentials: ['login', 'password', 'confirm'],
};

const fill = (form: 'identify' | 'newCode' | 'contact' | 'credentials', values: Record<string, string>): SiteEvent[] =>
  Object.entries(values).map(([field, value]) => ({ type: 'FIELD', form, field, value }) as SiteEvent);

/** The persona's whole form typed right, then sent: how a walk gets past a form. */
function gestureFor(rng: Rng, h: SiteHarness): SiteEvent[] | null {
  const screen = h.screen();
  const persona = pick(rng, ['martine', 'martine', 'martine', 'paul', 'henri', 'sophie'] as const);
  const who = {
    martine: { code: MARTINE.code, nir: MARTINE.nir, cardType: 'sans-photo', serial: MARTINE.serial, birthDate: MARTINE.birthDate },
    paul: { code: 'Wm3Tq8ZcNe4P', nir: '1 58 03 75 056 123 21', cardType: 'sans-photo', serial: '4817203965', birthDate: '14/03/1958' },
    henri: { code: 'Zx4VbN7mQw2R', nir: '182016912308708', cardType: 'sans-photo', serial: '73920584', birthDate: '05/01/1982' },
    sophie: { code: 'Bf5NuH8rTy2K', nir: '2 48 08 13 055 045 92', cardType: 'avec-photo', serial: '50193847261', birthDate: '22/08/1948' },
  }[persona];
  const submit: SiteEvent = { type: 'SUBMIT' };
  switch (screen) {
    case 'identify':
      return [...fill('identify', { code: who.code, nir: who.nir, cardType: who.cardType, serial: who.serial }), submit];
    case 'newCode':
      return [...fill('newCode', { nir: who.nir, birthDate: pick(rng, [who.birthDate, '03/09/2012']), cardType: who.cardType, serial: who.serial }), submit];
    case 'editContact':
      return [...fill('contact', { value: h.snapshot().context.contactKind === 'email' ? pick(rng, [MARTINE.email, 'julie@example.fr']) : pick(rng, [MARTINE.mobile, '06 99 88 77 66']) }), submit];
    case 'verifyContact':
      return [...fill('contact', { otp: latestOtp(h.store) }), submit];
    case 'credentials':
      return [...fill('credentials', { login: pick(rng, [MARTINE.login, 'mleguellec']), password: MARTINE.password, confirm: MARTINE.password }), submit];
    case 'decision':
      return rng() < 0.5 ? [{ type: 'CHOOSE', choice: 'activate' }, { type: 'TOGGLE_CGU', checked: true }, submit] : [{ type: 'CHOOSE', choice: 'oppose' }, submit, submit];
    default:
      return null;
  }
}

/**
 * The journeys of the service, as a person goes through them. A walk starts with a random part of one
 * (so that short walks start deep in the site), then goes random.
 */
const SUBMIT: SiteEvent = { type: 'SUBMIT' };
const IDENTIFIED: SiteEvent[] = [
  { type: 'ACTIVATE_SPACE' },
  { type: 'BEGIN' },
  ...fill('identify', { code: MARTINE.code, nir: MARTINE.nir, cardType: 'sans-photo', serial: MARTINE.serial }),
  SUBMIT,
];
const JOURNEYS: SiteEvent[][] = [
  [
    ...IDENTIFIED,
    { type: 'CHOOSE', choice: 'activate' },
    { type: 'TOGGLE_CGU', checked: true },
    SUBMIT,
    SUBMIT,
    ...fill('credentials', { login: MARTINE.login, password: MARTINE.password, confirm: MARTINE.password }),
    SUBMIT,
  ],
  [...IDENTIFIED, { type: 'CHOOSE', choice: 'oppose' }, SUBMIT, SUBMIT, { type: 'DOWNLOAD_PROOF' }, { type: 'MANAGE_PROFILE', profileId: 'lucas' }],
  [...IDENTIFIED, { type: 'CHOOSE', choice: 'activate' }, { type: 'TOGGLE_CGU', checked: true }, SUBMIT, { type: 'EDIT_CONTACT', kind: 'mobile' }, ...fill('contact', { value: MARTINE.mobile }), SUBMIT],
  [
    { type: 'ACTIVATE_SPACE' },
    { type: 'NEW_CODE' },
    ...fill('newCode', { nir: MARTINE.nir, birthDate: MARTINE.birthDate, cardType: 'sans-photo', serial: MARTINE.serial }),
    SUBMIT,
    SUBMIT,
  ],
];

/** The events a screen offers, so that walks get deep; any event at all otherwise. */
function eventFor(rng: Rng, h: SiteHarness): SiteEvent {
  const screen = h.screen();
  const ctx = h.snapshot().context;
  const field = (form: keyof typeof FIELDS, name = pick(rng, FIELDS[form])): SiteEvent =>
    ({ type: 'FIELD', form, field: name, value: valueFor(rng, name, h) }) as SiteEvent;
  const profile = (): string => (rng() < 0.8 && ctx.profiles.length > 0 ? pick(rng, ctx.profiles).id : pick(rng, ['lucas', 'chloe', 'nobody', '../x']));
  const any = (): SiteEvent => {
    switch (randomInt(rng, 0, 13)) {
      case 0:
        return { type: 'ACTIVATE_SPACE' };
      case 1:
        return { type: 'BEGIN' };
      case 2:
        return { type: 'NEW_CODE' };
      case 3:
        return { type: 'NOT_COVERED', which: pick(rng, NOT_COVERED) };
      case 4:
        return { type: 'BACK' };
      case 5:
        return field(pick(rng, ['identify', 'newCode', 'contact', 'credentials'] as const));
      case 6:
        return { type: 'CHOOSE', choice: pick(rng, ['activate', 'oppose'] as const) };
      case 7:
        return { type: 'TOGGLE_CGU', checked: rng() < 0.7 };
      case 8:
        return { type: 'SUBMIT' };
      case 9:
        return { type: 'EDIT_CONTACT', kind: pick(rng, ['email', 'mobile'] as const) };
      case 10:
        return { type: 'RESEND' };
      case 11:
        return { type: 'DOWNLOAD_PROOF' };
      case 12:
        return { type: 'MANAGE_PROFILE', profileId: profile() };
      default:
        return pick(rng, [{ type: 'HOME' }, { type: 'DISMISS_NOTICE' }] as const);
    }
  };
  if (rng() < 0.3) return any();
  const submitOr = (...others: SiteEvent[]): SiteEvent => (rng() < 0.35 ? { type: 'SUBMIT' } : pick(rng, others));
  switch (screen) {
    case 'home':
      return pick(rng, [{ type: 'ACTIVATE_SPACE' }, { type: 'ACTIVATE_SPACE' }, { type: 'NOT_COVERED', which: 'help' }] as SiteEvent[]);
    case 'start':
      return pick(rng, [{ type: 'BEGIN' }, { type: 'BEGIN' }, { type: 'NEW_CODE' }, { type: 'NOT_COVERED', which: 'login' }] as SiteEvent[]);
    case 'identify':
      return submitOr(field('identify'), field('identify'), field('identify'), { type: 'NEW_CODE' });
    case 'decision':
      return submitOr({ type: 'CHOOSE', choice: rng() < 0.5 ? 'activate' : 'oppose' }, { type: 'TOGGLE_CGU', checked: rng() < 0.8 }, { type: 'BACK' });
    case 'confirmOpposition':
      return submitOr({ type: 'BACK' });
    case 'opposed':
      return pick(rng, [{ type: 'DOWNLOAD_PROOF' }, { type: 'MANAGE_PROFILE', profileId: profile() }, { type: 'BACK' }] as SiteEvent[]);
    case 'contacts':
      return submitOr({ type: 'EDIT_CONTACT', kind: rng() < 0.5 ? 'email' : 'mobile' }, { type: 'BACK' });
    case 'editContact':
      return submitOr(field('contact', 'value'), field('contact', 'value'), { type: 'BACK' });
    case 'verifyContact':
      return submitOr(field('contact', 'otp'), field('contact', 'otp'), { type: 'RESEND' }, { type: 'BACK' });
    case 'credentials':
      return submitOr(field('credentials'), field('credentials'), field('credentials'), { type: 'BACK' });
    case 'newCode':
      return submitOr(field('newCode'), field('newCode'), field('newCode'), { type: 'BACK' });
    case 'delivery':
      return submitOr({ type: 'EDIT_CONTACT', kind: rng() < 0.5 ? 'email' : 'mobile' }, { type: 'BACK' });
    case 'codeSent':
      return { type: 'BEGIN' };
    case 'blocked':
      return pick(rng, [{ type: 'NEW_CODE' }, { type: 'HOME' }] as SiteEvent[]);
    default:
      return { type: 'BACK' };
  }
}

/** The forms as the rules above say they must be after `event`, given the screens before and after it. */
function expectedForms(before: SiteSnapshot, event: SiteEvent, accepted: boolean, from: ScreenId, to: ScreenId, model: Forms): Forms {
  const forms = structuredClone(model);
  if (event.type === 'FIELD') (forms[event.form] as unknown as Record<string, string>)[event.field] = event.value;
  if (event.type === 'CHOOSE' && accepted) forms.decision.choice = event.choice;
  if (event.type === 'TOGGLE_CGU' && accepted) forms.decision.cgu = event.checked;
  if (from === 'identify' && to === 'decision') {
    forms.decision = { choice: '', cgu: false };
    forms.credentials = { login: '', password: '', confirm: '' };
  }
  if (from === 'opposed' && to === 'decision') forms.decision = { choice: '', cgu: false };
  if (event.type === 'EDIT_CONTACT' && to === 'editContact' && (from === 'contacts' || from === 'delivery')) forms.contact = { value: '', otp: '' };
  if (from === 'editContact' && to === 'verifyContact') forms.contact.otp = '';
  if (from === 'delivery' && to === 'codeSent') {
    const n = forms.newCode;
    forms.identify = {
      code: '',
      nir: forms.identify.nir || n.nir,
      cardType: forms.identify.cardType || n.cardType,
      serial: forms.identify.serial || n.serial,
    };
  }
  void before;
  return forms;
}

/** Who the store knows, by identity: what must never be lost, whatever the trainee does. */
function identities(h: SiteHarness): string[] {
  const world = h.store.toJSON().world;
  return world.personas.flatMap((p) => [
    `${p.id} ${p.firstName} ${p.lastName} ${p.nir} ${p.birthDate} ${p.card.type} ${p.card.serial}`,
    ...p.children.map((c) => `${p.id}/${c.id} ${c.firstName} ${c.birthDate}`),
  ]);
}

function check(h: SiteHarness, snap: SiteSnapshot, model: Forms, baseline: string[], storeChanged = true): string | null {
  if (h.errors.length > 0) return `actor error: ${String(h.errors[0])}`;
  if (snap.status !== 'active') return `actor ${snap.status}`;
  const one = oneScreen(snap);
  if (one) return one;
  const screen = screenOf(snap);
  const ctx = snap.context;
  if (ctx.busy || Object.keys(snap.children).length > 0) return 'still busy after the answer';
  if (screen === 'blocked' && ctx.blocker === null) return 'blocked page without a reason';
  if (screen === 'notCovered' && ctx.notCovered === null) return 'page not covered without its journey';
  if (['decision', 'confirmOpposition', 'opposed', 'contacts', 'editContact', 'verifyContact', 'credentials', 'activated'].includes(screen) && ctx.session === null) {
    return `${screen} without a session`;
  }
  for (const message of [ctx.formError, ctx.notice, ...Object.values(ctx.fieldErrors)]) {
    if (message && typeof frErrors[message.key] !== 'string') return `message ${message.key} missing in locales/fr/errors.json`;
  }
  if (JSON.stringify(ctx.forms) !== JSON.stringify(model)) return `typed values lost: ${JSON.stringify(ctx.forms)} instead of ${JSON.stringify(model)}`;
  // The store only changes when a request changed it (its revision grows): read it again then.
  if (!storeChanged) return null;
  const now = identities(h);
  if (now.join('\n') !== baseline.join('\n')) return `persona data lost: ${baseline.filter((b) => !now.includes(b)).join('; ')}`;
  return null;
}

const describeEvent = (e: SiteEvent) => JSON.stringify(e).slice(0, 160);

async function runSequence(seed: number): Promise<{ events: number; screens: Set<ScreenId>; failure: string | null }> {
  const rng = createRng(seed);
  const h = startSite({ seed, ruleSet: rng() < 0.2 ? 'current' : 'seed-2021' });
  const baseline = identities(h);
  let revision = h.store.revision;
  let model = structuredClone(h.snapshot().context.forms);
  const log: string[] = [];
  const screens = new Set<ScreenId>([h.screen()]);
  const journey = pick(rng, JOURNEYS);
  const queue: SiteEvent[] = rng() < 0.6 ? journey.slice(0, randomInt(rng, 1, journey.length)) : [];
  const length = queue.length + randomInt(rng, 2, 8);
  try {
    for (let i = 0; i < length; i += 1) {
      if (rng() < 0.04) {
        const fault = pick(rng, FAULTS);
        h.store.armNextFailure(fault);
        log.push(`(fault ${fault})`);
      }
      const before = h.snapshot();
      const from = screenOf(before);
      if (queue.length === 0 && rng() < 0.3) queue.push(...(gestureFor(rng, h) ?? []));
      const event = queue.shift() ?? eventFor(rng, h);
      const accepted = before.can(event);
      log.push(describeEvent(event));
      let snap: SiteSnapshot;
      try {
        snap = await h.send(event);
      } catch (error) {
        return { events: i + 1, screens, failure: `no answer after ${describeEvent(event)}: ${String(error)}\n  ${log.join('\n  ')}` };
      }
      const to = screenOf(snap);
      screens.add(to);
      model = expectedForms(before, event, accepted, from, to, model);
      const problem = check(h, snap, model, baseline, h.store.revision !== revision);
      revision = h.store.revision;
      if (problem) return { events: i + 1, screens, failure: `${problem}\n  after: ${log.join('\n  ')}` };
      // The model follows the machine from here, so that one failure is reported once.
      model = structuredClone(snap.context.forms);
    }
    return { events: length, screens, failure: null };
  } finally {
    h.stop();
  }
}

describe('site machine fuzzing', () => {
  it(`${SEQUENCES} random event sequences keep every invariant`, async () => {
    const seen = new Set<ScreenId>();
    let events = 0;
    for (let i = 0; i < SEQUENCES; i += 1) {
      const seed = FIRST_SEED + i;
      const result = await runSequence(seed);
      events += result.events;
      result.screens.forEach((s) => seen.add(s));
      if (result.failure) {
        throw new Error(`site fuzz failed with seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_SITE=1):\n${result.failure}`);
      }
    }
    expect(events).toBeGreaterThanOrEqual(SEQUENCES * 4);
    // The walks reach the whole site, or they test little.
    if (SEQUENCES >= 1000) expect([...seen].sort()).toEqual([...(await import('./harness')).SCREENS].sort());
  }, 240_000);

  it('the checks catch a lost value, an unknown message and a second screen', async () => {
    const h = startSite();
    const baseline = identities(h);
    await h.send({ type: 'FIELD', form: 'identify', field: 'code', value: 'abc' });
    const snap = h.snapshot();
    const model = structuredClone(snap.context.forms);
    expect(check(h, snap, model, baseline)).toBeNull();
    const lost = { ...model, identify: { ...model.identify, code: 'something else' } };
    expect(check(h, snap, lost, baseline)).toMatch(/typed values lost/);
    const wrongMessage = { ...snap, context: { ...snap.context, formError: { key: 'no.such.key' } } } as SiteSnapshot;
    expect(check(h, wrongMessage, model, baseline)).toMatch(/missing in locales/);
    expect(oneScreen({ value: { screens: { home: {}, start: {} } } })).toMatch(/more than one screen/);
    expect(oneScreen({ value: { screens: 'nowhere' } })).toMatch(/unknown screen/);
    expect(check(h, snap, model, [...baseline, 'ghost'])).toMatch(/persona data lost/);
    h.stop();
  });
});
