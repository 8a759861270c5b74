/**
 * The cookie jar of the simulated backend, in place of tough-cookie in the built app (vite.config.ts
 * aliases `tough-cookie` to this file).
 *
 * MSW's core keeps the cookies that mocked responses set, and gives handlers the cookies of each request
 * (msw/lib/core/utils/cookieStore.mjs). It uses tough-cookie for that, which brings the whole public-suffix
 * list (tldts): more than half of the simulated backend's weight. The simulator only ever talks to its own
 * origin, so this jar keeps host cookies only, which needs no public-suffix list: a `Set-Cookie` without
 * `Domain` belongs to the request's host (RFC 6265 § 5.3 "host-only"); with `Domain`, that domain must be
 * the request's host itself (the cookie then also goes to its subdomains, § 5.1.3); a parent domain, which
 * tough-cookie accepts unless it is a public suffix, is refused here, as tough-cookie refuses a foreign one.
 *
 * It implements what cookieStore.mjs uses, with tough-cookie's names and behaviour: `Cookie` (`parse`,
 * `fromJSON`, `toJSON`, `toString`, `key`, `value`, `domain`, `path`), `MemoryCookieStore` (its `idx`:
 * domain → path → name → cookie, which MSW reads and writes to keep the cookies in localStorage) and
 * `CookieJar` (`setCookie(header, url)`, `getCookiesSync(url)`): parsing as RFC 6265 § 5.2, default path
 * and path matching (§ 5.1.4), expiry by `Max-Age` (fixed when received, § 5.2.2) or `Expires` (dates as
 * § 5.1.1), `Secure` only from and to a potentially trustworthy URL, the `__Secure-` and `__Host-` prefixes
 * (a cookie that breaks them is dropped silently), cookies sorted longest path first then oldest first.
 * Promises reject where tough-cookie's do: a header that does not parse, a domain that is not the host's,
 * a `Secure` cookie from an insecure URL.
 */

type Expiry = Date | 'Infinity';
type MaxAge = number | 'Infinity' | '-Infinity' | null;

/**
 * The properties `toJSON` writes and `fromJSON` reads, as tough-cookie names them (MSW keeps them in
 * localStorage), with their default values, which `toJSON` leaves out.
 */
const DEFAULTS = {
  key: '',
  value: '',
  expires: 'Infinity',
  maxAge: null,
  domain: null,
  path: null,
  secure: false,
  httpOnly: false,
  extensions: null,
  hostOnly: null,
  pathIsDefault: null,
  creation: null,
  lastAccessed: null,
  sameSite: undefined,
} as const;
type Serialized = keyof typeof DEFAULTS;
const SERIALIZED = Object.keys(DEFAULTS) as Serialized[];

/** Whether a stored value fits the property (the types tough-cookie's `fromJSON` accepts). */
function fits(prop: Serialized, val: unknown): boolean {
  switch (prop) {
    case 'key':
    case 'value':
    case 'sameSite':
      return typeof val === 'string';
    case 'domain':
    case 'path':
      return typeof val === 'string' || val === null;
    case 'secure':
    case 'httpOnly':
      return typeof val === 'boolean';
    case 'hostOnly':
    case 'pathIsDefault':
      return typeof val === 'boolean' || val === null;
    case 'maxAge':
      return typeof val === 'number' || val === 'Infinity' || val === '-Infinity';
    case 'extensions':
      return Array.isArray(val) && val.every((v) => typeof v === 'string');
    default:
      // Dates: ISO strings or epoch milliseconds; `Infinity` for a session cookie's expiry.
      return typeof val === 'string' || typeof val === 'number' || val === null;
  }
}

let created = 0;

export class Cookie {
  key = '';
  value = '';
  /** `Expires`; once stored with a `Max-Age`, the time that `Max-Age` gives (`Max-Age` wins, § 5.3). */
  expires: Expiry = 'Infinity';
  maxAge: MaxAge = null;
  domain: string | null = null;
  path: string | null = null;
  secure = false;
  httpOnly = false;
  /** Attributes this jar does not know, kept as received. */
  extensions: string[] | null = null;
  /** Set by the jar: true without a `Domain` attribute (the cookie goes to its host only). */
  hostOnly: boolean | null = null;
  pathIsDefault: boolean | null = null;
  creation: Date | null = new Date();
  lastAccessed: Date | null = null;
  sameSite: string | undefined = undefined;
  /** Orders cookies created in the same millisecond. */
  creationIndex = ++created;

  /** A `Set-Cookie` header's value (RFC 6265 § 5.2); undefined when it has no name=value pair. */
  static parse(header: string): Cookie | undefined {
    const str = header.trim();
    const semi = str.indexOf(';');
    let pair = semi === -1 ? str : str.slice(0, semi);
    for (const end of ['\n', '\r', '\0']) {
      const at = pair.indexOf(end);
      if (at !== -1) pair = pair.slice(0, at);
    }
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    const cookie = new Cookie();
    cookie.key = pair.slice(0, eq).trim();
    cookie.value = pair.slice(eq + 1).trim();
    if (/[\x00-\x1F]/.test(cookie.key + cookie.value)) return undefined;
    if (semi === -1) return cookie;
    for (const attribute of str.slice(semi + 1).split(';')) {
      const av = attribute.trim();
      if (!av) continue;
      const sep = av.indexOf('=');
      const name = (sep === -1 ? av : av.slice(0, sep)).trim().toLowerCase();
      const value = sep === -1 ? '' : av.slice(sep + 1).trim();
      switch (name) {
        case 'expires': {
          const date = parseDate(value);
          if (date) cookie.expires = date;
          break;
        }
        case 'max-age':
          if (/^-?[0-9]+$/.test(value)) cookie.maxAge = parseInt(value, 10);
          break;
        case 'domain': {
          const domain = value.replace(/^\./, '');
          if (domain) cookie.domain = domain.toLowerCase();
          break;
        }
        case 'path':
          cookie.path = value.startsWith('/') ? value : null;
          break;
        case 'secure':
          cookie.secure = true;
          break;
        case 'httponly':
          cookie.httpOnly = true;
          break;
        case 'samesite': {
          const v = value.toLowerCase();
          cookie.sameSite = v === 'strict' || v === 'lax' || v === 'none' ? v : undefined;
          break;
        }
        default:
          (cookie.extensions ??= []).push(av);
      }
    }
    return cookie;
  }

  /** The reverse of `toJSON` (a JSON string or its parsed object); undefined for anything else. */
  static fromJSON(input: unknown): Cookie | undefined {
    let json = input;
    if (typeof json === 'string') {
      try {
        json = JSON.parse(json);
      } catch {
        return undefined;
      }
    }
    if (!json || typeof json !== 'object') return undefined;
    const source = json as Partial<Record<Serialized, unknown>>;
    const cookie = new Cookie();
    const target = cookie as unknown as Record<Serialized, unknown>;
    for (const prop of SERIALIZED) {
      const val = source[prop];
      if (val === undefined || !fits(prop, val)) continue;
      const isDate = prop === 'expires' || prop === 'creation' || prop === 'lastAccessed';
      target[prop] = isDate && val !== null && val !== 'Infinity' ? new Date(val as string | number) : val;
    }
    return cookie;
  }

  /** A plain object for JSON.stringify: the properties that differ from their defaults, dates in ISO form. */
  toJSON(): Record<string, unknown> {
    const self = this as unknown as Record<Serialized, unknown>;
    const json: Record<string, unknown> = {};
    for (const prop of SERIALIZED) {
      const val = self[prop];
      if (val !== DEFAULTS[prop]) json[prop] = val instanceof Date ? val.toISOString() : val;
    }
    return json;
  }

  /** The `Cookie` request header's form: `name=value`. */
  cookieString(): string {
    return this.key ? `${this.key}=${this.value}` : this.value;
  }

  /** The `Set-Cookie` header's form, with the attributes. */
  toString(): string {
    let str = this.cookieString();
    if (this.expires instanceof Date) str += `; Expires=${this.expires.toUTCString()}`;
    if (this.maxAge !== null && this.maxAge !== 'Infinity') str += `; Max-Age=${String(this.maxAge)}`;
    if (this.domain && !this.hostOnly) str += `; Domain=${this.domain}`;
    if (this.path) str += `; Path=${this.path}`;
    if (this.secure) str += '; Secure';
    if (this.httpOnly) str += '; HttpOnly';
    if (this.sameSite) {
      const s = this.sameSite.toLowerCase();
      str += `; SameSite=${s === 'lax' ? 'Lax' : s === 'strict' ? 'Strict' : s === 'none' ? 'None' : this.sameSite}`;
    }
    for (const ext of this.extensions ?? []) str += `; ${ext}`;
    return str;
  }

  /** When the cookie expires, in milliseconds since the epoch (Infinity: at the end of the session). */
  expiryTime(): number {
    if (this.maxAge === 'Infinity') return Infinity;
    if (this.maxAge === '-Infinity') return -Infinity;
    return this.expires === 'Infinity' ? Infinity : this.expires.getTime();
  }
}

/** Cookies by domain, path and name, in memory. MSW fills `idx` from localStorage and saves it there. */
export class MemoryCookieStore {
  idx: Record<string, Record<string, Record<string, Cookie>>> = Object.create(null);
}

export class CookieJar {
  readonly store: MemoryCookieStore;

  constructor(store?: MemoryCookieStore) {
    this.store = store ?? new MemoryCookieStore();
  }

  /** Keeps the cookie that a response to `url` sets; resolves with it, or undefined when it is dropped. */
  async setCookie(cookieOrHeader: Cookie | string, url: string | URL): Promise<Cookie | undefined> {
    const context = requestContext(url);
    const cookie = typeof cookieOrHeader === 'string' ? Cookie.parse(cookieOrHeader) : cookieOrHeader;
    if (!cookie) throw new Error('Cookie failed to parse');
    if (cookie.domain) {
      const domain = canonicalHost(cookie.domain);
      if (domain !== context.host) {
        throw new Error(
          `Cookie not in this host's domain. Cookie:${domain} Request:${context.host} (this jar keeps host cookies only)`,
        );
      }
      cookie.domain = domain;
      cookie.hostOnly ??= false;
    } else {
      cookie.domain = context.host;
      cookie.hostOnly = true;
    }
    if (!cookie.path?.startsWith('/')) {
      cookie.path = defaultPath(context.path);
      cookie.pathIsDefault = true;
    }
    if (cookie.secure && !context.trustworthy) throw new Error('Cookie is Secure but this is not a secure connection');
    const secureBroken = cookie.key.startsWith('__Secure-') && !cookie.secure;
    const hostBroken =
      cookie.key.startsWith('__Host-') && !(cookie.secure && cookie.hostOnly && cookie.path === '/' && !cookie.pathIsDefault);
    if (secureBroken || hostBroken) return undefined;

    const now = new Date();
    if (typeof cookie.maxAge === 'number') {
      cookie.expires = new Date(cookie.maxAge <= 0 ? 0 : now.getTime() + cookie.maxAge * 1000);
    }
    const byPath = (this.store.idx[cookie.domain] ??= Object.create(null) as Record<string, Record<string, Cookie>>);
    const byName = (byPath[cookie.path] ??= Object.create(null) as Record<string, Cookie>);
    const old = byName[cookie.key];
    if (old) {
      cookie.creation = old.creation;
      cookie.creationIndex = old.creationIndex;
    } else {
      cookie.creation = now;
    }
    cookie.lastAccessed = now;
    byName[cookie.key] = cookie;
    return cookie;
  }

  /** The cookies to send with a request to `url`, longest path first, then oldest first. */
  getCookiesSync(url: string | URL): Cookie[] {
    const { host, path, trustworthy } = requestContext(url);
    const now = Date.now();
    const found: Cookie[] = [];
    for (const domain of domainsOf(host)) {
      const byPath = this.store.idx[domain];
      if (!byPath) continue;
      for (const cookiePath in byPath) {
        if (!pathMatch(path, cookiePath)) continue;
        const byName = byPath[cookiePath];
        for (const name in byName) {
          const cookie = byName[name];
          if (!cookie) continue;
          if (cookie.expiryTime() <= now) {
            delete byName[name];
            continue;
          }
          if ((cookie.hostOnly && domain !== host) || (cookie.secure && !trustworthy)) continue;
          found.push(cookie);
        }
      }
    }
    found.sort(
      (a, b) =>
        (b.path?.length ?? 0) - (a.path?.length ?? 0) ||
        (a.creation?.getTime() ?? 0) - (b.creation?.getTime() ?? 0) ||
        a.creationIndex - b.creationIndex,
    );
    const accessed = new Date();
    for (const cookie of found) cookie.lastAccessed = accessed;
    return found;
  }
}

/**
 * A host in lower case (punycode for a non-ASCII name, as URL gives it), without an IPv6 address's
 * brackets. A page opened from disk (file://) has an empty host: its cookies are kept but sent nowhere,
 * as tough-cookie does.
 */
function canonicalHost(host: string): string {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  try {
    if (bare.includes(':')) return new URL(`http://[${bare}]`).hostname.slice(1, -1);
    if (/[^\x01-\x7f]/.test(bare)) return new URL(`http://${bare}`).hostname;
  } catch {
    // Not a host name URL accepts: compared as written.
  }
  return bare.toLowerCase();
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The host, then the parent domains whose cookies (set with a `Domain` attribute) it receives. */
function domainsOf(host: string): string[] {
  if (IPV4.test(host) || host.includes(':')) return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.')).filter(Boolean);
}

function requestContext(url: string | URL): { host: string; path: string; trustworthy: boolean } {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  let path = parsed.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Kept encoded, as tough-cookie does.
  }
  const host = canonicalHost(parsed.hostname);
  const local = host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  const trustworthy = parsed.protocol === 'https:' || parsed.protocol === 'wss:' || local;
  return { host, path: path || '/', trustworthy };
}

/** RFC 6265 § 5.1.4: the directory of the request's path. */
function defaultPath(path: string): string {
  if (!path.startsWith('/')) return '/';
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** RFC 6265 § 5.1.4: does a request to `path` get a cookie of `cookiePath`? */
function pathMatch(path: string, cookiePath: string): boolean {
  if (path === cookiePath) return true;
  return path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 6265 § 5.1.1: a cookie date, as lenient as browsers are; undefined when it is not one. */
export function parseDate(input: string): Date | undefined {
  let time: number[] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const token of input.split(/[\x09\x20-\x2F\x3B-\x40\x5B-\x60\x7B-\x7E]/)) {
    if (!token) continue;
    const t = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[^\d].*)?$/s.exec(token);
    if (!time && t) {
      time = [Number(t[1]), Number(t[2]), Number(t[3])];
    } else if (day === undefined && /^\d{1,2}(?:[^\d].*)?$/s.test(token)) {
      day = parseInt(token, 10);
    } else if (month === undefined && MONTHS.includes(token.slice(0, 3).toLowerCase())) {
      month = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    } else if (year === undefined && /^\d{2,4}(?:[^\d].*)?$/s.test(token)) {
      year = parseInt(token, 10);
    }
  }
  if (!time || day === undefined || month === undefined || year === undefined) return undefined;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [h = 0, m = 0, s = 0] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || m > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(year, month, day, h, m, s));
  // 31 February and the like do not roll over into the next month: they are no date.
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}
