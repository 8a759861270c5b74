import { parseScenario, ScenarioError, type ScenarioIssue } from './load';
import type { Scenario } from './schema';

/**
 * Live reload of scenario files in the dev server: the same `scenarios/*.yaml` glob as the registry, in a
 * module that accepts its own hot updates. When a file is saved, Vite runs this module again with the
 * new texts; it tells its listeners which files changed, each parsed and checked, so that the player can
 * restart on the new version, or show the checker's messages and keep the old one running. In a build
 * `import.meta.hot` is undefined and this is only the glob.
 */
const files = import.meta.glob<string>('../../scenarios/*.yaml', { eager: true, query: '?raw', import: 'default' });

export interface ScenarioUpdate {
  /** `scenarios/<name>.yaml`, as the checker's messages name it. */
  file: string;
  /** The new version, or null when it has errors. */
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  /** The id of the version before the save (a file with errors no longer says whose it is). */
  previousId?: string | null;
}

type Listener = (updates: ScenarioUpdate[]) => void;

const fileName = (path: string) => `scenarios/${path.split('/').pop() ?? path}`;

export function checkScenarioText(text: string, file: string): ScenarioUpdate {
  try {
    return { file, scenario: parseScenario(text, file), issues: [] };
  } catch (error) {
    const issues = error instanceof ScenarioError ? error.issues : [{ file, line: 1, column: 1, path: '', message: String(error) }];
    return { file, scenario: null, issues };
  }
}

/** The files whose text differs between two versions of the glob (added ones included). */
export function changedScenarios(before: Record<string, string>, after: Record<string, string>): ScenarioUpdate[] {
  return Object.entries(after)
    .filter(([path, text]) => before[path] !== text)
    .map(([path, text]) => {
      const old = before[path];
      const previousId = old === undefined ? null : (checkScenarioText(old, fileName(path)).scenario?.id ?? null);
      return { ...checkScenarioText(text, fileName(path)), previousId };
    });
}

// The listeners and the previous texts survive the module's hot replacement in `hot.data`.
const hot = import.meta.hot;
const listeners: Set<Listener> = (hot?.data.listeners as Set<Listener> | undefined) ?? new Set();

/** Called with the changed files after each save of a scenario (dev server only); returns the unsubscriber. */
export function onScenarioUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (hot) {
  const previous = hot.data.sources as Record<string, string> | undefined;
  hot.data.listeners = listeners;
  hot.data.sources = files;
  if (previous) {
    const updates = changedScenarios(previous, files);
    if (updates.length) for (const listener of listeners) listener(updates);
  }
  // Written out in full: Vite finds self-accepting modules by this very text.
  import.meta.hot?.accept();
}
