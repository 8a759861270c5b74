import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { callScenarioSchema } from '../src/callcentre/schema';
import { checkScenarioSources, scenarioJsonSchema, type CheckEnvironment, type ScenarioSource } from '../src/scenarios/check';
import { hotspotsModule } from '../src/scenarios/hotspots';
import { formatIssue, type ScenarioIssue } from '../src/scenarios/load';
import { nodeCheckEnvironment, scenarioFiles } from './scenarios-env';

/**
 * The two commands of the scenario format. `npm run scenarios:check [files…]`: one line per error,
 * `file:line:column  path  message`, exit code 1 when there is any (0 and a one-line summary otherwise).
 * `npm run scenarios:schema`: writes the JSON Schema for editors and the app's copy of the zones.
 */

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const console_: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';
/** The call centre's files (scenarios/calls/) point at this one: the scenario's, plus their `call` block. */
export const CALL_SCHEMA_FILE = 'scenarios/call.schema.json';
export const HOTSPOTS_FILE = 'src/scenarios/hotspots.generated.ts';

/** A file as the checker takes it; a call-centre file (its `call` block) with the call schema, which extends the scenario's. */
export function readSource(file: string, root = process.cwd()): ScenarioSource {
  const text = readFileSync(resolve(root, file), 'utf8');
  return { file, text, ...(/^call:/m.test(text) ? { schema: callScenarioSchema } : {}) };
}

export function checkCommand(args: readonly string[], root = process.cwd(), io: Output = console_): number {
  const started = performance.now();
  const env = nodeCheckEnvironment(root);
  for (const warning of env.warnings) io.err(env.t('checker:cli.hotspotWarning', { warning }));
  const files = args.length > 0 ? [...args] : scenarioFiles(root);
  if (files.length === 0) {
    io.err(env.t('checker:cli.noFiles'));
    return 1;
  }
  const sources: ScenarioSource[] = [];
  const unreadable: ScenarioIssue[] = [];
  for (const file of files) {
    try {
      sources.push(readSource(file, root));
    } catch (error) {
      const values = { error: (error as NodeJS.ErrnoException).code ?? String(error) };
      unreadable.push({ file, line: 1, column: 1, path: '', message: env.t('checker:cli.unreadable', values), key: 'checker:cli.unreadable', values });
    }
  }
  const issues = [...unreadable, ...checkScenarioSources(sources, env).flatMap((r) => r.issues)];
  for (const issue of issues) io.out(formatIssue(issue));
  const ms = Math.round(performance.now() - started);
  if (issues.length > 0) {
    io.err(env.t('checker:cli.failed', { count: files.length, errors: issues.length }));
    return 1;
  }
  io.out(env.t('checker:cli.ok', { count: files.length, ms }));
  return 0;
}

/** The two generated files' text, as `npm run scenarios:schema` writes them. */
export function generatedFiles(root = process.cwd(), env: CheckEnvironment = nodeCheckEnvironment(root)): Record<string, string> {
  return {
    [SCHEMA_FILE]: `${JSON.stringify(scenarioJsonSchema(env.t), null, 2)}\n`,
    [CALL_SCHEMA_FILE]: `${JSON.stringify(scenarioJsonSchema(env.t, callScenarioSchema), null, 2)}\n`,
    [HOTSPOTS_FILE]: hotspotsModule(env.hotspots),
  };
}

export function schemaCommand(root = process.cwd(), io: Output = console_): number {
  const env = nodeCheckEnvironment(root);
  for (const warning of env.warnings) io.err(env.t('checker:cli.hotspotWarning', { warning }));
  for (const [file, text] of Object.entries(generatedFiles(root, env))) writeFileSync(join(root, file), text);
  io.out(env.t('checker:cli.schemaWritten', { schema: `${SCHEMA_FILE}, ${CALL_SCHEMA_FILE}`, hotspots: HOTSPOTS_FILE }));
  return 0;
}
