import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The locale files as flat `key → value` maps, as i18next reads them (key separator "."). */

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const LANGS = ['fr', 'en'] as const;

/** "a.b.c" → value for every leaf; arrays (read with returnObjects) give "a.0", "a.1"… */
export function flatten(node: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (node !== null && typeof node === 'object') {
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    if (entries.length === 0) out[prefix] = node;
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = node;
  }
  return out;
}

export function namespaces(lang: string): string[] {
  return readdirSync(join(ROOT, 'locales', lang))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function load(lang: string, ns: string): Record<string, unknown> {
  return flatten(JSON.parse(readFileSync(join(ROOT, 'locales', lang, `${ns}.json`), 'utf8')) as unknown);
}

/** Every namespace of a language, flattened. */
export function loadAll(lang: string): Map<string, Record<string, unknown>> {
  return new Map(namespaces(lang).map((ns) => [ns, load(lang, ns)]));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * Does `ns:key` resolve? A leaf, a plural family (`key_one`, `key_other`), or an object or array read
 * whole with returnObjects. With `prefix`, any key that starts with it counts (keys built at run time).
 */
export function resolves(all: Map<string, Record<string, unknown>>, nsKey: string, prefix = false): boolean {
  const i = nsKey.indexOf(':');
  const ns = nsKey.slice(0, i);
  const key = nsKey.slice(i + 1);
  const flat = all.get(ns);
  if (!flat) return false;
  const keys = Object.keys(flat);
  if (prefix) return key === '' || keys.some((k) => k.startsWith(key));
  return keys.some((k) => k === key || k.replace(PLURAL, '') === key || k.startsWith(`${key}.`));
}

export function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(ext)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** {{value}} placeholders of a string, sorted. */
export const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();

/** `$t(ns:key)` nestings of a string, sorted. */
export const nestings = (s: string): string[] => [...s.matchAll(/\$t\(([^),]+)/g)].map((m) => m[1]!.trim()).sort();
