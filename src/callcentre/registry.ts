import { CHECKER_MESSAGES, ScenarioError, createTranslator, type ScenarioIssue } from '../scenarios/load';
import { parseCallScenario } from './load';
import { loadCallFiles } from './call-files';
import type { CallScenario } from './schema';

/**
 * The rehearsal calls shipped with the app: every `scenarios/calls/*.yaml`, shipped as text
 * (./call-files.ts) and validated on load. A file with errors is refused on its own (its issues are
 * shown); the others work.
 */

export interface LoadedCalls {
  /** In file-name order, which is the catalogue's order. */
  calls: CallScenario[];
  issues: ScenarioIssue[];
}

const t = createTranslator(CHECKER_MESSAGES, 'fr');

export function loadCalls(sources: Record<string, string>): LoadedCalls {
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

let shipped: Promise<LoadedCalls> | null = null;

/** The shipped calls, loaded once (a build fetches their texts); a failed load is tried again at the next call. */
export function loadShippedCalls(): Promise<LoadedCalls> {
  const loading = (shipped ??= loadCallFiles().then(loadCalls));
  loading.catch(() => {
    if (shipped === loading) shipped = null;
  });
  return loading;
}
