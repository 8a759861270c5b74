import { issuesByLang, loadAll } from 'virtual:shipped-scenarios-all';
import { currentLanguage } from '../i18n';
import { loadScenarios, type LoadedScenarios } from './registry';
import type { Scenario } from './schema';

/**
 * The shipped scenarios for the views that list or open any of them (site, editor, presenter, catalogue).
 * In a build, those checked at build time (scripts/vite-scenarios.mjs), the checker's messages in the
 * page's language: the same scenarios and issues as the registry gives, without their YAML texts, the
 * YAML parser nor the checker in the page for them. In the dev server, the registry's: the texts of
 * `scenarios/*.yaml` checked in the page, as they are saved.
 *
 * A build fetches the scenarios beyond the default one as a data file: `loadShippedScenarioList()` loads
 * them before such a view mounts (src/main.ts).
 */
let checked: Record<string, Scenario> | null = null;

export async function loadShippedScenarioList(): Promise<void> {
  if (import.meta.env.DEV) return;
  checked ??= await loadAll();
}

export function shippedScenarioList(): LoadedScenarios {
  if (import.meta.env.DEV) return loadScenarios();
  if (!checked) throw new Error('shippedScenarioList() before loadShippedScenarioList()');
  const lang = currentLanguage();
  return {
    scenarios: new Map(Object.entries(checked).map(([id, scenario]) => [id, structuredClone(scenario)])),
    issues: [...(issuesByLang[lang] ?? issuesByLang.fr ?? [])],
  };
}
