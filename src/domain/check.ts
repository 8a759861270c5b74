/**
 * The result of every domain check. `error` is a key of the i18n namespace "errors" (e.g.
 * "nir.length"), never a sentence: the rules stay language-free and the UI translates.
 */
export type Check<T = string> = { ok: true; value: T } | { ok: false; error: string };

export function valid<T>(value: T): Check<T> {
  return { ok: true, value };
}

export function invalid(error: string): Check<never> {
  return { ok: false, error };
}
