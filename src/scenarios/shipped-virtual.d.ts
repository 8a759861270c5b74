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
  /** The scenario the player opens without `?scenario=` (src/scenarios/default-scenario.ts). */
  export const defaultId: string;
}

/** Built by scripts/vite-scenarios.mjs: every shipped scenario that passed the checker, at once. */
declare module 'virtual:shipped-scenarios-all' {
  import type { ScenarioIssue } from './load';
  import type { Scenario } from './schema';
  /** The checked scenarios, by id (those beyond the default one are fetched in a build). */
  export function loadAll(): Promise<Record<string, Scenario>>;
  /** What the checker said of the shipped files, its messages in each language of the app. */
  export const issuesByLang: Record<string, ScenarioIssue[]>;
}
