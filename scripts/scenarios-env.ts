import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckEnvironment } from '../src/scenarios/check';
import { extractHotspots, HOTSPOT_SOURCES, type ExtractedHotspots } from '../src/scenarios/hotspots';
import { createTranslator, type LocaleResources } from '../src/scenarios/load';

/**
 * The checker's environment on Node, read from the project's files: every locale bundle, and the
 * screens' zones extracted from their current sources (so that the command follows the code even before
 * `npm run scenarios:schema` regenerates the app's copy). For the CLI, the tests and benchmarks.
 */

/** locales/<lang>/<ns>.json, as i18next resources. */
export function readLocales(root = process.cwd()): LocaleResources {
  const out: LocaleResources = {};
  const dir = join(root, 'locales');
  for (const lang of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, lang)).sort()) {
      if (!file.endsWith('.json')) continue;
      (out[lang] ??= {})[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as unknown;
    }
  }
  return out;
}

/** The sources the hotspot extractor reads, keyed by their path in the project. */
export function readHotspotSources(root = process.cwd()): Record<string, string> {
  const files: Record<string, string> = {};
  const read = (path: string) => (files[path] = readFileSync(join(root, path), 'utf8'));
  read(HOTSPOT_SOURCES.render);
  read(HOTSPOT_SOURCES.frame);
  for (const file of readdirSync(join(root, HOTSPOT_SOURCES.screens)).sort()) {
    if (file.endsWith('.ts')) read(`${HOTSPOT_SOURCES.screens}/${file}`);
  }
  return files;
}

export function readHotspots(root = process.cwd()): ExtractedHotspots {
  return extractHotspots(readHotspotSources(root));
}

export interface NodeCheckEnvironment extends CheckEnvironment {
  /** Zones the extractor could not work out (to print as warnings). */
  warnings: string[];
}

export function nodeCheckEnvironment(root = process.cwd(), lang = 'fr'): NodeCheckEnvironment {
  const locales = readLocales(root);
  const { warnings, ...hotspots } = readHotspots(root);
  return { locales, hotspots, t: createTranslator(locales, lang), warnings };
}

/** Every scenarios/**\/*.yaml, as paths relative to the root ("scenarios/x.yaml"), sorted. */
export function scenarioFiles(root = process.cwd()): string[] {
  return (readdirSync(join(root, 'scenarios'), { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => `scenarios/${f}`);
}
