import { ScenarioError, type ScenarioIssue } from '../scenarios/load';
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

export function loadCalls(sources: Record<string, string> = files): LoadedCalls {
  const calls: CallScenario[] = [];
  const issues: ScenarioIssue[] = [];
  for (const path of Object.keys(sources).sort()) {
    const text = sources[path] ?? '';
    const file = `scenarios/calls/${path.split('/').pop() ?? path}`;
    try {
      const call = parseCallScenario(text, file);
      if (calls.some((c) => c.id === call.id)) {
        issues.push({ file, line: 1, column: 1, path: 'id', message: `identifiant « ${call.id} » déjà utilisé par un autre appel` });
      } else {
        calls.push(call);
      }
    } catch (error) {
      if (error instanceof ScenarioError) issues.push(...error.issues);
      else issues.push({ file, line: 1, column: 1, path: '', message: String(error) });
    }
  }
  return { calls, issues };
}
