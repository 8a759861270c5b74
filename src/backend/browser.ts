import { getResponse, type HttpHandler } from 'msw';
import { createHandlers } from './handlers';
import { keepBody } from '../api/message-body';
import type { Store } from './store';

/**
 * Starts the simulated backend in the page: the page's `fetch` answers the requests to /api with the
 * handlers (MSW's request handlers, through its `getResponse`, the same as in the node tests); every
 * other request goes to the network untouched. Only fetch is needed: the API client is the only
 * caller of /api, and it looks `fetch` up at each call.
 *
 * The answers used to come through MSW's service worker. That costs, for every request, a round trip
 * from the page to the worker's thread and back (the worker asks the page for the answer and the page
 * sends it back), tens of milliseconds on a busy machine, on every step of the pas à pas that waits
 * for the site's answer; in the page it takes a few microtasks, and works the same with or without a
 * service worker (a browser policy, a private window, a page opened from disk). The built app still
 * registers its own worker (`sw.js`, scripts/vite-offline.ts), which only keeps the app's files for
 * offline use.
 */

export interface BrowserBackendOptions {
  /** Called after every request that changed the store: the app saves it then. */
  onChange?: () => void;
}

export interface BrowserBackend {
  stop(): void;
}

/**
 * The built app's worker for offline use, whose address the build defines (scripts/vite-offline.ts);
 * the dev server and the tests have none.
 */
declare const __OFFLINE_WORKER__: string | undefined;
const OFFLINE_WORKER = typeof __OFFLINE_WORKER__ === 'string' ? __OFFLINE_WORKER__ : null;

/**
 * Whether `handler` may answer a request with this method and path. MSW tries each handler in turn, and each
 * try compiles the handler's path into a regular expression anew (path-to-regexp): a millisecond or two of
 * every request, in the click's task, for 14 handlers. Only the handlers that may match are handed to it:
 * same method, and a path made of `*` (any origin) then `/segment/:param/…` with as many segments, the fixed
 * ones equal.
 * Whatever this cannot judge (a RegExp, another wildcard, an optional or patterned segment) is left to MSW.
 */
export function mayAnswer(handler: HttpHandler, method: string, pathname: string): boolean {
  const { method: expected, path } = handler.info;
  if (typeof expected === 'string' && expected.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof path !== 'string' || !path.startsWith('*/')) return true;
  const pattern = path.slice(1).split('/');
  if (pattern.some((segment) => /[*?+()]/.test(segment))) return true;
  const segments = (pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname).split('/');
  return segments.length === pattern.length && pattern.every((segment, i) => segment.startsWith(':') || segment === segments[i]);
}

/**
 * Answers the requests to the page's own /api from the handlers; the others go to the network untouched.
 * A JSON text body (what the API client sends) travels beside the request rather than in it
 * (src/api/message-body.ts says why); any other body stays in the request.
 */
function interceptFetch(handlers: HttpHandler[]): () => void {
  const original = globalThis.fetch;
  const patched: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/api/')) return original.call(globalThis, input, init);
    // The simulated service keeps no cookies: the request MSW reads says so (credentials omitted), or MSW
    // reads the page's cookies for it, a synchronous round trip to the browser's network process (up to a
    // few milliseconds, in the task of the click that sent the request).
    let request: Request;
    if (!(input instanceof Request) && typeof init?.body === 'string') {
      const { body, ...rest } = init;
      request = new Request(url, { ...rest, credentials: 'omit' });
      keepBody(request, body);
    } else {
      request = new Request(input, { ...init, credentials: 'omit' });
    }
    // A request no handler answers is left unread (MSW only reads the clone it takes): it goes on as it came.
    const response = await getResponse(
      handlers.filter((handler) => mayAnswer(handler, request.method, url.pathname)),
      request,
    );
    return response ?? original.call(globalThis, input, init);
  };
  globalThis.fetch = patched;
  return () => {
    if (globalThis.fetch === patched) globalThis.fetch = original;
  };
}

/**
 * Registers the app's offline worker where the page may have one (not on file://, not where a policy
 * or a private window refuses it: the app then simply works online only). Registering it again on the
 * next pages is a no-op for the browser.
 */
function keepForOffline(): void {
  if (!OFFLINE_WORKER || typeof navigator === 'undefined' || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register(OFFLINE_WORKER).catch((error: unknown) => {
    console.warn('[offline] service worker unavailable: the app works online only', error);
  });
}

export async function startBrowserBackend(store: Store, options: BrowserBackendOptions = {}): Promise<BrowserBackend> {
  const handlers = createHandlers(store, options.onChange ? { onChange: options.onChange } : {});
  const stop = interceptFetch(handlers);
  keepForOffline();
  return { stop };
}
