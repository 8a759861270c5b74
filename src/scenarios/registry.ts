import { currentLanguage, resources } from '../i18n';
import { checkScenarioSources, type CheckEnvironment } from './check';
import { GENERATED_HOTSPOTS } from './hotspots.generated';
import { createTranslator, type ScenarioIssue } from './load';
import type { Scenario } from './schema';

/**
 * The scenarios shipped with the app: every `scenarios/*.yaml`, as text, checked on load by the same
 * checker as `npm run scenarios:check` (schema and meaning). A file with errors is refused on its own,
 * with the checker's lines; the others keep working. What the views use in the dev server and what the
 * tests check; a build gives the views the same scenarios checked at build time (checked.ts), and
 * this glob, unused there, is left out of the page.
 */
const files = import.meta.glob<string>('../../scenarios/*.yaml', { eager: true, query: '?raw', import: 'default' });

export interface LoadedScenarios {
  scenarios: Map<string, Scenario>;
  issues: ScenarioIssue[];
}

/** The checker's environment in the app: its bundled translations and the generated zones. */
export function appCheckEnvironment(lang: string = currentLanguage()): CheckEnvironment {
  const locales = resources();
  return { locales, hotspots: GENERATED_HOTSPOTS, t: createTranslator(locales, lang) };
}

export function loadScenarios(sources: Record<string, string> = files, env: CheckEnvironment = appCheckEnvironment()): LoadedScenarios {
  const scenarios = new Map<string, Scenario>();
  const issues: ScenarioIssue[] = [];
  const entries = Object.entries(sources).map(([path, text]) => ({ file: `scenarios/${path.split('/').pop() ?? path}`, text }));
  for (const result of checkScenarioSources(entries, env)) {
    if (result.scenario) scenarios.set(result.scenario.id, result.scenario);
    issues.push(...result.issues);
  }
  return { scenarios, issues };
}

export { DEFAULT_SCENARIO } from './default-scenario';
