import i18next, { type TOptions } from 'i18next';

/**
 * Every UI string lives in `locales/<lang>/<namespace>.json`. The files are bundled (no request leaves
 * the page) and loaded once here; each screen uses its own namespace.
 */
type Bundle = Record<string, unknown>;

const files = import.meta.glob<Bundle>('../../locales/*/*.json', { eager: true, import: 'default' });

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function resources(): Record<string, Record<string, Bundle>> {
  const res: Record<string, Record<string, Bundle>> = {};
  for (const [path, bundle] of Object.entries(files)) {
    const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    (res[lang] ??= {})[ns] = bundle;
  }
  return res;
}

let ready: Promise<unknown> | null = null;

export function initI18n(lang: Language = 'fr'): Promise<unknown> {
  ready ??= i18next.init({
    lng: lang,
    fallbackLng: 'fr',
    resources: resources(),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return ready;
}

// Initialised synchronously on import: the resources are bundled, so screens can render at once.
void initI18n();

/** Translate `ns:key`. */
export function t(key: string, options?: TOptions): string {
  return i18next.t(key, options) as string;
}

export function setLanguage(lang: Language): Promise<unknown> {
  return i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return (i18next.language as Language) ?? 'fr';
}

export function onLanguageChanged(listener: () => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}

export { i18next };
