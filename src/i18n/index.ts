import i18next, { type TOptions } from 'i18next';
import type { ReactiveControllerHost } from 'lit';
import { onDemandBundles } from './on-demand';

/**
 * Every UI string lives in `locales/<lang>/<namespace>.json`, shipped with the app (no request leaves
 * the page's origin); each screen uses its own namespace. The French namespaces of the pas à pas's first
 * slide and its bars come with this module, so that it shows at once; the others (the site's screens, the
 * other views, English) come on demand (./on-demand.ts: a build fetches them as one JSON file per
 * language): `loadLocales(lang)` loads one language and French, the fallback (the player, right after its
 * first slide is shown; `setLanguage` before switching); `loadAllLocales()` every language (the other
 * views before they mount: the scenario checker needs every language).
 */
type Bundle = Record<string, unknown>;

const firstFiles = import.meta.glob<Bundle>('../../locales/fr/{common,app,player,tutorial,slides,pasapas}.json', {
  eager: true,
  import: 'default',
});

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function fileOf(path: string): { lang: string; ns: string } | null {
  const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);
  return match ? { lang: match[1]!, ns: match[2]! } : null;
}

const loaded: Record<string, Record<string, Bundle>> = {};
for (const [path, bundle] of Object.entries(firstFiles)) {
  const file = fileOf(path);
  if (file) (loaded[file.lang] ??= {})[file.ns] = bundle;
}

/** The bundles loaded so far, by language then namespace (all of them once `loadAllLocales()` resolved). */
export function resources(): Record<string, Record<string, Bundle>> {
  const copy: Record<string, Record<string, Bundle>> = {};
  for (const [lang, namespaces] of Object.entries(loaded)) copy[lang] = { ...namespaces };
  return copy;
}

const languageLoads = new Map<string, Promise<void>>();

/** Loads the other bundles of one language into i18next; once (a failed load is tried again at the next call). */
function loadLanguage(lang: string): Promise<void> {
  let loading = languageLoads.get(lang);
  if (!loading) {
    loading = onDemandBundles(lang).then((namespaces) => {
      for (const [ns, bundle] of Object.entries(namespaces)) {
        (loaded[lang] ??= {})[ns] = bundle;
        i18next.addResourceBundle(lang, ns, bundle, true, true);
      }
    });
    languageLoads.set(lang, loading);
    // The network cut before the app was kept for offline use: the next call tries again.
    loading.catch(() => languageLoads.delete(lang));
  }
  return loading;
}

/** Every bundle of this language, and of French (the fallback), loaded into i18next. */
export function loadLocales(lang: string): Promise<void> {
  return Promise.all([...new Set(['fr', lang])].map(loadLanguage)).then(() => undefined);
}

/** Every bundle of every language (the checker needs them all: a key must exist in each). */
export function loadAllLocales(): Promise<void> {
  return Promise.all(LANGUAGES.map(loadLanguage)).then(() => undefined);
}

// Initialised synchronously on import: the first bundles are in this chunk, so screens can render at once.
void i18next.init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: resources(),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Every bundle loaded, in this language. */
export async function initI18n(lang: Language = 'fr'): Promise<unknown> {
  await loadLocales(lang);
  return i18next.language === lang ? undefined : i18next.changeLanguage(lang);
}

/**
 * Translate `ns:key`. A plain string (no options, no interpolation nor nesting) of the current language is read
 * straight from its bundle: i18next's resolution (fallbacks, interpolation, nesting, post-processing) gives the
 * same string for it at a much higher cost, which is most of the script run by the first slide's rendering.
 * Everything else (options, plurals, a key missing in this language, a non-string value) goes to i18next.
 */
export function t(key: string, options?: TOptions): string {
  if (options === undefined) {
    const plain = plainString(key);
    if (plain !== undefined) return plain;
  }
  return i18next.t(key, options) as string;
}

/** The value at `ns:a.b` in i18next's own store for the current language, when it is a string. */
function storedString(key: string): string | undefined {
  const colon = key.indexOf(':');
  let node: unknown = i18next.store.data[i18next.language]?.[colon < 0 ? 'common' : key.slice(0, colon)];
  for (const part of (colon < 0 ? key : key.slice(colon + 1)).split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The value at `ns:a.b` in i18next's own store for the current language, when it is a plain string. */
function plainString(key: string): string | undefined {
  const node = storedString(key);
  return node !== undefined && !node.includes('{{') && !node.includes('$t(') ? node : undefined;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Translate `ns:key` with `{{a.b}}` values given flat (`{ 'a.b': '…' }`), not escaped: what
 * `i18next.t(key, { a: { b: '…' }, interpolation: { escapeValue: false } })` gives, read straight from the
 * bundle when the string only holds such placeholders, each with a value. i18next compiles its
 * interpolation's regular expressions and walks the values for every call: most of the time a step's texts
 * took to render. Anything else (nesting, formats, a missing value or key) goes to i18next, which `nested`
 * turns the values into its own shape for.
 */
export function tValues(key: string, values: Record<string, string>, nested: () => Record<string, unknown>): string {
  const stored = storedString(key);
  if (stored !== undefined && !stored.includes('$t(')) {
    let filled = 0;
    const text = stored.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      filled += 1;
      return value;
    });
    // Every `{{` was one of those placeholders (not `{{- x}}`, `{{x, format}}`…), each with its value.
    if (filled === stored.split('{{').length - 1) return text;
  }
  return i18next.t(key, { ...nested(), interpolation: { escapeValue: false } }) as string;
}

export async function setLanguage(lang: Language): Promise<unknown> {
  await loadLocales(lang);
  return i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return (i18next.language as Language) ?? 'fr';
}

export function onLanguageChanged(listener: () => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}

/** Has a Lit element drawn again in the new language whenever the language changes, while it is in the page. */
export function redrawOnLanguageChange(host: ReactiveControllerHost): void {
  let off: (() => void) | null = null;
  host.addController({
    hostConnected: () => {
      off = onLanguageChanged(() => host.requestUpdate());
    },
    hostDisconnected: () => {
      off?.();
      off = null;
    },
  });
}

export { i18next };
