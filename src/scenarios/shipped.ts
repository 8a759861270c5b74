import { defaultId, issues as checkedIssues, issueLines, loaders } from 'virtual:shipped-scenarios';
import type { ScenarioIssue } from './load';
import type { Scenario } from './schema';

/**
 * The scenarios shipped with the app, as the player loads them: every `scenarios/*.yaml` checked at build
 * time by the same checker as `npm run scenarios:check` and the registry (scripts/vite-scenarios.ts), each
 * one a JSON module loaded when it is opened (the build gathers them in one chunk). A file with errors is not among them; its checker's lines
 * are in `shippedIssues`, for the page to show. So the page needs neither the YAML parser, nor zod, nor
 * the checker to play a shipped scenario (nor do the other views in a build: checked.ts; registry.ts, which has them, serves the dev server and tests).
 */
export const shippedIssues: readonly ScenarioIssue[] = checkedIssues;

/** The scenario the player opens when the address names none (src/scenarios/default-scenario.ts, given by the build). */
export const DEFAULT_SCENARIO: string = defaultId;

/** The same, one line each (`file:line:column  path  message`), as the page shows them. */
export const shippedIssueLines: readonly string[] = issueLines;

export function shippedIds(): string[] {
  return Object.keys(loaders);
}

/** The checked scenario with this id, or null when no shipped file passed with it. */
export async function loadShippedScenario(id: string): Promise<Scenario | null> {
  const load = loaders[id];
  return load ? (await load()).default : null;
}
