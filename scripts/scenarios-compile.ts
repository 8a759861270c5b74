import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScenarioSources, type CheckEnvironment } from '../src/scenarios/check';
import { GENERATED_HOTSPOTS } from '../src/scenarios/hotspots.generated';
import { createTranslator, formatIssue, type LocaleResources, type ScenarioIssue } from '../src/scenarios/load';
import type { Scenario } from '../src/scenarios/schema';

export { DEFAULT_SCENARIO } from '../src/scenarios/default-scenario';

/**
 * The shipped scenarios (`scenarios/*.yaml`) checked as the app checked them at run time before: by the
 * same checker, with the app's environment (its locales, the generated zones, French messages). For the
 * build (scripts/vite-scenarios.mjs), which ships the result as JSON.
 */
export interface CompiledScenarios {
  scenarios: Record<string, Scenario>;
  issues: ScenarioIssue[];
  issueLines: string[];
  /** The same issues with the checker's messages in each language of the locales (as the views show them). */
  issuesByLang: Record<string, ScenarioIssue[]>;
  files: string[];
}

/** locales/<lang>/<ns>.json, as i18next resources (as scripts/scenarios-env.ts, without its zone extractor). */
function readLocales(root: string): LocaleResources {
  const out: LocaleResources = {};
  for (const lang of readdirSync(join(root, 'locales')).sort()) {
    for (const file of readdirSync(join(root, 'locales', lang)).sort()) {
      if (file.endsWith('.json')) (out[lang] ??= {})[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(root, 'locales', lang, file), 'utf8')) as unknown;
    }
  }
  return out;
}

export function compileShippedScenarios(root: string): CompiledScenarios {
  const dir = join(root, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const locales = readLocales(root);
  const env: CheckEnvironment = { locales, hotspots: GENERATED_HOTSPOTS, t: createTranslator(locales, 'fr') };
  const sources = files.map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const scenarios: Record<string, Scenario> = {};
  const issues: ScenarioIssue[] = [];
  for (const result of checkScenarioSources(sources, env)) {
    if (result.scenario) scenarios[result.scenario.id] = result.scenario;
    issues.push(...result.issues);
  }
  // Only the messages depend on the language: checked again in the others only when there is something to say.
  const issuesByLang: Record<string, ScenarioIssue[]> = {};
  for (const lang of Object.keys(locales)) {
    issuesByLang[lang] =
      lang === 'fr' || issues.length === 0
        ? issues
        : checkScenarioSources(sources, { ...env, t: createTranslator(locales, lang) }).flatMap((result) => result.issues);
  }
  return { scenarios, issues, issueLines: issues.map(formatIssue), issuesByLang, files: files.map((f) => join(dir, f)) };
}
