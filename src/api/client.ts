import { bodyText } from './message-body';
import type { FaultData, WorldData } from '../scenarios/schema';
import type {
  ApiErrorBody,
  ApiErrorCode,
  ContactChangeRequest,
  ContactChangeResponse,
  ContactKind,
  ContactVerifyRequest,
  ContactVerifyResponse,
  CredentialsRequest,
  CredentialsResponse,
  DecisionRequest,
  DecisionResponse,
  IdentifyRequest,
  InboxMessage,
  InboxResponse,
  NewCodeRequest,
  NewCodeResponse,
  NewCodeSendResponse,
  OppositionProof,
  ProfileSummary,
  SessionView,
} from './types';

/**
 * The typed client of the service's HTTP API. It is the only code that calls `fetch` for /api: the
 * site machine's actors go through it, and so the simulated backend (MSW) could be swapped for real
 * servers without touching the site.
 */

const ERROR_CODES: readonly ApiErrorCode[] = [
  'NO_USER_FOUND',
  'CODE_EXPIRED',
  'CODE_ALREADY_USED',
  'PROFILE_ALREADY_EXISTS',
  'CONTACTS_NOT_FOUND',
  'MIN_DELAY_ERROR',
  'SESSION_TIMED_OUT',
  'LOGIN_ALREADY_EXISTS',
  'WEAK_PASSWORD',
  'WEAK_PASSWORD_PERSONAL',
  'DECEASED_INDIVIDUAL',
  'WRONG_OTP',
  'PROOF_ALREADY_DOWNLOADED',
  'NOT_LEGAL_REPRESENTATIVE',
  'INVALID_REQUEST',
  'SERVER_ERROR',
];

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly details?: ApiErrorBody['details'];
  /** True when the request failed before any answer (offline, backend not started…). */
  readonly network: boolean;

  constructor(
    code: ApiErrorCode,
    status: number,
    message: string,
    options: { details?: ApiErrorBody['details']; network?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    if (options.details !== undefined) this.details = options.details;
    this.network = options.network ?? false;
  }
}

export interface Api {
  identify(body: IdentifyRequest): Promise<SessionView>;
  decide(sessionId: string, body: DecisionRequest): Promise<DecisionResponse>;
  changeContact(sessionId: string, kind: ContactKind, body: ContactChangeRequest): Promise<ContactChangeResponse>;
  verifyContact(sessionId: string, kind: ContactKind, body: ContactVerifyRequest): Promise<ContactVerifyResponse>;
  setCredentials(sessionId: string, body: CredentialsRequest): Promise<CredentialsResponse>;
  fetchOppositionProof(sessionId: string): Promise<OppositionProof>;
  fetchProfiles(sessionId: string): Promise<ProfileSummary[]>;
  /** Opens a session for one of the parent's children, so the same decision flow runs for it. */
  manageProfile(sessionId: string, childId: string): Promise<SessionView>;
  requestNewCode(body: NewCodeRequest): Promise<NewCodeResponse>;
  sendNewCode(sessionId: string): Promise<NewCodeSendResponse>;
  /** What the simulated mailbox and phone received, newest first. */
  fetchInbox(): Promise<InboxMessage[]>;
  /** Back to the scenario's initial world. */
  reset(): Promise<void>;
  /** Replaces the simulated world (a scenario was loaded). */
  loadWorld(world: WorldData): Promise<void>;
  /** The next request, whatever it is, fails with this error: a trainer shows an outage. */
  armNextFailure(error: FaultData['error']): Promise<void>;
}

/** The text shown when the server's answer cannot be read: the service's generic message. */
const GENERIC_MESSAGE = 'Une erreur est survenue, veuillez réessayer plus tard';

function segment(value: string): string {
  return encodeURIComponent(value);
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = JSON.parse(await bodyText(response));
  } catch {
    // An answer without a JSON body (a proxy page, an empty 502…) is still an error of the server.
  }
  if (body !== null && typeof body === 'object' && isApiErrorCode((body as ApiErrorBody).code)) {
    const { code, message, details } = body as ApiErrorBody;
    return new ApiError(code, response.status, typeof message === 'string' ? message : GENERIC_MESSAGE, {
      ...(details !== undefined && { details }),
    });
  }
  return new ApiError('SERVER_ERROR', response.status, GENERIC_MESSAGE);
}

/** How long the site waits for an answer before saying the service does not answer (and offering to retry). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ApiOptions {
  timeoutMs?: number;
}

export function createApi(baseUrl = '', options: ApiOptions = {}): Api {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    // An answer that never comes is a network failure too: the screen says so and its button retries.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    init.signal = controller.signal;
    try {
      let response: Response;
      try {
        // Looked up at call time: MSW (and tests) replace the global fetch after this module loads.
        response = await fetch(`${root}${path}`, init);
      } catch (cause) {
        throw new ApiError('SERVER_ERROR', 0, GENERIC_MESSAGE, { network: true, cause });
      }
      if (!response.ok) throw await readError(response);
      if (response.status === 204) return undefined as T;
      try {
        // The simulated backend's answer is read from beside it: src/api/message-body.ts says why.
        return JSON.parse(await bodyText(response)) as T;
      } catch (cause) {
        if (controller.signal.aborted) throw new ApiError('SERVER_ERROR', 0, GENERIC_MESSAGE, { network: true, cause });
        throw new ApiError('SERVER_ERROR', response.status, GENERIC_MESSAGE, { cause });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  const enrolment = (sessionId: string, rest: string) => `/api/enrolment/${segment(sessionId)}${rest}`;

  return {
    identify: (body) => request('POST', '/api/enrolment/identify', body),
    decide: (sessionId, body) => request('POST', enrolment(sessionId, '/decision'), body),
    changeContact: (sessionId, kind, body) => request('POST', enrolment(sessionId, `/contacts/${segment(kind)}`), body),
    verifyContact: (sessionId, kind, body) =>
      request('POST', enrolment(sessionId, `/contacts/${segment(kind)}/verify`), body),
    setCredentials: (sessionId, body) => request('POST', enrolment(sessionId, '/credentials'), body),
    fetchOppositionProof: (sessionId) => request('GET', enrolment(sessionId, '/opposition-proof')),
    fetchProfiles: (sessionId) => request('GET', enrolment(sessionId, '/profiles')),
    manageProfile: (sessionId, childId) =>
      request('POST', enrolment(sessionId, `/profiles/${segment(childId)}/session`), {}),
    requestNewCode: (body) => request('POST', '/api/provisional-code', body),
    sendNewCode: (sessionId) => request('POST', '/api/provisional-code/send', { sessionId }),
    fetchInbox: async () => (await request<InboxResponse>('GET', '/api/inbox')).messages,
    reset: async () => {
      await request<unknown>('POST', '/api/reset', {});
    },
    loadWorld: async (world) => {
      await request<unknown>('POST', '/api/world', world);
    },
    armNextFailure: async (error) => {
      await request<unknown>('POST', '/api/faults/next', { error });
    },
  };
}

/** The browser's client: same origin, where the simulated backend intercepts /api. */
export const api = createApi();
