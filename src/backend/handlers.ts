import { http, HttpResponse, type HttpHandler, type PathParams } from 'msw';
import { faultSchema, worldSchema } from '../scenarios/schema';
import { BackendError } from './errors';
import { bodyText, keepBody } from '../api/message-body';
import type { Endpoint, Store } from './store';

/**
 * The HTTP face of the simulated service: MSW handlers over a Store. The same handlers serve the
 * browser (service worker or in-page fallback) and node tests (msw/node). Paths start with a
 * wildcard so they match whatever origin the page or the test uses.
 *
 * The handlers only translate: JSON in, JSON out, errors as ApiErrorBody with their HTTP status.
 * Every business rule lives in the store.
 */

export interface HandlerOptions {
  /** Called after every request that changed the store (the app saves it then). */
  onChange?: () => void;
}

type Body = Record<string, unknown>;

interface RouteArgs {
  request: Request;
  params: PathParams;
}

/** A body that is not a JSON object is a malformed request, never an exception. */
async function readBody(request: Request): Promise<Body> {
  let data: unknown;
  try {
    data = JSON.parse(await bodyText(request));
  } catch {
    throw new BackendError('INVALID_REQUEST');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new BackendError('INVALID_REQUEST');
  return data as Body;
}

function text(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new BackendError('INVALID_REQUEST', { field: key });
  return value;
}

/** Absent means false: a refusal of the CGU is the same as not ticking the box. */
function flag(body: Body, key: string): boolean {
  const value = body[key] ?? false;
  if (typeof value !== 'boolean') throw new BackendError('INVALID_REQUEST', { field: key });
  return value;
}

function param(params: PathParams, key: string): string {
  const value = params[key];
  if (typeof value !== 'string') throw new BackendError('INVALID_REQUEST', { field: key });
  return value;
}

/**
 * A JSON answer. Not `HttpResponse.json`, which measures the text's length in bytes through a `Blob` for a
 * Content-Length header that nothing here reads: a Blob is a round trip to the browser's process, on every
 * answer the pas à pas waits for.
 */
/** A JSON answer, its text also kept beside it for the page's API client (src/api/message-body.ts says why). */
function jsonResponse(data: object, status = 200): Response {
  const text = JSON.stringify(data);
  const response = new HttpResponse(text, { status, headers: { 'Content-Type': 'application/json' } });
  keepBody(response, text);
  return response;
}

function errorResponse(error: unknown): Response {
  if (error instanceof BackendError) return jsonResponse(error.toBody(), error.status);
  // A bug of the simulator: shown to the person as the service's generic error, logged for developers.
  console.error('[simulated backend]', error);
  const generic = new BackendError('SERVER_ERROR');
  return jsonResponse(generic.toBody(), generic.status);
}

export function createHandlers(store: Store, options: HandlerOptions = {}): HttpHandler[] {
  /**
   * One endpoint: its faults first, then the work, then the change notification. `endpoint` names the
   * service's requests that scenario faults may target; 'service' is a request of the service that they
   * cannot name, which an armed outage still hits; null is the simulator's own (inbox, reset…), never hit.
   */
  const route =
    (endpoint: Endpoint | 'service' | null, run: (args: RouteArgs) => Promise<Response> | Response) =>
    async ({ request, params }: RouteArgs): Promise<Response> => {
      const before = store.revision;
      try {
        const fault = endpoint === null ? null : endpoint === 'service' ? store.takeArmedFailure() : store.takeFault(endpoint);
        if (fault) throw fault;
        return await run({ request, params });
      } catch (error) {
        return errorResponse(error);
      } finally {
        if (store.revision !== before && options.onChange) {
          try {
            options.onChange();
          } catch (error) {
            // Saving may fail (storage full): the answer must still reach the page.
            console.warn('[simulated backend] onChange failed', error);
          }
        }
      }
    };

  const json = (data: object) => jsonResponse(data);
  const noContent = () => new HttpResponse(null, { status: 204 });

  return [
    http.post(
      '*/api/enrolment/identify',
      route('identify', async ({ request }) => {
        const body = await readBody(request);
        return json(
          store.identify({
            code: text(body, 'code'),
            nir: text(body, 'nir'),
            cardType: text(body, 'cardType'),
            serial: text(body, 'serial'),
          }),
        );
      }),
    ),
    http.post(
      '*/api/enrolment/:id/decision',
      route('decision', async ({ request, params }) => {
        const body = await readBody(request);
        return json(
          store.decide(param(params, 'id'), { decision: text(body, 'decision'), cguAccepted: flag(body, 'cguAccepted') }),
        );
      }),
    ),
    http.post(
      '*/api/enrolment/:id/contacts/:kind',
      route('contact-change', async ({ request, params }) => {
        const body = await readBody(request);
        return json(store.changeContact(param(params, 'id'), param(params, 'kind'), text(body, 'value')));
      }),
    ),
    http.post(
      '*/api/enrolment/:id/contacts/:kind/verify',
      route('contact-verify', async ({ request, params }) => {
        const body = await readBody(request);
        return json(store.verifyContact(param(params, 'id'), param(params, 'kind'), text(body, 'otp')));
      }),
    ),
    http.post(
      '*/api/enrolment/:id/credentials',
      route('credentials', async ({ request, params }) => {
        const body = await readBody(request);
        return json(
          store.setCredentials(param(params, 'id'), { login: text(body, 'login'), password: text(body, 'password') }),
        );
      }),
    ),
    http.get(
      '*/api/enrolment/:id/opposition-proof',
      route('opposition-proof', ({ params }) => json(store.oppositionProof(param(params, 'id')))),
    ),
    http.get(
      '*/api/enrolment/:id/profiles',
      route('profiles', ({ params }) => json(store.profiles(param(params, 'id')))),
    ),
    http.post(
      '*/api/enrolment/:id/profiles/:childId/session',
      // Scenario faults name no endpoint for this one; the trainer's outage (« Simuler une panne ») hits it.
      route('service', ({ params }) => json(store.manageProfile(param(params, 'id'), param(params, 'childId')))),
    ),
    http.post(
      '*/api/provisional-code',
      route('new-code', async ({ request }) => {
        const body = await readBody(request);
        return json(
          store.requestNewCode({
            nir: text(body, 'nir'),
            birthDate: text(body, 'birthDate'),
            cardType: text(body, 'cardType'),
            serial: text(body, 'serial'),
          }),
        );
      }),
    ),
    http.post(
      '*/api/provisional-code/send',
      route('new-code-send', async ({ request }) => {
        const body = await readBody(request);
        return json(store.sendNewCode(text(body, 'sessionId')));
      }),
    ),
    http.get(
      '*/api/inbox',
      route(null, () => json({ messages: store.inbox() })),
    ),
    http.post(
      '*/api/reset',
      route(null, () => {
        store.reset();
        return noContent();
      }),
    ),
    http.post(
      '*/api/faults/next',
      route(null, async ({ request }) => {
        const body = await readBody(request);
        const parsed = faultSchema.shape.error.safeParse(body.error);
        if (!parsed.success) throw new BackendError('INVALID_REQUEST', { field: 'error' });
        store.armNextFailure(parsed.data);
        return noContent();
      }),
    ),
    http.post(
      '*/api/world',
      route(null, async ({ request }) => {
        const parsed = worldSchema.safeParse(await readBody(request));
        if (!parsed.success) {
          const path = parsed.error.issues[0]?.path.join('.') ?? '';
          throw new BackendError('INVALID_REQUEST', path === '' ? undefined : { field: path });
        }
        store.loadWorld(parsed.data);
        return noContent();
      }),
    ),
  ];
}
