import { ScenarioError, formatPath, readScenario, type ScenarioIssue } from '../scenarios/load';
import { callScenarioSchema, type CallScenario } from './schema';

/**
 * Loading a call file: YAML → validated CallScenario, with the same one-line errors as the app's
 * scenarios (`file:line:column  path  message`): the app's reader (src/scenarios/load.ts) with the call
 * schema, which extends the scenario's; it places each issue and reports unknown keys.
 */

/**
 * The reader words zod's own issue codes; the call schema's refinements (a missing correct
 * explanation, an unknown persona) carry a French message of their own, kept here.
 */
function withCustomMessages(issues: readonly ScenarioIssue[], raw: unknown): ScenarioIssue[] {
  const result = callScenarioSchema.safeParse(raw);
  if (result.success) return [...issues];
  const custom = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'custom') continue;
    const path = formatPath(issue.path);
    custom.set(path, [...(custom.get(path) ?? []), issue.message]);
  }
  return issues.map((issue) => {
    const messages = custom.get(issue.path);
    if (issue.key !== 'checker:schema.invalid' || !messages?.length) return issue;
    const message = messages.shift() ?? issue.message;
    const { key: _key, values: _values, ...rest } = issue;
    return { ...rest, message };
  });
}

export function parseCallScenario(text: string, file: string): CallScenario {
  const read = readScenario(text, file, { schema: callScenarioSchema });
  if (read.scenario) return read.scenario;
  throw new ScenarioError(read.raw === null ? read.issues : withCustomMessages(read.issues, read.raw));
}
