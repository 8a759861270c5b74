import { assign, fromPromise, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type {
  ApiErrorCode,
  ContactChangeResponse,
  ContactKind,
  ContactVerifyResponse,
  CredentialsResponse,
  DecisionResponse,
  IdentifyRequest,
  NewCodeRequest,
  NewCodeResponse,
  NewCodeSendResponse,
  OppositionProof,
  ProfileSummary,
  SessionView,
} from '../api/types';
import { maskEmail, maskMobile, passwordChecklist } from '../domain';
import type { RuleSet } from '../scenarios/schema';
import type { BlockerCode, Forms, Message, ScreenId, SiteContext, SiteEvent } from './types';
import {
  isEmpty,
  validateContactValue,
  validateCredentials,
  validateIdentify,
  validateNewCode,
  validateOtp,
  contactValue,
  identifyRequest,
  newCodeRequest,
  type FieldErrors,
} from './validation';

/**
 * The real service as a statechart: its states are the site's screens, its actors call the API with
 * fetch, its guards apply the domain rules. It knows nothing of tutorials; it would drive a real backend
 * unchanged.
 */

/** What the machine needs of the backend: the API client, or any object with the same methods. */
export interface SiteApi {
  identify(req: IdentifyRequest): Promise<SessionView>;
  decide(sessionId: string, req: { decision: 'activate' | 'oppose'; cguAccepted: boolean }): Promise<DecisionResponse>;
  changeContact(sessionId: string, kind: ContactKind, req: { value: string }): Promise<ContactChangeResponse>;
  verifyContact(sessionId: string, kind: ContactKind, req: { otp: string }): Promise<ContactVerifyResponse>;
  setCredentials(sessionId: string, req: { login: string; password: string }): Promise<CredentialsResponse>;
  fetchOppositionProof(sessionId: string): Promise<OppositionProof>;
  fetchProfiles(sessionId: string): Promise<ProfileSummary[]>;
  manageProfile(sessionId: string, profileId: string): Promise<SessionView>;
  requestNewCode(req: NewCodeRequest): Promise<NewCodeResponse>;
  sendNewCode(sessionId: string): Promise<NewCodeSendResponse>;
}

export interface SiteDeps {
  api: SiteApi;
  /** Hands the justificatif to the user (builds the PDF and downloads it, in the browser). */
  deliverProof: (proof: OppositionProof) => void;
  /** The simulated "today", for date-of-birth checks. */
  today?: () => Date;
}

export interface SiteInput {
  ruleSet?: RuleSet;
  forms?: Partial<Forms>;
}

const BLOCKERS: readonly BlockerCode[] = [
  'CODE_EXPIRED',
  'CODE_ALREADY_USED',
  'PROFILE_ALREADY_EXISTS',
  'DECEASED_INDIVIDUAL',
  'SESSION_TIMED_OUT',
  'CONTACTS_NOT_FOUND',
];

export function emptyForms(): Forms {
  return {
    identify: { code: '', nir: '', cardType: '', serial: '' },
    newCode: { nir: '', birthDate: '', cardType: '', serial: '' },
    decision: { choice: '', cgu: false },
    contact: { value: '', otp: '' },
    credentials: { login: '', password: '', confirm: '' },
  };
}

/**
 * The site's context before anything is typed or asked (the machine's start), with `over` on top: one
 * place for its fields, for the machine and for what reads a context without running it (the call
 * centre's guide, tests).
 */
export function initialSiteContext(over: Partial<SiteContext> = {}): SiteContext {
  const ruleSet = over.ruleSet ?? 'seed-2021';
  return {
    ruleSet,
    forms: emptyForms(),
    fieldErrors: {},
    formError: null,
    loginSuggestions: [],
    passwordChecklist: passwordChecklist('', ruleSet),
    session: null,
    parentSession: null,
    profiles: [],
    contactKind: 'email',
    contactReturn: 'contacts',
    otpSentTo: '',
    delivery: null,
    proofDownloaded: false,
    parentProofDownloaded: false,
    notice: null,
    blocker: null,
    notCovered: null,
    busy: false,
    ...over,
  };
}

/** The error code of a failed API call; network failures and unknown throws count as SERVER_ERROR. */
export function errorCodeOf(error: unknown): ApiErrorCode | 'NETWORK' {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; network?: unknown };
    if (e.network === true) return 'NETWORK';
    if (typeof e.code === 'string') return e.code as ApiErrorCode;
  }
  return 'SERVER_ERROR';
}

const serverMessage = (error: unknown): Message => ({ key: `server.${errorCodeOf(error)}` });

function blockerOf(error: unknown): BlockerCode | null {
  const code = errorCodeOf(error);
  return (BLOCKERS as readonly string[]).includes(code) ? (code as BlockerCode) : null;
}

function suggestionsOf(error: unknown): string[] {
  const details = (error as { details?: { suggestions?: unknown } } | null)?.details;
  return Array.isArray(details?.suggestions) ? details.suggestions.filter((s): s is string => typeof s === 'string') : [];
}

function maskedFor(contacts: { email: string | null; mobile: string | null }): Pick<NewCodeResponse, 'channel' | 'maskedDestination'> {
  if (contacts.email) return { channel: 'email', maskedDestination: maskEmail(contacts.email) };
  return { channel: 'sms', maskedDestination: contacts.mobile ? maskMobile(contacts.mobile) : '' };
}

type ErrorEvent = { type: string; error: unknown };

/** Every request's state: the screen shows it is busy (and ignores a second submit) until the answer. */
const BUSY = { entry: 'startBusy', exit: 'stopBusy' } as const;
/** Every request's first error case: a refusal that ends the journey shows the service's full-page error. */
const BLOCKED = { guard: 'isBlocker', target: '#site.screens.blocked', actions: 'assignBlocker' } as const;

/** The request that sends a one-time code to the new address or number (first sending, or again). */
function changeContactInput({ context }: { context: SiteContext }) {
  return { sessionId: context.session?.sessionId ?? '', kind: context.contactKind, value: contactValue(context.forms.contact, context.contactKind) };
}

/** What a refused request does on its screen (see requestState). */
type Refusal = 'assignFormError' | 'assignProofRefused' | 'assignLoginRefused';

/**
 * A state that sends one request to the service: the actor `src` (its id too), with `input`. The screen shows
 * it is busy until the answer (BUSY; `busy: false` for a request the screen does not wait on), and the events
 * of `ignore` (« Retour » as a rule) wait for the answer rather than leave. The answer leads to `onDone`. A
 * refusal that ends the journey shows the service's full-page error (BLOCKED); any other error goes back to
 * `back` with the action `refused` (the form's error unless the screen words it otherwise).
 */
function requestState<const Src extends string, const Done, const Back extends string, Input>(
  src: Src,
  options: {
    input: (args: { context: SiteContext; event: SiteEvent }) => Input;
    onDone: Done;
    back: Back;
    refused?: Refusal;
    ignore?: readonly SiteEvent['type'][];
    busy?: boolean;
  },
) {
  const { input, onDone, back, ignore = ['BACK'], busy = true } = options;
  const refused: Refusal = options.refused ?? 'assignFormError';
  return {
    ...(busy ? BUSY : {}),
    ...(ignore.length > 0 ? { on: Object.fromEntries(ignore.map((type) => [type, {}])) as Partial<Record<SiteEvent['type'], object>> } : {}),
    invoke: { id: src, src, input, onDone, onError: [BLOCKED, { target: back, actions: refused }] },
  };
}

export function createSiteMachine(deps: SiteDeps) {
  const today = deps.today ?? (() => new Date());

  return setup({
    types: {
      context: {} as SiteContext,
      events: {} as SiteEvent,
      input: {} as SiteInput,
    },
    actors: {
      identify: fromPromise<SessionView, IdentifyRequest>(({ input }) => deps.api.identify(input)),
      decide: fromPromise<DecisionResponse, { sessionId: string; decision: 'activate' | 'oppose'; cguAccepted: boolean }>(
        ({ input }) => deps.api.decide(input.sessionId, { decision: input.decision, cguAccepted: input.cguAccepted }),
      ),
      changeContact: fromPromise<ContactChangeResponse, { sessionId: string; kind: ContactKind; value: string }>(({ input }) =>
        deps.api.changeContact(input.sessionId, input.kind, { value: input.value }),
      ),
      verifyContact: fromPromise<ContactVerifyResponse, { sessionId: string; kind: ContactKind; otp: string }>(({ input }) =>
        deps.api.verifyContact(input.sessionId, input.kind, { otp: input.otp }),
      ),
      setCredentials: fromPromise<CredentialsResponse, { sessionId: string; login: string; password: string }>(({ input }) =>
        deps.api.setCredentials(input.sessionId, { login: input.login, password: input.password }),
      ),
      fetchProof: fromPromise<OppositionProof, { sessionId: string }>(({ input }) => deps.api.fetchOppositionProof(input.sessionId)),
      fetchProfiles: fromPromise<ProfileSummary[], { sessionId: string }>(({ input }) => deps.api.fetchProfiles(input.sessionId)),
      manageProfile: fromPromise<SessionView, { sessionId: string; profileId: string }>(({ input }) =>
        deps.api.manageProfile(input.sessionId, input.profileId),
      ),
      requestNewCode: fromPromise<NewCodeResponse, NewCodeRequest>(({ input }) => deps.api.requestNewCode(input)),
      sendNewCode: fromPromise<NewCodeSendResponse, { sessionId: string }>(({ input }) => deps.api.sendNewCode(input.sessionId)),
    },
    guards: {
      identifyValid: ({ context }) => isEmpty(validateIdentify(context.forms.identify)),
      newCodeValid: ({ context }) => isEmpty(validateNewCode(context.forms.newCode, today())),
      contactValueValid: ({ context }) => isEmpty(validateContactValue(context.forms.contact, context.contactKind)),
      otpValid: ({ context }) => isEmpty(validateOtp(context.forms.contact)),
      credentialsValid: ({ context }) =>
        isEmpty(validateCredentials(context.forms.credentials, context.ruleSet, context.session?.person ?? null)),
      noChoice: ({ context }) => context.forms.decision.choice === '',
      opposeChosen: ({ context }) => context.forms.decision.choice === 'oppose',
      cguNotTicked: ({ context }) => !context.forms.decision.cgu,
      isChildSession: ({ context }) => context.session?.isChild === true,
      isBlocker: ({ event }) => blockerOf((event as ErrorEvent).error) !== null,
      returnsToDelivery: ({ context }) => context.contactReturn === 'delivery',
      hasSession: ({ context }) => context.session !== null,
    },
    actions: {
      assignField: assign(({ context, event }) => {
        if (event.type !== 'FIELD') return {};
        const forms = structuredClone(context.forms) as Forms;
        (forms[event.form] as unknown as Record<string, string>)[event.field] = event.value;
        const fieldErrors = { ...context.fieldErrors };
        delete fieldErrors[`${event.form}.${event.field}`];
        const passwordChanged = event.form === 'credentials' && event.field === 'password';
        return {
          forms,
          fieldErrors,
          formError: null,
          notice: null,
          loginSuggestions: event.form === 'credentials' && event.field === 'login' ? [] : context.loginSuggestions,
          passwordChecklist: passwordChanged ? passwordChecklist(event.value, context.ruleSet) : context.passwordChecklist,
        };
      }),
      assignChoice: assign(({ context, event }) => {
        if (event.type !== 'CHOOSE') return {};
        const fieldErrors = { ...context.fieldErrors };
        delete fieldErrors['decision.choice'];
        return { forms: { ...context.forms, decision: { ...context.forms.decision, choice: event.choice } }, fieldErrors };
      }),
      assignCgu: assign(({ context, event }) => {
        if (event.type !== 'TOGGLE_CGU') return {};
        const fieldErrors = { ...context.fieldErrors };
        delete fieldErrors['decision.cgu'];
        return { forms: { ...context.forms, decision: { ...context.forms.decision, cgu: event.checked } }, fieldErrors };
      }),
      clearErrors: assign({ fieldErrors: {}, formError: null, notice: null }),
      assignIdentifyErrors: assign(({ context }) => ({ fieldErrors: validateIdentify(context.forms.identify), formError: null })),
      assignNewCodeErrors: assign(({ context }) => ({ fieldErrors: validateNewCode(context.forms.newCode, today()), formError: null })),
      assignContactErrors: assign(({ context }) => ({
        fieldErrors: validateContactValue(context.forms.contact, context.contactKind),
        formError: null,
      })),
      assignOtpErrors: assign(({ context }) => ({ fieldErrors: validateOtp(context.forms.contact), formError: null })),
      assignCredentialsErrors: assign(({ context }) => ({
        fieldErrors: validateCredentials(context.forms.credentials, context.ruleSet, context.session?.person ?? null),
        formError: null,
      })),
      assignChoiceError: assign({ fieldErrors: { 'decision.choice': { key: 'choice.required' } } as FieldErrors }),
      assignCguError: assign({ fieldErrors: { 'decision.cgu': { key: 'cgu.required' } } as FieldErrors }),
      assignFormError: assign(({ event }) => ({ formError: serverMessage((event as ErrorEvent).error) })),
      assignBlocker: assign(({ event }) => ({ blocker: blockerOf((event as ErrorEvent).error) })),
      assignNotCovered: assign(({ event }) => (event.type === 'NOT_COVERED' ? { notCovered: event.which } : {})),
      startBusy: assign({ busy: true }),
      stopBusy: assign({ busy: false }),
      assignSession: assign(({ context, event }) => {
        const session = (event as unknown as { output: SessionView }).output;
        return {
          session,
          forms: { ...context.forms, decision: { choice: '' as const, cgu: false }, credentials: { login: '', password: '', confirm: '' } },
          passwordChecklist: passwordChecklist('', context.ruleSet),
          proofDownloaded: false,
          profiles: [],
        };
      }),
      enterChildSession: assign(({ context, event }) => {
        const child = (event as unknown as { output: SessionView }).output;
        return {
          parentSession: context.parentSession ?? context.session,
          session: child,
          forms: { ...context.forms, decision: { choice: '' as const, cgu: false } },
          parentProofDownloaded: context.parentSession ? context.parentProofDownloaded : context.proofDownloaded,
          proofDownloaded: false,
          formError: null,
          fieldErrors: {},
        };
      }),
      leaveChildSession: assign(({ context }) => ({
        session: context.parentSession ?? context.session,
        parentSession: null,
        formError: null,
        fieldErrors: {},
        proofDownloaded: context.parentProofDownloaded,
      })),
      assignDecision: assign(({ context, event }) => {
        const out = (event as unknown as { output: DecisionResponse }).output;
        return context.session ? { session: { ...context.session, status: out.status, decidedAt: out.decidedAt } } : {};
      }),
      assignActivated: assign(({ context, event }) => {
        const out = (event as unknown as { output: CredentialsResponse }).output;
        return context.session ? { session: { ...context.session, status: out.status, decidedAt: out.decidedAt } } : {};
      }),
      assignProfiles: assign(({ event }) => ({ profiles: (event as unknown as { output: ProfileSummary[] }).output })),
      assignProof: assign({ proofDownloaded: true }),
      deliverProof: ({ event }) => deps.deliverProof((event as unknown as { output: OppositionProof }).output),
      assignProofRefused: assign(({ event }) => ({
        formError: serverMessage((event as ErrorEvent).error),
        proofDownloaded: errorCodeOf((event as ErrorEvent).error) === 'PROOF_ALREADY_DOWNLOADED',
      })),
      startContactEdit: assign(({ context, event }) => {
        if (event.type !== 'EDIT_CONTACT') return {};
        return {
          contactKind: event.kind,
          forms: { ...context.forms, contact: { value: '', otp: '' } },
          fieldErrors: {},
          formError: null,
          notice: null,
        };
      }),
      returnToContacts: assign({ contactReturn: 'contacts' as const }),
      returnToDelivery: assign({ contactReturn: 'delivery' as const }),
      assignOtpSent: assign(({ event }) => ({
        otpSentTo: (event as unknown as { output: ContactChangeResponse }).output.sentTo,
      })),
      clearOtp: assign(({ context }) => ({ forms: { ...context.forms, contact: { ...context.forms.contact, otp: '' } } })),
      assignOtpResent: assign(({ event }) => ({
        otpSentTo: (event as unknown as { output: ContactChangeResponse }).output.sentTo,
        notice: { key: 'notice.otpResent' },
      })),
      assignContacts: assign(({ context, event }) => {
        const { contacts } = (event as unknown as { output: ContactVerifyResponse }).output;
        const notice: Message = { key: context.contactKind === 'email' ? 'notice.emailChanged' : 'notice.mobileChanged' };
        return {
          session: context.session ? { ...context.session, contacts } : null,
          delivery: context.delivery ? { ...context.delivery, contacts, ...maskedFor(contacts) } : null,
          notice,
          fieldErrors: {},
          formError: null,
        };
      }),
      assignDelivery: assign(({ context, event }) => {
        const delivery = (event as unknown as { output: NewCodeResponse }).output;
        // The contact endpoints act on the new-code request's session, exactly as on an enrolment's.
        const session: SessionView = {
          sessionId: delivery.sessionId,
          person: { firstName: delivery.forFirstName, middleNames: '', lastName: '', birthDate: '', nir: '' },
          isChild: false,
          contacts: delivery.contacts,
          status: 'pending',
          decidedAt: null,
        };
        return { delivery, session, parentSession: null };
      }),
      assignCodeSent: assign(({ context, event }) => {
        const sent = (event as unknown as { output: NewCodeSendResponse }).output;
        return {
          delivery: context.delivery ? { ...context.delivery, ...sent } : null,
          // The new code is typed on S3 next: the rest of the identification is kept.
          forms: {
            ...context.forms,
            identify: {
              ...context.forms.identify,
              code: '',
              nir: context.forms.identify.nir || context.forms.newCode.nir,
              cardType: context.forms.identify.cardType || context.forms.newCode.cardType,
              serial: context.forms.identify.serial || context.forms.newCode.serial,
            },
          },
        };
      }),
      assignLoginRefused: assign(({ event }) => {
        const error = (event as ErrorEvent).error;
        const code = errorCodeOf(error);
        if (code === 'LOGIN_ALREADY_EXISTS') {
          return {
            fieldErrors: { 'credentials.login': { key: 'server.LOGIN_ALREADY_EXISTS' } } as FieldErrors,
            loginSuggestions: suggestionsOf(error),
            formError: null,
          };
        }
        if (code === 'WEAK_PASSWORD' || code === 'WEAK_PASSWORD_PERSONAL') {
          return { fieldErrors: { 'credentials.password': { key: `server.${code}` } } as FieldErrors, formError: null };
        }
        return { formError: serverMessage(error) };
      }),
      dismissNotice: assign({ notice: null }),
    },
  }).createMachine({
    id: 'site',
    context: ({ input }) => initialSiteContext({ ruleSet: input.ruleSet ?? 'seed-2021', forms: { ...emptyForms(), ...input.forms } }),
    initial: 'screens',
    on: {
      FIELD: { actions: 'assignField' },
      NOT_COVERED: { target: '.notCovered', actions: 'assignNotCovered' },
      HOME: { target: '.screens.home', actions: 'clearErrors' },
      DISMISS_NOTICE: { actions: 'dismissNotice' },
    },
    states: {
      /** Every screen of the site; « not covered » pages stand beside them so that « Retour » can restore the exact place. */
      screens: {
        initial: 'home',
        states: {
          history: { type: 'history', history: 'deep' },
          home: {
            on: { ACTIVATE_SPACE: 'start' },
          },
          start: {
            on: { BEGIN: 'identify', NEW_CODE: 'newCode', BACK: 'home' },
          },
          identify: {
            initial: 'editing',
            on: { BACK: { target: 'start', actions: 'clearErrors' }, NEW_CODE: { target: 'newCode', actions: 'clearErrors' } },
            states: {
              editing: {
                on: {
                  SUBMIT: [
                    { guard: 'identifyValid', target: 'submitting', actions: 'clearErrors' },
                    { actions: 'assignIdentifyErrors' },
                  ],
                },
              },
              submitting: requestState('identify', {
                input: ({ context }) => identifyRequest(context.forms.identify),
                onDone: { target: '#site.screens.decision', actions: 'assignSession' },
                back: 'editing',
                ignore: ['BACK', 'NEW_CODE'],
              }),
            },
          },
          decision: {
            initial: 'editing',
            on: {
              BACK: [
                { guard: 'isChildSession', target: 'opposed', actions: 'leaveChildSession' },
                { target: 'identify', actions: 'clearErrors' },
              ],
            },
            states: {
              editing: {
                on: {
                  CHOOSE: { actions: 'assignChoice' },
                  TOGGLE_CGU: { actions: 'assignCgu' },
                  SUBMIT: [
                    { guard: 'noChoice', actions: 'assignChoiceError' },
                    { guard: 'opposeChosen', target: '#site.screens.confirmOpposition', actions: 'clearErrors' },
                    { guard: 'cguNotTicked', actions: 'assignCguError' },
                    { target: 'submitting', actions: 'clearErrors' },
                  ],
                },
              },
              submitting: requestState('decide', {
                input: ({ context }) => ({ sessionId: context.session?.sessionId ?? '', decision: 'activate' as const, cguAccepted: true }),
                onDone: [
                  { guard: 'isChildSession', target: '#site.screens.activated', actions: 'assignDecision' },
                  { target: '#site.screens.contacts', actions: 'assignDecision' },
                ],
                back: 'editing',
              }),
            },
          },
          confirmOpposition: {
            initial: 'idle',
            on: { BACK: { target: 'decision', actions: 'clearErrors' } },
            states: {
              idle: { on: { SUBMIT: { target: 'submitting', actions: 'clearErrors' } } },
              submitting: requestState('decide', {
                input: ({ context }) => ({ sessionId: context.session?.sessionId ?? '', decision: 'oppose' as const, cguAccepted: false }),
                onDone: { target: '#site.screens.opposed', actions: 'assignDecision' },
                back: 'idle',
              }),
            },
          },
          opposed: {
            initial: 'checking',
            on: {
              BACK: { guard: 'isChildSession', target: 'opposed', reenter: true, actions: 'leaveChildSession' },
            },
            states: {
              // A child's page lists no profiles: only the legal representative's does.
              checking: {
                always: [{ guard: 'isChildSession', target: 'idle' }, { target: 'loadingProfiles' }],
              },
              loadingProfiles: requestState('fetchProfiles', {
                input: ({ context }) => ({ sessionId: context.session?.sessionId ?? '' }),
                onDone: { target: 'idle', actions: 'assignProfiles' },
                back: 'idle',
                ignore: [],
                busy: false,
              }),
              idle: {
                on: {
                  DOWNLOAD_PROOF: { target: 'downloading', actions: 'clearErrors' },
                  MANAGE_PROFILE: { target: 'managing', actions: 'clearErrors' },
                },
              },
              downloading: requestState('fetchProof', {
                input: ({ context }) => ({ sessionId: context.session?.sessionId ?? '' }),
                onDone: { target: 'idle', actions: ['assignProof', 'deliverProof'] },
                back: 'idle',
                refused: 'assignProofRefused',
                ignore: [],
              }),
              managing: requestState('manageProfile', {
                input: ({ context, event }) => ({
                  sessionId: context.session?.sessionId ?? '',
                  profileId: event.type === 'MANAGE_PROFILE' ? event.profileId : '',
                }),
                onDone: { target: '#site.screens.decision', actions: 'enterChildSession' },
                back: 'idle',
                ignore: [],
              }),
            },
          },
          contacts: {
            on: {
              EDIT_CONTACT: { target: 'editContact', actions: ['startContactEdit', 'returnToContacts'] },
              SUBMIT: { target: 'credentials', actions: 'clearErrors' },
              BACK: { target: 'decision', actions: 'clearErrors' },
            },
          },
          editContact: {
            initial: 'editing',
            on: {
              BACK: [
                { guard: 'returnsToDelivery', target: 'delivery', actions: 'clearErrors' },
                { target: 'contacts', actions: 'clearErrors' },
              ],
            },
            states: {
              editing: {
                on: {
                  SUBMIT: [
                    { guard: 'contactValueValid', target: 'sending', actions: 'clearErrors' },
                    { actions: 'assignContactErrors' },
                  ],
                },
              },
              sending: requestState('changeContact', {
                input: changeContactInput,
                onDone: { target: '#site.screens.verifyContact', actions: ['assignOtpSent', 'clearOtp'] },
                back: 'editing',
              }),
            },
          },
          verifyContact: {
            initial: 'editing',
            on: {
              BACK: [
                { guard: 'returnsToDelivery', target: 'delivery', actions: 'clearErrors' },
                { target: 'contacts', actions: 'clearErrors' },
              ],
            },
            states: {
              editing: {
                on: {
                  SUBMIT: [{ guard: 'otpValid', target: 'verifying', actions: 'clearErrors' }, { actions: 'assignOtpErrors' }],
                  RESEND: { target: 'resending', actions: 'clearErrors' },
                },
              },
              verifying: requestState('verifyContact', {
                input: ({ context }) => ({
                  sessionId: context.session?.sessionId ?? '',
                  kind: context.contactKind,
                  otp: context.forms.contact.otp.trim(),
                }),
                onDone: [
                  { guard: 'returnsToDelivery', target: '#site.screens.delivery', actions: 'assignContacts' },
                  { target: '#site.screens.contacts', actions: 'assignContacts' },
                ],
                back: 'editing',
              }),
              resending: requestState('changeContact', {
                input: changeContactInput,
                onDone: { target: 'editing', actions: 'assignOtpResent' },
                back: 'editing',
              }),
            },
          },
          credentials: {
            initial: 'editing',
            on: { BACK: { target: 'contacts', actions: 'clearErrors' } },
            states: {
              editing: {
                on: {
                  SUBMIT: [
                    { guard: 'credentialsValid', target: 'submitting', actions: 'clearErrors' },
                    { actions: 'assignCredentialsErrors' },
                  ],
                },
              },
              submitting: requestState('setCredentials', {
                input: ({ context }) => ({
                  sessionId: context.session?.sessionId ?? '',
                  login: context.forms.credentials.login.trim(),
                  password: context.forms.credentials.password,
                }),
                onDone: { target: '#site.screens.activated', actions: 'assignActivated' },
                back: 'editing',
                refused: 'assignLoginRefused',
              }),
            },
          },
          activated: {
            on: {
              BACK: { guard: 'isChildSession', target: 'opposed', actions: 'leaveChildSession' },
            },
          },
          newCode: {
            initial: 'editing',
            on: { BACK: { target: 'start', actions: 'clearErrors' } },
            states: {
              editing: {
                on: {
                  SUBMIT: [
                    { guard: 'newCodeValid', target: 'submitting', actions: 'clearErrors' },
                    { actions: 'assignNewCodeErrors' },
                  ],
                },
              },
              submitting: requestState('requestNewCode', {
                input: ({ context }) => newCodeRequest(context.forms.newCode, today()),
                onDone: { target: '#site.screens.delivery', actions: 'assignDelivery' },
                back: 'editing',
              }),
            },
          },
          delivery: {
            initial: 'idle',
            on: {
              BACK: { target: 'newCode', actions: 'clearErrors' },
              EDIT_CONTACT: { target: 'editContact', actions: ['startContactEdit', 'returnToDelivery'] },
            },
            states: {
              idle: { on: { SUBMIT: { target: 'sending', actions: 'clearErrors' } } },
              sending: requestState('sendNewCode', {
                input: ({ context }) => ({ sessionId: context.delivery?.sessionId ?? '' }),
                onDone: { target: '#site.screens.codeSent', actions: 'assignCodeSent' },
                back: 'idle',
                ignore: ['BACK', 'EDIT_CONTACT'],
              }),
            },
          },
          codeSent: {
            on: { BEGIN: { target: 'identify', actions: 'clearErrors' } },
          },
          blocked: {
            on: { NEW_CODE: { target: 'newCode', actions: 'clearErrors' } },
          },
        },
      },
      notCovered: {
        on: { BACK: 'screens.history' },
      },
    },
  });
}

export type SiteMachine = ReturnType<typeof createSiteMachine>;
export type SiteActor = ActorRefFrom<SiteMachine>;
export type SiteSnapshot = SnapshotFrom<SiteMachine>;

/** The screen a snapshot shows: the top-level state. */
export function screenOf(snapshot: { value: unknown }): ScreenId {
  const value = snapshot.value;
  if (typeof value === 'string') return value as ScreenId;
  const screens = (value as { screens?: unknown }).screens;
  if (screens === undefined) return Object.keys(value as object)[0] as ScreenId;
  return (typeof screens === 'string' ? screens : Object.keys(screens as object)[0]) as ScreenId;
}
