import { getResponse, type HttpHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import type { Store } from './store';

/**
 * Starts the simulated backend in the page.
 *
 * MSW 2's `setupWorker().start()` picks its source itself (msw/lib/browser, `supportsServiceWorker`):
 * the service worker when `navigator.serviceWorker` exists and the page is not on file://, else an
 * in-page interception of fetch and XMLHttpRequest ("fallback mode"). An insecure context has no
 * `navigator.serviceWorker` at all, so it falls back by itself. What MSW does not handle is a
 * service worker API that is present but refuses to register (worker script not served, private
 * browsing, sandboxed frame…): then start() rejects, and this function intercepts fetch in the page
 * itself, answering with the same handlers through MSW's `getResponse`, so the simulator works
 * wherever the page opens. Only fetch is needed: the API client is the only caller of /api.
 */

export interface BrowserBackendOptions {
  /** Called after every request that changed the store: the app saves it then. */
  onChange?: () => void;
}

export interface BrowserBackend {
  /** How requests are intercepted; shown nowhere, useful when debugging. */
  mode: 'service-worker' | 'in-page';
  stop(): void;
}

/**
 * The built app registers its own worker (offline cache + MSW's, see scripts/vite-offline.ts), whose
 * address the build defines; the dev server and the tests register MSW's alone.
 */
declare const __OFFLINE_WORKER__: string | undefined;
const WORKER_URL = typeof __OFFLINE_WORKER__ === 'string' ? __OFFLINE_WORKER__ : '/mockServiceWorker.js';

/** The same test as MSW's, to report which source it chose. */
function serviceWorkerUsable(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && location.protocol !== 'file:';
}

/** Answers the handled requests from the handlers; the others go to the network untouched. */
function interceptFetch(handlers: HttpHandler[]): () => void {
  const original = globalThis.fetch;
  const patched: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request.clone());
    return response ?? original.call(globalThis, request);
  };
  globalThis.fetch = patched;
  return () => {
    if (globalThis.fetch === patched) globalThis.fetch = original;
  };
}

/**
 * MSW's start() checks for a newer worker with `registration.update()` and drops the promise. Offline,
 * or when the page is left while the check runs, that promise rejects and reaches the console as an
 * unhandled rejection, though nothing is wrong: the installed worker keeps answering. Every update's
 * failure is marked as handled here (callers that await it still see it).
 */
function quietWorkerUpdates(): void {
  if (typeof ServiceWorkerRegistration === 'undefined') return;
  const proto = ServiceWorkerRegistration.prototype as ServiceWorkerRegistration & { __mesQuiet?: boolean };
  if (proto.__mesQuiet) return;
  const update = proto.update;
  proto.update = function (this: ServiceWorkerRegistration) {
    const pending = update.call(this);
    pending.catch(() => undefined);
    return pending;
  };
  proto.__mesQuiet = true;
}

export async function startBrowserBackend(store: Store, options: BrowserBackendOptions = {}): Promise<BrowserBackend> {
  const handlers = createHandlers(store, options.onChange ? { onChange: options.onChange } : {});
  const worker = setupWorker(...handlers);
  quietWorkerUpdates();
  try {
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: WORKER_URL },
    });
    return { mode: serviceWorkerUsable() ? 'service-worker' : 'in-page', stop: () => worker.stop() };
  } catch (error) {
    console.warn('[simulated backend] service worker unavailable, intercepting in the page', error);
    try {
      worker.stop();
    } catch {
      // The worker never started: nothing to stop.
    }
    const stop = interceptFetch(handlers);
    return { mode: 'in-page', stop };
  }
}
