import type {
  CardType,
  ContactChangeResponse,
  ContactKind,
  ContactVerifyResponse,
  Contacts,
  CredentialsRequest,
  CredentialsResponse,
  DecisionResponse,
  IdentifyRequest,
  InboxMessage,
  NewCodeRequest,
  NewCodeResponse,
  NewCodeSendResponse,
  OppositionProof,
  PersonView,
  ProfileSummary,
  SessionView,
} from '../api/types';
import {
  type Check,
  type Rng,
  PHOTO_SERIAL_LENGTH,
  checkEmail,
  checkIdentifier,
  checkMobile,
  checkNir,
  checkOtp,
  checkPassword,
  checkProvisionalCode,
  containsPersonalInfo,
  isWeakPassword,
  checkSerial,
  createRng,
  formatMobile,
  frToIso,
  isCardType,
  isoToFr,
  maskEmail,
  maskMobile,
  normalizeNir,
  randomInt,
  randomOtp,
  randomProvisionalCode,
  stripSpaces,
} from '../domain';
import { type ChildData, type FaultData, type PersonaData, type WorldData, worldSchema } from '../scenarios/schema';
import { BackendError } from './errors';

/**
 * The simulated service: an in-memory world seeded from a scenario, answering as the real service
 * would. Each rule below says which choice was made where the real service's behaviour is not
 * documented. The store is plain data plus a clock and a random source, so it can be saved in
 * sessionStorage (`toJSON` / `Store.fromJSON`) and survive a reload of the page.
 */

/** Endpoint names, as a scenario's faults name them. */
export type Endpoint = FaultData['endpoint'];

/** The real service ends a session after 20 minutes without a request. */
export const SESSION_TIMEOUT_MS = 20 * 60_000;
/** Anti-abuse delay between two sendings of a code (« Veuillez attendre 30 secondes »). */
export const MIN_DELAY_MS = 30_000;
/** A one-time code « est valable 10 minutes » (the message says so). */
export const OTP_VALIDITY_MS = 10 * 60_000;

const SESSION_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SESSION_ID_LENGTH = 24;
const SUGGESTION_COUNT = 3;

interface ChildState extends ChildData {
  proofDownloaded: boolean;
  /** Epoch ms of the last new provisional code sent, for the 30-second delay. */
  lastCodeSentAt: number | null;
}

interface PersonaState extends Omit<PersonaData, 'children'> {
  children: ChildState[];
  /** The identifier chosen at activation. */
  login: string | null;
  proofDownloaded: boolean;
  lastCodeSentAt: number | null;
}

interface WorldState extends Omit<WorldData, 'personas'> {
  personas: PersonaState[];
}

interface PendingContact {
  /** Normalized: lowercase e-mail, or national digits for a mobile. */
  value: string;
  otp: string;
  sentAt: number;
}

interface SessionState {
  id: string;
  /** An enrolment session is opened by a provisional code (or by a parent for a child); a new-code
   * session by the NIR, card and date of birth (S17), and serves only S18. */
  purpose: 'enrolment' | 'new-code';
  personaId: string;
  childId: string | null;
  /** For a child's session opened from the profiles list: the parent's, kept alive alongside. */
  parentSessionId: string | null;
  lastSeen: number;
  cguAccepted: boolean;
  pending: Partial<Record<ContactKind, PendingContact>>;
  sentAt: Partial<Record<ContactKind, number>>;
}

export interface StoreSnapshot {
  version: 1;
  initial: WorldData;
  world: WorldState;
  sessions: Record<string, SessionState>;
  inbox: InboxMessage[];
  faultHits: number[];
  seq: number;
  revision: number;
  /** The generator is replayed from its seed; null when it was injected (then inject it again). */
  rng: { seed: number | null; draws: number };
}

export interface StoreOptions {
  /** The clock; real time by default. Tests move it to cross the 30-second and 20-minute limits. */
  now?: () => Date;
  /** A random source in [0, 1); not serializable, so fromJSON needs it again. */
  rng?: Rng;
  /** Seed of the default generator (createRng); random when absent. */
  seed?: number;
}

/** Request fields as they come off the wire: strings whose format the store checks itself. */
export type Fields<T> = { [K in keyof T]: string };

interface Holder {
  persona: PersonaState;
  child: ChildState | null;
}

function fail(code: ConstructorParameters<typeof BackendError>[0], field?: string): never {
  throw new BackendError(code, field === undefined ? undefined : { field });
}

/** A format refusal: the site checks the same rules, so this only answers a tampered request. */
function accept<T>(check: Check<T>, field: string): T {
  if (!check.ok) fail('INVALID_REQUEST', field);
  return check.value;
}

function acceptCardType(value: string): CardType {
  if (!isCardType(value)) fail('INVALID_REQUEST', 'cardType');
  return value;
}

function acceptIsoDate(value: string, field: string): string {
  // isoToFr leaves a non-ISO text unchanged, frToIso refuses a date that does not exist (2021-02-30).
  const fr = isoToFr(value);
  if (fr === value || frToIso(fr) !== value) fail('INVALID_REQUEST', field);
  return value;
}

function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function randomSeed(): number {
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  }
  return Math.floor(Math.random() * 2 ** 32);
}

function normalizeMobile(value: string | null): string | null {
  if (value === null) return null;
  const c = checkMobile(value);
  return c.ok ? c.value : value;
}

/** The working copy of a scenario's world, with the runtime fields the service keeps. */
function buildWorld(world: WorldData): WorldState {
  const copy = structuredClone(world);
  return {
    ...copy,
    personas: copy.personas.map((p) => ({
      ...p,
      // Scenarios may write the NIR and the mobile grouped, as printed: the service stores them bare.
      nir: normalizeNir(p.nir),
      email: p.email === null ? null : p.email.trim(),
      mobile: normalizeMobile(p.mobile),
      login: null,
      proofDownloaded: false,
      lastCodeSentAt: null,
      children: p.children.map((c) => ({ ...c, proofDownloaded: false, lastCodeSentAt: null })),
    })),
  };
}

export class Store {
  private initial: WorldData;
  private world: WorldState;
  private sessions = new Map<string, SessionState>();
  /** Newest first, as GET /api/inbox answers. */
  private messages: InboxMessage[] = [];
  /** How many times each of world.faults has fired, same index. */
  private faultHits: number[] = [];
  /** A failure armed from the simulator's toolbar: the next request of any kind answers it, once. */
  private nextFailure: FaultData['error'] | null = null;
  private seq = 0;
  private rev = 0;
  private readonly now: () => Date;
  private readonly rngSeed: number | null;
  private rngDraws = 0;
  private readonly source: Rng;

  constructor(world: WorldData, options: StoreOptions = {}) {
    this.initial = structuredClone(world);
    this.world = buildWorld(world);
    this.now = options.now ?? (() => new Date());
    if (options.rng) {
      this.source = options.rng;
      this.rngSeed = null;
    } else {
      this.rngSeed = options.seed ?? randomSeed();
      this.source = createRng(this.rngSeed);
    }
  }

  /** Grows on every change of the world, the sessions or the inbox: the app persists the store then. */
  get revision(): number {
    return this.rev;
  }

  /** The simulated day (ISO): the scenario's `today` when set, else the clock's local date. */
  today(): string {
    return this.world.today ?? localIsoDate(this.now());
  }

  // ---------------------------------------------------------------------------------------------
  // Faults

  /**
   * The first fault of the scenario for this endpoint that has not run out yet, counted as fired.
   * Checked before anything else, so a fault fires even when the request would have succeeded:
   * the trainer rehearses the error screen, not the conditions that cause it. A fault only answers;
   * it changes nothing else (a SESSION_TIMED_OUT fault leaves the session alive).
   */
  takeFault(endpoint: Endpoint): BackendError | null {
    const armed = this.takeArmedFailure();
    if (armed) return armed;
    for (const [i, fault] of this.world.faults.entries()) {
      if (fault.endpoint !== endpoint) continue;
      const hits = this.faultHits[i] ?? 0;
      if (fault.times !== 0 && hits >= fault.times) continue;
      this.faultHits[i] = hits + 1;
      this.changed();
      return new BackendError(fault.error);
    }
    return null;
  }

  /**
   * The failure the trainer armed (« Simuler une panne »), counted as fired: it hits the next request
   * of the service whatever it is, including the ones no scenario fault can name.
   */
  takeArmedFailure(): BackendError | null {
    if (!this.nextFailure) return null;
    const armed = this.nextFailure;
    this.nextFailure = null;
    this.changed();
    return new BackendError(armed);
  }

  // ---------------------------------------------------------------------------------------------
  // Enrolment

  /**
   * S3. Checks, in this order: formats (400); the code exists and the NIR, card type and serial are
   * those of its holder (for a child's code: of the parent), else NO_USER_FOUND, without saying
   * which part is wrong, and before revealing anything about the code itself; the holder is
   * deceased (the parent, for a child's code: the card of a deceased person identifies no one who
   * may act); the space is already activated; then the code's own state. An opposed person
   * identifies again with a valid (new) code to change her mind. The code is compared exactly:
   * letters are case-sensitive, as printed.
   */
  identify(req: Fields<IdentifyRequest>): SessionView {
    const code = accept(checkProvisionalCode(req.code), 'code');
    const nir = accept(checkNir(req.nir), 'nir');
    const cardType = acceptCardType(req.cardType);
    const serial = accept(checkSerial(req.serial, cardType, nir), 'serial');

    const holder = this.findByCode(code);
    if (!holder || !this.cardMatches(holder.persona, nir, cardType, serial)) fail('NO_USER_FOUND');
    if (holder.persona.deceased) fail('DECEASED_INDIVIDUAL');
    const target = holder.child ?? holder.persona;
    if (target.status === 'activated') fail('PROFILE_ALREADY_EXISTS');
    if (target.codeState === 'expired') fail('CODE_EXPIRED');
    if (target.codeState === 'used') fail('CODE_ALREADY_USED');

    const session = this.openSession('enrolment', holder, null);
    return this.view(session);
  }

  /**
   * S4/S5/S9–S10. Opposing is final at once: opposed today, the code used, and a fresh justificatif
   * available (once). Activating records the CGU consent; an adult's activation completes with her
   * credentials (S7), a child's at once, since a minor's space is managed by the legal
   * representative and has no credentials of its own. An activated space cannot be decided again.
   */
  decide(sessionId: string, req: { decision: string; cguAccepted: boolean }): DecisionResponse {
    const session = this.session(sessionId, 'enrolment');
    const { persona, child } = this.holder(session);
    const target = child ?? persona;
    if (req.decision !== 'activate' && req.decision !== 'oppose') fail('INVALID_REQUEST', 'decision');
    if (target.status === 'activated') fail('PROFILE_ALREADY_EXISTS');

    if (req.decision === 'oppose') {
      target.status = 'opposed';
      target.decidedAt = this.today();
      target.codeState = 'used';
      target.proofDownloaded = false;
      session.cguAccepted = false;
    } else {
      if (!req.cguAccepted) fail('INVALID_REQUEST', 'cguAccepted');
      if (child) {
        child.status = 'activated';
        child.decidedAt = this.today();
        child.codeState = 'used';
      } else {
        session.cguAccepted = true;
      }
    }
    this.changed();
    return { status: target.status, decidedAt: target.decidedAt };
  }

  /**
   * S13/S15. Any session (enrolment or new code) may change the contacts; for a child they are the
   * parent's. The one-time code goes to the new address or number, which proves it is reachable.
   * The 30-second delay is per session and per kind: asking for an e-mail code then a mobile code
   * at once is allowed, as the two screens are distinct.
   */
  changeContact(sessionId: string, kind: string, value: string): ContactChangeResponse {
    const session = this.session(sessionId);
    const k = this.contactKind(kind);
    const normalized = accept(k === 'email' ? checkEmail(value) : checkMobile(value), 'value');
    const now = this.now().getTime();
    const last = session.sentAt[k];
    if (last !== undefined && now - last < MIN_DELAY_MS) fail('MIN_DELAY_ERROR');

    const otp = randomOtp(this.rng);
    session.pending[k] = { value: normalized, otp, sentAt: now };
    session.sentAt[k] = now;
    // As the site shows it back: the e-mail as typed, the mobile grouped by two.
    const sentTo = k === 'email' ? value.trim() : formatMobile(normalized);
    this.deliver(
      k === 'email'
        ? { channel: 'email', to: sentTo, subjectKey: 'otpEmail.subject', bodyKey: 'otpEmail.body', values: { otp } }
        : { channel: 'sms', to: sentTo, subjectKey: 'otpSms.subject', bodyKey: 'otpSms.body', values: { otp } },
    );
    this.changed();
    return { sentTo };
  }

  /**
   * S14/S16. A wrong code may be retried (no attempt limit is documented); a code older than
   * 10 minutes is refused the same way (WRONG_OTP), and « Envoyer à nouveau le code » sends a new
   * one. Verifying without having asked for a code is a malformed request.
   */
  verifyContact(sessionId: string, kind: string, otpInput: string): ContactVerifyResponse {
    const session = this.session(sessionId);
    const k = this.contactKind(kind);
    const otp = accept(checkOtp(otpInput), 'otp');
    const pending = session.pending[k];
    if (!pending) fail('INVALID_REQUEST', 'otp');
    const expired = this.now().getTime() - pending.sentAt >= OTP_VALIDITY_MS;
    if (expired || otp !== pending.otp) fail('WRONG_OTP');

    const { persona } = this.holder(session);
    persona[k] = pending.value;
    delete session.pending[k];
    this.changed();
    return { contacts: this.contacts(persona) };
  }

  /**
   * S7. Format refusals first (400, the site checks the same rules), then the identifier's
   * availability (the taken identifiers of every persona of the world, and those chosen by
   * activated personas), then the password's strength, which only the "current" rule set checks.
   * Activation needs the CGU consent of S5 in this session; a child has no credentials.
   */
  setCredentials(sessionId: string, req: Fields<CredentialsRequest>): CredentialsResponse {
    const session = this.session(sessionId, 'enrolment');
    const { persona, child } = this.holder(session);
    if (child) fail('INVALID_REQUEST');
    if (persona.status === 'activated') fail('PROFILE_ALREADY_EXISTS');
    if (!session.cguAccepted) fail('INVALID_REQUEST', 'cguAccepted');

    const ruleSet = this.world.ruleSet;
    const login = accept(checkIdentifier(req.login, ruleSet, { nir: persona.nir }), 'login');
    const personal = {
      firstName: `${persona.firstName} ${persona.middleNames}`.trim(),
      lastName: persona.lastName,
      birthDate: persona.birthDate,
      nir: persona.nir,
      login,
    };
    const password = checkPassword(req.password, ruleSet, personal);
    if (!password.ok && password.error !== 'password.personal' && password.error !== 'password.weak') {
      fail('INVALID_REQUEST', 'password');
    }
    if (this.isLoginTaken(login)) {
      throw new BackendError('LOGIN_ALREADY_EXISTS', { field: 'login', suggestions: this.suggestLogins(login) });
    }
    // The service checks personal information and common passwords on its side, whatever rules the form
    // shows (the 2021 form listed five rules only): a password can pass the checklist and still be refused.
    if (containsPersonalInfo(req.password, personal)) fail('WEAK_PASSWORD_PERSONAL', 'password');
    if (isWeakPassword(req.password)) fail('WEAK_PASSWORD', 'password');

    persona.status = 'activated';
    persona.decidedAt = this.today();
    persona.codeState = 'used';
    persona.login = login;
    this.changed();
    return { status: 'activated', decidedAt: persona.decidedAt };
  }

  /**
   * S11/S12. The justificatif is available once per opposition; a new opposition (after changing
   * one's mind with a new code) gives a new one. A child's bears the parent's NIR, the only one
   * on file here.
   */
  oppositionProof(sessionId: string): OppositionProof {
    const session = this.session(sessionId, 'enrolment');
    const { persona, child } = this.holder(session);
    const target = child ?? persona;
    if (target.status !== 'opposed') fail('INVALID_REQUEST');
    if (target.proofDownloaded) fail('PROOF_ALREADY_DOWNLOADED');
    target.proofDownloaded = true;
    this.changed();
    return {
      firstName: target.firstName,
      middleNames: child ? '' : persona.middleNames,
      lastName: target.lastName,
      nir: persona.nir,
      opposedAt: target.decidedAt ?? this.today(),
    };
  }

  /** S11. The minors attached to the parent; a child's session has no one to manage. */
  profiles(sessionId: string): ProfileSummary[] {
    const session = this.session(sessionId, 'enrolment');
    if (session.childId !== null) fail('NOT_LEGAL_REPRESENTATIVE');
    const { persona } = this.holder(session);
    return persona.children.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: c.birthDate,
      status: c.status,
      decidedAt: c.decidedAt,
    }));
  }

  /**
   * « Gérer le profil »: the parent, already identified, opens a session for one of her children
   * without the child's code. A child not attached to her is refused as the real service does
   * (only the legal representative has access); an activated child's space cannot be decided again.
   */
  manageProfile(sessionId: string, childId: string): SessionView {
    const session = this.session(sessionId, 'enrolment');
    if (session.childId !== null) fail('NOT_LEGAL_REPRESENTATIVE');
    const { persona } = this.holder(session);
    const child = persona.children.find((c) => c.id === childId);
    if (!child) fail('NOT_LEGAL_REPRESENTATIVE');
    if (child.status === 'activated') fail('PROFILE_ALREADY_EXISTS');
    const childSession = this.openSession('enrolment', { persona, child }, session.id);
    return this.view(childSession);
  }

  // ---------------------------------------------------------------------------------------------
  // New provisional code

  /**
   * S17. The NIR and the card identify the parent; the date of birth chooses whose code it is (hers
   * or one of her children's; twins share a date, and the first one listed is chosen). An opposed
   * person may ask for one (to change her mind); an activated one may not. Without any e-mail or
   * mobile on file the code can only come by letter: CONTACTS_NOT_FOUND.
   */
  requestNewCode(req: Fields<NewCodeRequest>): NewCodeResponse {
    const nir = accept(checkNir(req.nir), 'nir');
    const birthDate = acceptIsoDate(req.birthDate, 'birthDate');
    const cardType = acceptCardType(req.cardType);
    const serial = accept(checkSerial(req.serial, cardType, nir), 'serial');

    const persona = this.world.personas.find((p) => this.cardMatches(p, nir, cardType, serial));
    if (!persona) fail('NO_USER_FOUND');
    const child = persona.birthDate === birthDate ? null : persona.children.find((c) => c.birthDate === birthDate);
    if (child === undefined) fail('NO_USER_FOUND');
    if (persona.deceased) fail('DECEASED_INDIVIDUAL');
    const target = child ?? persona;
    if (target.status === 'activated') fail('PROFILE_ALREADY_EXISTS');
    const destination = this.destination(persona);
    if (!destination) fail('CONTACTS_NOT_FOUND');

    const session = this.openSession('new-code', { persona, child }, null);
    return {
      sessionId: session.id,
      channel: destination.channel,
      maskedDestination: destination.masked,
      contacts: this.contacts(persona),
      forFirstName: target.firstName,
    };
  }

  /**
   * S18 « Valider ». A new valid code replaces the old one, which then finds no one
   * (NO_USER_FOUND). It goes by e-mail when an address is on file, else by SMS, to the contacts as
   * they are now (they may have been corrected from S18). The 30-second delay is per person, so
   * asking again through a new S17 request does not get round it.
   */
  sendNewCode(sessionId: string): NewCodeSendResponse {
    const session = this.session(sessionId, 'new-code');
    const { persona, child } = this.holder(session);
    const target = child ?? persona;
    if (target.status === 'activated') fail('PROFILE_ALREADY_EXISTS');
    const destination = this.destination(persona);
    if (!destination) fail('CONTACTS_NOT_FOUND');
    const now = this.now().getTime();
    if (target.lastCodeSentAt !== null && now - target.lastCodeSentAt < MIN_DELAY_MS) fail('MIN_DELAY_ERROR');

    const code = this.freshProvisionalCode();
    target.provisionalCode = code;
    target.codeState = 'valid';
    target.lastCodeSentAt = now;
    const values = { firstName: target.firstName, lastName: target.lastName, code };
    this.deliver(
      destination.channel === 'email'
        ? { channel: 'email', to: destination.to, subjectKey: 'newCodeEmail.subject', bodyKey: 'newCodeEmail.body', values }
        : { channel: 'sms', to: destination.to, subjectKey: 'newCodeSms.subject', bodyKey: 'newCodeSms.body', values },
    );
    this.changed();
    return { channel: destination.channel, maskedDestination: destination.masked };
  }

  // ---------------------------------------------------------------------------------------------
  // Simulator

  /** Every message the service sent, newest first. */
  inbox(): InboxMessage[] {
    return structuredClone(this.messages);
  }

  /** Back to the scenario's initial world: sessions, messages and fault counters are forgotten. */
  /** The next request, whatever it is, fails with this error (a trainer shows an outage). */
  armNextFailure(error: FaultData['error']): void {
    this.nextFailure = error;
    this.changed();
  }

  get armedFailure(): FaultData['error'] | null {
    return this.nextFailure;
  }

  reset(): void {
    this.nextFailure = null;
    this.world = buildWorld(this.initial);
    this.sessions.clear();
    this.messages = [];
    this.faultHits = [];
    this.changed();
  }

  /** A scenario was loaded: its world replaces the current one, and is the new initial world. */
  loadWorld(world: WorldData): void {
    this.initial = structuredClone(world);
    this.reset();
  }

  toJSON(): StoreSnapshot {
    return structuredClone({
      version: 1 as const,
      initial: this.initial,
      world: this.world,
      sessions: Object.fromEntries(this.sessions),
      inbox: this.messages,
      faultHits: this.faultHits,
      seq: this.seq,
      revision: this.rev,
      rng: { seed: this.rngSeed, draws: this.rngDraws },
    });
  }

  /**
   * Restores a saved store. Throws on a snapshot it cannot read (another version of the app wrote
   * it): the caller then starts from the scenario again.
   */
  static fromJSON(json: unknown, options: Omit<StoreOptions, 'seed'> = {}): Store {
    const data = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<StoreSnapshot> | null;
    if (
      !data ||
      data.version !== 1 ||
      !data.world ||
      !data.sessions ||
      !Array.isArray(data.inbox) ||
      !Array.isArray(data.faultHits) ||
      !data.rng
    ) {
      throw new Error('Store.fromJSON: unreadable snapshot');
    }
    const initial = worldSchema.parse(data.initial);
    const seeded = options.rng === undefined && data.rng.seed !== null;
    const store = new Store(initial, {
      ...options,
      ...(seeded && { seed: data.rng.seed ?? undefined }),
    });
    if (seeded) {
      // mulberry32 keeps its state private: replaying the draws restores it.
      for (let i = 0; i < data.rng.draws; i++) store.source();
    }
    store.rngDraws = data.rng.draws;
    store.world = structuredClone(data.world);
    store.sessions = new Map(Object.entries(structuredClone(data.sessions)));
    store.messages = structuredClone(data.inbox);
    store.faultHits = [...data.faultHits];
    store.seq = data.seq ?? 0;
    store.rev = data.revision ?? 0;
    return store;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  private readonly rng: Rng = () => {
    this.rngDraws++;
    return this.source();
  };

  private changed(): void {
    this.rev++;
  }

  /** An ISO timestamp; on the scenario's day when it sets one, at the clock's time of day. */
  private timestamp(): string {
    const iso = this.now().toISOString();
    return this.world.today ? `${this.world.today}${iso.slice(10)}` : iso;
  }

  private contactKind(kind: string): ContactKind {
    if (kind !== 'email' && kind !== 'mobile') fail('INVALID_REQUEST', 'kind');
    return kind;
  }

  /**
   * The session, kept alive by this request. Unknown and timed-out sessions answer alike: the site
   * can only send the person back to the start. A child's session also keeps its parent's alive, as
   * the parent returns to her own profiles afterwards.
   */
  private session(id: string, purpose?: SessionState['purpose']): SessionState {
    const session = this.sessions.get(id);
    const now = this.now().getTime();
    if (!session) fail('SESSION_TIMED_OUT');
    if (now - session.lastSeen >= SESSION_TIMEOUT_MS) {
      this.sessions.delete(id);
      this.changed();
      fail('SESSION_TIMED_OUT');
    }
    session.lastSeen = now;
    const parent = session.parentSessionId === null ? undefined : this.sessions.get(session.parentSessionId);
    if (parent && now - parent.lastSeen < SESSION_TIMEOUT_MS) parent.lastSeen = now;
    this.changed();
    // A new-code session serves S18 only; an enrolment session cannot send provisional codes.
    if (purpose !== undefined && session.purpose !== purpose) fail('INVALID_REQUEST');
    return session;
  }

  private openSession(purpose: SessionState['purpose'], holder: Holder, parentSessionId: string | null): SessionState {
    const now = this.now().getTime();
    for (const [id, s] of this.sessions) {
      if (now - s.lastSeen >= SESSION_TIMEOUT_MS) this.sessions.delete(id);
    }
    let id: string;
    do {
      id = Array.from({ length: SESSION_ID_LENGTH }, () =>
        SESSION_ID_ALPHABET.charAt(randomInt(this.rng, 0, SESSION_ID_ALPHABET.length - 1)),
      ).join('');
    } while (this.sessions.has(id));
    const session: SessionState = {
      id,
      purpose,
      personaId: holder.persona.id,
      childId: holder.child?.id ?? null,
      parentSessionId,
      lastSeen: now,
      cguAccepted: false,
      pending: {},
      sentAt: {},
    };
    this.sessions.set(id, session);
    this.changed();
    return session;
  }

  private holder(session: SessionState): Holder {
    const persona = this.world.personas.find((p) => p.id === session.personaId);
    const child = session.childId === null ? null : persona?.children.find((c) => c.id === session.childId);
    // Cannot happen while sessions are cleared with the world; answered as a lost session anyway.
    if (!persona || child === undefined) fail('SESSION_TIMED_OUT');
    return { persona, child };
  }

  private view(session: SessionState): SessionView {
    const { persona, child } = this.holder(session);
    const target = child ?? persona;
    const person: PersonView = child
      ? { firstName: child.firstName, middleNames: '', lastName: child.lastName, birthDate: child.birthDate, nir: persona.nir }
      : {
          firstName: persona.firstName,
          middleNames: persona.middleNames,
          lastName: persona.lastName,
          birthDate: persona.birthDate,
          nir: persona.nir,
        };
    return {
      sessionId: session.id,
      person,
      isChild: child !== null,
      contacts: this.contacts(persona),
      status: target.status,
      decidedAt: target.decidedAt,
    };
  }

  private contacts(persona: PersonaState): Contacts {
    return { email: persona.email, mobile: persona.mobile };
  }

  private findByCode(code: string): Holder | null {
    for (const persona of this.world.personas) {
      if (persona.provisionalCode === code) return { persona, child: null };
      const child = persona.children.find((c) => c.provisionalCode === code);
      if (child) return { persona, child };
    }
    return null;
  }

  /** A card with photo is identified by the last 11 digits of its serial, the ones the person types. */
  private cardMatches(persona: PersonaState, nir: string, cardType: CardType, serial: string): boolean {
    if (persona.nir !== nir || persona.card.type !== cardType) return false;
    const onCard = stripSpaces(persona.card.serial);
    return cardType === 'avec-photo' ? onCard.slice(-PHOTO_SERIAL_LENGTH) === serial : onCard === serial;
  }

  /** Where a new provisional code goes: the e-mail when there is one, else the mobile. */
  private destination(
    persona: PersonaState,
  ): { channel: 'email' | 'sms'; to: string; masked: string } | null {
    if (persona.email) return { channel: 'email', to: persona.email, masked: maskEmail(persona.email) };
    if (persona.mobile) return { channel: 'sms', to: formatMobile(persona.mobile), masked: maskMobile(persona.mobile) };
    return null;
  }

  private allCodes(): Set<string> {
    const codes = new Set<string>();
    for (const p of this.world.personas) {
      codes.add(p.provisionalCode);
      for (const c of p.children) codes.add(c.provisionalCode);
    }
    return codes;
  }

  /** A code held by no one else, so that a code always finds exactly one person. */
  private freshProvisionalCode(): string {
    const taken = this.allCodes();
    let code: string;
    do code = randomProvisionalCode(this.rng);
    while (taken.has(code));
    return code;
  }

  /** Identifiers compare without case: « MLeguellec » and « mleguellec » are the same account name. */
  private isLoginTaken(login: string): boolean {
    const wanted = login.toLowerCase();
    return this.world.personas.some(
      (p) => p.login?.toLowerCase() === wanted || p.takenLogins.some((t) => t.toLowerCase() === wanted),
    );
  }

  /** Free variants of the refused identifier, valid under the world's rule set: the identifier plus a number. */
  private suggestLogins(login: string): string[] {
    const suggestions: string[] = [];
    for (let attempt = 0; suggestions.length < SUGGESTION_COUNT && attempt < 1000; attempt++) {
      const suffix = String(randomInt(this.rng, attempt < 500 ? 10 : 100, attempt < 500 ? 99 : 9999));
      const candidate = login.slice(0, 100 - suffix.length) + suffix;
      const ok = checkIdentifier(candidate, this.world.ruleSet).ok;
      if (ok && !suggestions.includes(candidate) && !this.isLoginTaken(candidate)) suggestions.push(candidate);
    }
    return suggestions;
  }

  private deliver(message: Omit<InboxMessage, 'id' | 'receivedAt'>): void {
    this.seq++;
    this.messages.unshift({ ...message, id: `msg-${this.seq}`, receivedAt: this.timestamp() });
  }
}
