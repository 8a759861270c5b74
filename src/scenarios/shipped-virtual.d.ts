/** Built by scripts/vite-scenarios.ts: the shipped scenarios, checked at build time. */
declare module 'virtual:shipped-scenarios' {
  import type { ScenarioIssue } from './load';
  import type { Scenario } from './schema';
  /** What the checker said of the shipped files (a file with errors is left out of `loaders`). */
  export const issues: ScenarioIssue[];
  /** The same, one line each as `formatIssue` writes them. */
  export const issueLines: string[];
  /** One loader per scenario that passed the checker, by id. */
  export const loaders: Record<string, () => Promise<{ default: Scenario }>>;
}
