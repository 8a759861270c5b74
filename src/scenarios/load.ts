import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';

/**
 * Loading a scenario file: YAML → validated, typed Scenario. Every problem becomes one line that names
 * the file, the line and column, the path of the bad value and a French message, so that a trainer can
 * fix it without reading code.
 */
export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the bad value, e.g. "world.personas[0].nir". */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}  ${issue.path || '(racine)'}  ${issue.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** The node at `path` in the document, or the deepest existing ancestor (for a missing key). */
function nodeAt(root: YamlNode | null, path: readonly PropertyKey[]): YamlNode | null {
  let node: YamlNode | null = root;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === part);
      if (!pair) return node;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

const MESSAGES: Record<string, (issue: z.core.$ZodIssue) => string> = {
  invalid_type: (i) => {
    const expected = (i as { expected?: string }).expected ?? '';
    const input = (i as { input?: unknown }).input;
    if (input === undefined) return 'valeur obligatoire manquante';
    return `type attendu : ${expected}`;
  },
  invalid_value: (i) => `valeur non autorisée ; valeurs possibles : ${((i as { values?: unknown[] }).values ?? []).map(String).join(', ')}`,
  too_small: (i) => `trop court ou trop petit (minimum ${String((i as { minimum?: unknown }).minimum)})`,
  too_big: (i) => `trop long ou trop grand (maximum ${String((i as { maximum?: unknown }).maximum)})`,
  unrecognized_keys: (i) => `clé inconnue : ${((i as { keys?: string[] }).keys ?? []).join(', ')}`,
  invalid_format: () => 'format invalide',
};

function frenchMessage(issue: z.core.$ZodIssue): string {
  // Custom messages written in the schema are already French.
  const generic = MESSAGES[issue.code];
  if (issue.code === 'custom' || issue.code === 'invalid_format' || !generic) return issue.message;
  return generic(issue);
}

export function parseScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => ({ file, ...position(e.pos[0]), path: '', message: `YAML invalide : ${e.message.split('\n')[0]}` })),
    );
  }
  const result = scenarioSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new ScenarioError(
    result.error.issues.map((issue) => {
      const node = nodeAt(doc.contents as YamlNode | null, issue.path);
      return { file, ...position(node?.range?.[0]), path: formatPath(issue.path), message: frenchMessage(issue) };
    }),
  );
}
