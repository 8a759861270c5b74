import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import { setupWorker } from 'msw/browser';
import { InterceptorSource, defineNetwork } from 'msw/experimental';
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
 * browsing, sandboxed frame…): then start() rejects, and this function sets up the same in-page
 * interception with MSW's own building blocks, so the simulator works wherever the page opens.
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

const WORKER_URL = '/mockServiceWorker.js';

/** The same test as MSW's, to report which source it chose. */
function serviceWorkerUsable(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && location.protocol !== 'file:';
}

type Interceptors = ConstructorParameters<typeof InterceptorSource>[0]['interceptors'];

/**
 * The interceptors of MSW's own fallback mode. The cast only bridges a variance quirk of the
 * declared types (an interceptor of HTTP events is refused where HTTP-or-WebSocket is expected);
 * MSW passes the same instances internally.
 */
function httpInterceptors(): Interceptors {
  return [new FetchInterceptor(), new XMLHttpRequestInterceptor()] as unknown as Interceptors;
}

export async function startBrowserBackend(store: Store, options: BrowserBackendOptions = {}): Promise<BrowserBackend> {
  const handlers = createHandlers(store, options.onChange ? { onChange: options.onChange } : {});
  const worker = setupWorker(...handlers);
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
    const network = defineNetwork({
      sources: [new InterceptorSource({ interceptors: httpInterceptors() })],
      handlers,
      onUnhandledFrame: 'bypass',
      context: { quiet: true },
    });
    await network.enable();
    return { mode: 'in-page', stop: () => void network.disable() };
  }
}
