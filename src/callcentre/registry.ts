import { CHECKER_MESSAGES, ScenarioError, createTranslator, type ScenarioIssue } from '../scenarios/load';
import { parseCallScenario } from './load';
import type { CallScenario } from './schema';

/**
 * The rehearsal calls shipped with the app: every `scenarios/calls/*.yaml`, bundled as text and
 * validated on load. A file with errors is refused on its own (its issues are shown); the others work.
 */
const files = import.meta.glob<string>('../../scenarios/calls/*.yaml', { eager: true, query: '?raw', import: 'default' });

export interface LoadedCalls {
  /** In file-name order, which is the catalogue's order. */
  calls: CallScenario[];
  issues: ScenarioIssue[];
}

const t = createTranslator(CHECKER_MESSAGES, 'fr');

export function loadCalls(sources: Record<string, string> = files): LoadedCalls {
  const calls: CallScenario[] = [];
  const issues: ScenarioIssue[] = [];
  const owners = new Map<string, string>();
  for (const path of Object.keys(sources).sort()) {
    const text = sources[path] ?? '';
    const file = `scenarios/calls/${path.split('/').pop() ?? path}`;
    try {
      const call = parseCallScenario(text, file);
      const owner = owners.get(call.id);
      if (owner !== undefined) {
        issues.push({ file, line: 1, column: 1, path: 'id', message: t('checker:scenario.duplicateId', { file: owner }) });
      } else {
        owners.set(call.id, file);
        calls.push(call);
      }
    } catch (error) {
      if (error instanceof ScenarioError) issues.push(...error.issues);
      else issues.push({ file, line: 1, column: 1, path: '', message: String(error) });
    }
  }
  return { calls, issues };
}
