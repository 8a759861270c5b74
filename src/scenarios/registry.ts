import { parseScenario, ScenarioError, type ScenarioIssue } from './load';
import type { Scenario } from './schema';

/**
 * The scenarios shipped with the app: every `scenarios/*.yaml`, bundled as text and validated on load.
 * A file with errors is refused on its own; the others keep working.
 */
const files = import.meta.glob<string>('../../scenarios/*.yaml', { eager: true, query: '?raw', import: 'default' });

export interface LoadedScenarios {
  scenarios: Map<string, Scenario>;
  issues: ScenarioIssue[];
}

export function loadScenarios(sources: Record<string, string> = files): LoadedScenarios {
  const scenarios = new Map<string, Scenario>();
  const issues: ScenarioIssue[] = [];
  for (const [path, text] of Object.entries(sources)) {
    const file = `scenarios/${path.split('/').pop() ?? path}`;
    try {
      const scenario = parseScenario(text, file);
      scenarios.set(scenario.id, scenario);
    } catch (error) {
      if (error instanceof ScenarioError) issues.push(...error.issues);
      else issues.push({ file, line: 1, column: 1, path: '', message: String(error) });
    }
  }
  return { scenarios, issues };
}

export const DEFAULT_SCENARIO = 'pas-a-pas';
