import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as tough from 'tough-cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cookie, CookieJar, MemoryCookieStore, parseDate } from '../../../src/backend/cookie-jar';
import viteConfig from '../../../vite.config';

/**
 * The simulated backend's cookie jar, which the build puts in place of tough-cookie under MSW
 * (vite.config.ts): RFC 6265 for one host, checked on its own, against tough-cookie (MSW's own jar, the
 * reference) on the same sequences, and inside MSW's core bundled with the same alias as the app.
 */

const ORIGIN = 'http://localhost:4173';
const names = (cookies: Array<{ key: string; value: string }>) => cookies.map((c) => `${c.key}=${c.value}`);

afterEach(() => {
  vi.useRealTimers();
});

describe('the build', () => {
  it('puts the jar in place of tough-cookie in every mode (app, single file, benchmark, dev server)', async () => {
    const jar = fileURLToPath(new URL('../../../src/backend/cookie-jar.ts', import.meta.url));
    const runs = [
      { command: 'build', mode: 'production' },
      { command: 'build', mode: 'single' },
      { command: 'build', mode: 'bench' },
      { command: 'serve', mode: 'development' },
    ] as const;
    for (const env of runs) {
      const config = typeof viteConfig === 'function' ? await viteConfig({ ...env, isSsrBuild: false, isPreview: false }) : viteConfig;
      const aliases = config.resolve?.alias;
      const list = Array.isArray(aliases) ? aliases : Object.entries(aliases ?? {}).map(([find, replacement]) => ({ find, replacement }));
      const entry = list.find((a) => (a.find instanceof RegExp ? a.find.test('tough-cookie') : a.find === 'tough-cookie'));
      expect(entry?.replacement, `${env.command} --mode ${env.mode}`).toBe(jar);
    }
  });
});

describe('Cookie.parse', () => {
  it('reads the pair and every attribute of a Set-Cookie header', () => {
    const c = Cookie.parse(
      ' sid = abc ; Path=/api; Domain=.LocalHost; Secure; HttpOnly; SameSite=lax; Max-Age=60; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Priority=High',
    );
    expect(c).toBeDefined();
    expect(c?.key).toBe('sid');
    expect(c?.value).toBe('abc');
    expect(c?.path).toBe('/api');
    expect(c?.domain).toBe('localhost');
    expect(c?.secure).toBe(true);
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('lax');
    expect(c?.maxAge).toBe(60);
    expect(c?.expires).toEqual(new Date(Date.UTC(2037, 9, 21, 7, 28, 0)));
    expect(c?.extensions).toEqual(['Priority=High']);
  });

  it('refuses a header without a name=value pair, or with control characters', () => {
    expect(Cookie.parse('')).toBeUndefined();
    expect(Cookie.parse('novalue')).toBeUndefined();
    expect(Cookie.parse('=value')).toBeUndefined();
    expect(Cookie.parse('a=b\u0007c')).toBeUndefined();
    // A line break ends the header (what follows is not part of the cookie).
    expect(Cookie.parse('a=b\nc=d')?.value).toBe('b');
  });

  it('ignores a path that is not absolute and a Max-Age that is not a number', () => {
    const c = Cookie.parse('a=1; Path=api; Max-Age=soon');
    expect(c?.path).toBeNull();
    expect(c?.maxAge).toBeNull();
  });

  it('gives the same cookie as tough-cookie for a range of headers', () => {
    const headers = [
      'a=1',
      'a=1; Path=/x; Secure; HttpOnly',
      'b="quoted value"; SameSite=Strict; Foo',
      'c=; Max-Age=-5',
      'd=4; expires=Sun, 06 Nov 1994 08:49:37 GMT',
      'e=5; Expires=Sunday, 06-Nov-94 08:49:37 GMT; SameSite=weird',
      'f=6; Domain=localhost; Path=/',
    ];
    const view = (c: { toJSON(): Record<string, unknown> } | undefined) => {
      const { creation: _c, ...rest } = c?.toJSON() ?? {};
      return rest;
    };
    for (const header of headers) expect(view(Cookie.parse(header)), header).toEqual(view(tough.Cookie.parse(header)));
  });
});

describe('parseDate (RFC 6265 § 5.1.1)', () => {
  it('reads the three forms of HTTP dates and two-digit years', () => {
    const expected = new Date(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseDate('Sun, 06 Nov 1994 08:49:37 GMT')).toEqual(expected);
    expect(parseDate('Sunday, 06-Nov-94 08:49:37 GMT')).toEqual(expected);
    expect(parseDate('Sun Nov  6 08:49:37 1994')).toEqual(expected);
    expect(parseDate('Thu, 01 Jan 2030 00:00:00 GMT')).toEqual(new Date(Date.UTC(2030, 0, 1)));
    expect(parseDate('1 jan 30 00:00:00')).toEqual(new Date(Date.UTC(2030, 0, 1)));
  });

  it('refuses what is not a date', () => {
    for (const bad of ['', 'tomorrow', '31 Feb 2030 00:00:00', '06 Nov 1994', '06 Nov 1500 08:49:37', '06 Nov 1994 24:00:00']) {
      expect(parseDate(bad), bad).toBeUndefined();
    }
  });

  it('agrees with tough-cookie on odd dates', async () => {
    const { parseDate: reference } = (await import('tough-cookie')) as unknown as { parseDate: (s: string) => Date | undefined };
    for (const s of ['Mon, 1 Jan 2024 1:2:3 GMT', '2024 jan 1 01:02:03', 'jan 1 2024 12:00:00 1 extra', '1-Jan-2024 00:00:00.123']) {
      expect(parseDate(s), s).toEqual(reference(s));
    }
  });
});

describe('CookieJar', () => {
  it('gives a host its cookies, on the paths under the cookie path, and no other host', async () => {
    const jar = new CookieJar(new MemoryCookieStore());
    await jar.setCookie('root=1; Path=/', `${ORIGIN}/api/login`);
    await jar.setCookie('api=2; Path=/api', `${ORIGIN}/`);
    await jar.setCookie('deflt=3', `${ORIGIN}/api/session/start`);
    expect(names(jar.getCookiesSync(`${ORIGIN}/api/session/start`))).toEqual(['deflt=3', 'api=2', 'root=1']);
    expect(names(jar.getCookiesSync(`${ORIGIN}/api`))).toEqual(['api=2', 'root=1']);
    expect(names(jar.getCookiesSync(`${ORIGIN}/apis`))).toEqual(['root=1']);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['root=1']);
    // The port does not separate cookies (RFC 6265 § 8.5); the host does.
    expect(names(jar.getCookiesSync('http://localhost:9999/api'))).toEqual(['api=2', 'root=1']);
    expect(jar.getCookiesSync('http://127.0.0.1:4173/api')).toEqual([]);
    expect(jar.getCookiesSync('http://sub.localhost:4173/api')).toEqual([]);
  });

  it('defaults the path to the request path\'s directory', async () => {
    const jar = new CookieJar();
    const a = await jar.setCookie('a=1', `${ORIGIN}/api/session/start`);
    const b = await jar.setCookie('b=1; Path=relative', `${ORIGIN}/single`);
    expect(a?.path).toBe('/api/session');
    expect(a?.pathIsDefault).toBe(true);
    expect(b?.path).toBe('/');
  });

  it('replaces a cookie of the same name, host and path, keeping its place in the order', async () => {
    const jar = new CookieJar();
    await jar.setCookie('a=1', `${ORIGIN}/`);
    await jar.setCookie('b=1', `${ORIGIN}/`);
    await jar.setCookie('a=2', `${ORIGIN}/`);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['a=2', 'b=1']);
  });

  it('forgets a cookie when its Max-Age or Expires has passed, and at once with Max-Age=0', async () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    const jar = new CookieJar();
    await jar.setCookie('short=1; Max-Age=60', `${ORIGIN}/`);
    await jar.setCookie('dated=1; Expires=Tue, 01 Jan 2030 00:10:00 GMT', `${ORIGIN}/`);
    await jar.setCookie('both=1; Max-Age=1200; Expires=Tue, 01 Jan 2030 00:00:01 GMT', `${ORIGIN}/`);
    await jar.setCookie('session=1', `${ORIGIN}/`);
    vi.advanceTimersByTime(59_000);
    // Reading the cookies does not push Max-Age further (it counts from when the cookie was received).
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['short=1', 'dated=1', 'both=1', 'session=1']);
    vi.advanceTimersByTime(1_000);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['dated=1', 'both=1', 'session=1']);
    vi.advanceTimersByTime(9 * 60_000);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['both=1', 'session=1']);
    await jar.setCookie('session=; Max-Age=0', `${ORIGIN}/`);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['both=1']);
    vi.advanceTimersByTime(10 * 60_000);
    expect(jar.getCookiesSync(`${ORIGIN}/`)).toEqual([]);
  });

  it('keeps a Domain cookie of the host itself, and sends it to the subdomains too', async () => {
    const jar = new CookieJar();
    const c = await jar.setCookie('wide=1; Domain=LOCALHOST', `${ORIGIN}/`);
    expect(c?.hostOnly).toBe(false);
    expect(c?.domain).toBe('localhost');
    await jar.setCookie('narrow=1', `${ORIGIN}/`);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['wide=1', 'narrow=1']);
    expect(names(jar.getCookiesSync('http://app.localhost/'))).toEqual(['wide=1']);
  });

  it('refuses a Domain that is not the host, a header that does not parse, a Secure cookie over http', async () => {
    const jar = new CookieJar();
    await expect(jar.setCookie('a=1; Domain=example.org', `${ORIGIN}/`)).rejects.toThrow(/not in this host's domain/);
    // A parent domain: tough-cookie would need the public-suffix list to tell; this jar keeps host cookies only.
    await expect(jar.setCookie('a=1; Domain=example.org', 'http://www.example.org/')).rejects.toThrow(/host cookies only/);
    await expect(jar.setCookie('nonsense', `${ORIGIN}/`)).rejects.toThrow('Cookie failed to parse');
    await expect(jar.setCookie('s=1; Secure', 'http://example.org/')).rejects.toThrow(/not a secure connection/);
    expect(jar.getCookiesSync('http://www.example.org/')).toEqual([]);
    expect(jar.getCookiesSync('http://example.org/')).toEqual([]);
  });

  it('keeps the cookies of a page opened from disk (file://, no host) but sends them nowhere, as tough-cookie', async () => {
    const ours = new CookieJar();
    const theirs = new tough.CookieJar();
    for (const jar of [ours, theirs]) await jar.setCookie('a=1; Path=/', 'file:///api/identify');
    expect(ours.getCookiesSync('file:///api/identify')).toEqual([]);
    expect(theirs.getCookiesSync('file:///api/identify')).toEqual([]);
    expect(Object.keys(ours.store.idx)).toEqual(['']);
    // A host name with capitals or non-ASCII letters is compared in URL's form.
    await ours.setCookie('b=2; Domain=EXAMPLE.org', 'http://example.ORG/');
    await ours.setCookie('c=3', 'http://bücher.example/');
    expect(names(ours.getCookiesSync('http://Example.org/'))).toEqual(['b=2']);
    expect(names(ours.getCookiesSync('http://xn--bcher-kva.example/'))).toEqual(['c=3']);
  });

  it('sends a Secure cookie to trustworthy URLs only (https, localhost)', async () => {
    const jar = new CookieJar();
    await jar.setCookie('s=1; Secure', 'https://example.org/');
    await jar.setCookie('s=2; Secure', `${ORIGIN}/`);
    expect(names(jar.getCookiesSync('https://example.org/'))).toEqual(['s=1']);
    expect(jar.getCookiesSync('http://example.org/')).toEqual([]);
    expect(names(jar.getCookiesSync(`${ORIGIN}/`))).toEqual(['s=2']);
  });

  it('drops silently a cookie that breaks the __Secure- or __Host- prefix rules', async () => {
    const jar = new CookieJar();
    expect(await jar.setCookie('__Secure-a=1', 'https://example.org/')).toBeUndefined();
    expect(await jar.setCookie('__Host-b=1; Secure', 'https://example.org/x/y')).toBeUndefined();
    expect(await jar.setCookie('__Host-c=1; Secure; Path=/; Domain=example.org', 'https://example.org/')).toBeUndefined();
    expect(await jar.setCookie('__Host-d=1; Secure; Path=/', 'https://example.org/x/y')).toBeDefined();
    expect(await jar.setCookie('__Secure-e=1; Secure', 'https://example.org/')).toBeDefined();
    expect(names(jar.getCookiesSync('https://example.org/'))).toEqual(['__Host-d=1', '__Secure-e=1']);
  });

  it('keeps the same cookies as tough-cookie for what a single origin can do', async () => {
    const steps: Array<[string, string]> = [
      ['a=1', '/'],
      ['b=2; Path=/api', '/'],
      ['c=3', '/api/x/y'],
      ['a=4; Path=/', '/api'],
      ['d=5; Domain=localhost', '/'],
      ['__Host-e=6; Secure; Path=/', '/'],
      ['__Secure-f=7', '/'],
      ['g=8; Secure; SameSite=None', '/'],
      ['b=; Max-Age=0; Path=/api', '/api'],
      ['h=9; Expires=Thu, 01 Jan 1970 00:00:01 GMT', '/'],
      ['i=10; Path=/api/x; HttpOnly; Ext=1', '/'],
    ];
    const urls = ['/', '/api', '/api/', '/api/x', '/api/x/y', '/apix', '/other'];
    const ours = new CookieJar();
    const theirs = new tough.CookieJar();
    for (const [header, path] of steps) {
      await ours.setCookie(header, `${ORIGIN}${path}`);
      await theirs.setCookie(header, `${ORIGIN}${path}`);
      for (const url of urls) {
        const expected = theirs.getCookiesSync(`${ORIGIN}${url}`).map((c) => c.toString());
        expect(ours.getCookiesSync(`${ORIGIN}${url}`).map((c) => c.toString()), `${header} then ${url}`).toEqual(expected);
      }
    }
  });

  it("reads and writes tough-cookie's JSON form (how MSW keeps cookies in localStorage)", async () => {
    const theirs = new tough.CookieJar();
    await theirs.setCookie('a=1; Path=/api; Expires=Tue, 01 Jan 2036 00:00:00 GMT; SameSite=Lax; HttpOnly; X=y', `${ORIGIN}/`);
    const [stored] = theirs.getCookiesSync(`${ORIGIN}/api`);
    const json = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
    const ours = Cookie.fromJSON(json);
    expect(ours?.toString()).toBe(stored?.toString());
    expect(JSON.parse(JSON.stringify(ours))).toEqual(json);
    expect(tough.Cookie.fromJSON(JSON.stringify(ours))?.toString()).toBe(stored?.toString());
    expect(Cookie.fromJSON('not json')).toBeUndefined();
    expect(Cookie.fromJSON(null)).toBeUndefined();
  });
});

/**
 * MSW's core with the jar in place of tough-cookie, bundled as the app's build does it (vite.config.ts's
 * alias), run in Node with a localStorage: a handler's Set-Cookie reaches the next requests' `cookies`,
 * and the cookies kept in localStorage are read back by a fresh copy of MSW.
 */
describe('inside MSW', () => {
  const entry = `
    import { http, HttpResponse, handleRequest } from 'msw';
    const handlers = [
      http.post('${ORIGIN}/api/login', () => HttpResponse.json({ ok: true }, { headers: { 'Set-Cookie': 'sid=s3cr3t; Path=/api; HttpOnly' } })),
      http.get('${ORIGIN}/api/*', ({ cookies }) => HttpResponse.json(cookies)),
      http.get('${ORIGIN}/public', ({ cookies }) => HttpResponse.json(cookies)),
    ];
    const emitter = { emit() {} };
    let id = 0;
    // What MSW's worker and interceptors call for each request: the handlers, then the cookies kept.
    export const ask = async (method, path) => {
      const request = new Request('${ORIGIN}' + path, { method });
      const response = await handleRequest(request, String(++id), handlers, { onUnhandledRequest: 'error' }, emitter);
      return response.json();
    };
  `;
  const jarPath = fileURLToPath(new URL('../../../src/backend/cookie-jar.ts', import.meta.url));
  let copies = 0;
  type Msw = { ask: (method: string, path: string) => Promise<Record<string, string>> };
  /** A new copy of MSW's core, with this jar (as the app) or with tough-cookie (the reference). */
  const freshMsw = async (jar: 'ours' | 'tough-cookie' = 'ours'): Promise<Msw> => {
    const result = await build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      alias: jar === 'ours' ? { 'tough-cookie': jarPath } : {},
      logLevel: 'silent',
    });
    const code = result.outputFiles?.[0]?.text ?? '';
    expect(code.includes('publicSuffix')).toBe(jar === 'tough-cookie');
    copies += 1;
    return import(`data:text/javascript;base64,${Buffer.from(`${code}\n// copy ${copies}`).toString('base64')}`);
  };

  const journey = async (msw: Msw) => [
    await msw.ask('GET', '/api/profile'),
    await msw.ask('POST', '/api/login'),
    await msw.ask('GET', '/api/profile'),
    await msw.ask('GET', '/public'),
  ];

  it('gives the handlers the cookies a response set, as MSW with tough-cookie does, and keeps them in localStorage', { timeout: 60_000 }, async () => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });
    try {
      const reference = await journey(await freshMsw('tough-cookie'));
      items.clear();
      const msw = await freshMsw();
      const seen = await journey(msw);
      expect(seen).toEqual(reference);
      // Before the login, no cookie; after it, the session cookie on /api only. (MSW also appends each kept
      // cookie's Set-Cookie form to the request's Cookie header, so that its attributes read as cookies
      // when the handler parses the request again: \`Path\` here, with tough-cookie as well.)
      expect(seen[0]).toEqual({});
      expect(seen[2]).toMatchObject({ sid: 's3cr3t' });
      expect(seen[3]).toEqual({});
      const kept = JSON.parse(items.get('__msw-cookie-store__') ?? '[]') as Array<Record<string, unknown>>;
      expect(kept).toMatchObject([{ key: 'sid', value: 's3cr3t', domain: 'localhost', path: '/api', hostOnly: true, httpOnly: true }]);
      // A new page: MSW reads the cookies back from localStorage.
      const again = await freshMsw();
      expect(await again.ask('GET', '/api/other')).toMatchObject({ sid: 's3cr3t' });
      expect(await again.ask('GET', '/public')).toEqual({});
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
