import { issuesByLang, scenarios as checkedScenarios } from 'virtual:shipped-scenarios-all';
import { currentLanguage } from '../i18n';
import { loadScenarios, type LoadedScenarios } from './registry';

/**
 * The shipped scenarios for the views that list or open any of them (site, editor, presenter, catalogue).
 * In a build, those checked at build time (scripts/vite-scenarios.mjs), the checker's messages in the
 * page's language: the same scenarios and issues as the registry gives, without their YAML texts, the
 * YAML parser nor the checker in the page for them. In the dev server, the registry's: the texts of
 * `scenarios/*.yaml` checked in the page, as they are saved.
 */
export function shippedScenarioList(): LoadedScenarios {
  if (import.meta.env.DEV) return loadScenarios();
  const lang = currentLanguage();
  return {
    scenarios: new Map(Object.entries(checkedScenarios).map(([id, scenario]) => [id, structuredClone(scenario)])),
    issues: [...(issuesByLang[lang] ?? issuesByLang.fr ?? [])],
  };
}
