import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../src/api/client';
import { mayAnswer, startBrowserBackend, type BrowserBackend } from '../../../src/backend/browser';
import { createHandlers } from '../../../src/backend/handlers';
import { Store } from '../../../src/backend/store';
import { MARTINE, fakeClock, martineIdentify, pasAPasWorld } from './harness';

/**
 * The page's own fetch (src/backend/browser.ts): /api of the page's origin answered by the handlers, the
 * API client's JSON body handed beside the request (src/api/message-body.ts), every other request
 * passed to the network as it came.
 */
const ORIGIN = 'http://app.test';
let network: ReturnType<typeof vi.fn>;
let backend: BrowserBackend | null = null;

beforeEach(() => {
  vi.stubGlobal('location', new URL(`${ORIGIN}/?step=s1`));
  network = vi.fn(async () => new Response('from the network', { status: 200 }));
  vi.stubGlobal('fetch', network);
});

afterEach(() => {
  backend?.stop();
  backend = null;
  vi.unstubAllGlobals();
});

async function start(): Promise<Store> {
  const store = new Store(pasAPasWorld(), { now: fakeClock().now, seed: 42 });
  backend = await startBrowserBackend(store);
  return store;
}

describe("the page's fetch", () => {
  it("answers the API client's requests from the store, their JSON bodies read", async () => {
    await start();
    const api = createApi();
    const session = await api.identify(martineIdentify());
    expect(session.sessionId).toEqual(expect.any(String));
    // The body was read: a wrong code in it is refused by the store, not by a missing field.
    await expect(api.identify(martineIdentify('AAAAAAAAAAAA'))).rejects.toMatchObject({ code: expect.not.stringMatching(/^INVALID_REQUEST$/) });
    expect(network).not.toHaveBeenCalled();
  });

  it("never reads the page's cookies (a synchronous round trip to the browser's network process): the service keeps none", async () => {
    let reads = 0;
    vi.stubGlobal('document', {
      get cookie() {
        reads += 1;
        return 'other=1';
      },
    });
    await start();
    const api = createApi();
    const session = await api.identify(martineIdentify());
    expect(session.sessionId).toEqual(expect.any(String));
    await fetch('/api/enrolment/identify', { method: 'POST', body: JSON.stringify(martineIdentify()) });
    expect(reads).toBe(0);
  });

  it("hands its answers' text beside them: the client never reads a body (in Chromium, that waits for a task)", async () => {
    await start();
    const text = vi.spyOn(Response.prototype, 'text');
    const json = vi.spyOn(Response.prototype, 'json');
    const api = createApi();
    const session = await api.identify(martineIdentify());
    expect(session.sessionId).toEqual(expect.any(String));
    // An error's body too: its code comes from the handler's answer.
    await expect(api.identify(martineIdentify('AAAAAAAAAAAA'))).rejects.toMatchObject({ status: expect.any(Number), code: expect.not.stringMatching(/^SERVER_ERROR$/) });
    expect(text).not.toHaveBeenCalled();
    expect(json).not.toHaveBeenCalled();
    // The answers still carry their body, for any other reader.
    const answer = await fetch('/api/enrolment/identify', { method: 'POST', body: JSON.stringify(martineIdentify()) });
    expect(await answer.json()).toMatchObject({ sessionId: expect.any(String) });
  });

  it('reads a body carried by a Request too, and refuses one that is not a JSON object', async () => {
    await start();
    const ok = await fetch(new Request(`${ORIGIN}/api/enrolment/identify`, { method: 'POST', body: JSON.stringify(martineIdentify()) }));
    expect(ok.status).toBe(200);
    const bad = await fetch('/api/enrolment/identify', { method: 'POST', body: '[1, 2]' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    const missing = await fetch('/api/enrolment/identify', { method: 'POST', body: JSON.stringify({ code: MARTINE.code }) });
    expect(await missing.json()).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'nir' } });
    expect(network).not.toHaveBeenCalled();
  });

  it('passes every other request to the network untouched: another path, another origin, an unknown /api path', async () => {
    await start();
    const init = { method: 'POST', body: 'x=1' };
    for (const url of ['/assets/app.js', 'https://elsewhere.test/api/enrolment/identify', '/api/unknown']) {
      const response = await fetch(url, init);
      expect(await response.text()).toBe('from the network');
      expect(network).toHaveBeenLastCalledWith(url, init);
    }
    expect(network).toHaveBeenCalledTimes(3);
  });

  it('gives the network its own fetch back once stopped', async () => {
    await start();
    backend?.stop();
    backend = null;
    expect(globalThis.fetch).toBe(network);
  });
});

describe('the handlers handed to MSW for a request', () => {
  it('include every handler MSW would find a match in, and only those of its method and shape', async () => {
    const handlers = createHandlers(new Store(pasAPasWorld(), { now: fakeClock().now, seed: 42 }));
    const paths = handlers.map((h) => String(h.info.path).slice(1));
    // Each handler's path with its parameters filled, with a trailing slash, one segment more or less,
    // and paths no handler has.
    const concrete = paths.flatMap((p) => {
      const filled = p.replace(/:\w+/g, 'x1');
      return [filled, `${filled}/`, `${filled}/more`, filled.split('/').slice(0, -1).join('/') || '/'];
    });
    const requests = [...new Set([...concrete, '/api', '/api/', '/api/unknown', '/api/enrolment/x1/unknown', '/index.html'])].flatMap((path) =>
      ['GET', 'POST', 'PUT'].map((method) => ({ method, path })),
    );
    let matched = 0;
    for (const { method, path } of requests) {
      for (const handler of handlers) {
        const request = new Request(`${ORIGIN}${path}`, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
        const msw = await handler.test({ request });
        if (msw) matched += 1;
        if (msw) expect(mayAnswer(handler, method, new URL(request.url).pathname), `${method} ${path} → ${String(handler.info.path)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThanOrEqual(handlers.length);
    // One handler, or none, is left for the requests the client sends.
    for (const [method, path] of [
      ['GET', '/api/inbox'],
      ['POST', '/api/enrolment/identify'],
      ['POST', '/api/enrolment/abc/contacts/email/verify'],
      ['GET', '/api/enrolment/abc/unknown'],
    ] as const) {
      const left = handlers.filter((h) => mayAnswer(h, method, path));
      expect(left.length, `${method} ${path}`).toBeLessThanOrEqual(1);
    }
  });
});
