import i18next, { type Resource } from 'i18next';
import type { z } from 'zod/mini';
import frChecker from '../../locales/fr/checker.json';
import enChecker from '../../locales/en/checker.json';
import { positionIn, readPlainYaml } from './plain-yaml';
import { readYaml, YamlSyntaxError, type ReadYaml } from './yaml-reader';
import { scenarioSchema, type Scenario } from './schema';

/**
 * Loading a scenario file: YAML → validated, typed Scenario. Every problem becomes one line that names
 * the file, the line and column, the path of the bad value and a message, so that a trainer can fix it
 * without reading code. The messages live in locales/<lang>/checker.json; this module reads them without
 * the app's i18n module (which needs Vite) so that the command-line checker can use it too.
 */
export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the bad value, e.g. "world.personas[0].nir". */
  path: string;
  message: string;
  /** The message's key in namespace "checker" and its values, to show it again in another language. */
  key?: string;
  values?: Record<string, string>;
}

/** Translates a key (`ns:key`, namespace "checker" by default) with its values. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Translation bundles by language, then by namespace (the shape of `locales/<lang>/<ns>.json`). */
export type LocaleResources = Record<string, Record<string, unknown>>;

/** A translator of its own (not the app's global i18next), so that the CLI and tests need no set-up. */
export function createTranslator(resources: LocaleResources, lang = 'fr'): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'fr',
    resources: resources as Resource,
    ns: Object.keys(resources[lang] ?? resources.fr ?? {}),
    defaultNS: 'checker',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, values) => instance.t(key, values as Record<string, unknown>) as string;
}

/** The checker's own messages, bundled: enough for the schema's messages and formatIssue. */
export const CHECKER_MESSAGES: LocaleResources = { fr: { checker: frChecker }, en: { checker: enChecker } };

const frenchMessages = createTranslator(CHECKER_MESSAGES, 'fr');

export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** One line: `file:line:column  path  message` (the CLI's output, and what the app shows of a refused file). */
export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}  ${issue.path || frenchMessages('checker:root')}  ${issue.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Where a value of the file is: line and column (1-based) of its node, or of its key. */
export type Locate = (path: readonly PropertyKey[], options?: { atKey?: boolean }) => { line: number; column: number };

/** A scenario file read and validated against the schema; `scenario` is null when it has errors. */
export interface ReadScenario<T = Scenario> {
  file: string;
  scenario: T | null;
  /** The file's data as written (before defaults), null when the YAML itself is invalid. */
  raw: unknown;
  issues: ScenarioIssue[];
  locate: Locate;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

const KNOWN_PATTERNS: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': 'checker:schema.isoDate',
  '^[a-z0-9-]+$': 'checker:schema.id',
};

interface Message {
  key: string;
  values?: Record<string, string>;
}

function typeName(expected: string, t: Translate): string {
  const known = ['string', 'number', 'int', 'boolean', 'object', 'array', 'null'];
  return known.includes(expected) ? t(`checker:schema.types.${expected}`) : t('checker:schema.types.other', { expected });
}

/** A zod issue as one message of ours; `raw` tells a missing value from a wrong one. */
function messageOf(issue: z.core.$ZodIssue, raw: unknown, t: Translate): Message {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(raw, issue.path) === undefined) return { key: 'checker:schema.required' };
      return { key: 'checker:schema.type', values: { expected: typeName(String(i.expected), t) } };
    case 'invalid_value':
      return { key: 'checker:schema.value', values: { values: ((i.values as unknown[]) ?? []).map(String).join(', ') } };
    case 'too_small': {
      const origin = String(i.origin);
      const key = origin === 'string' ? 'tooSmallString' : origin === 'array' ? 'tooSmallArray' : 'tooSmallNumber';
      return { key: `checker:schema.${key}`, values: { minimum: String(i.minimum) } };
    }
    case 'too_big':
      return { key: 'checker:schema.tooBig', values: { maximum: String(i.maximum) } };
    case 'unrecognized_keys':
      return { key: 'checker:schema.unknownKey', values: { keys: ((i.keys as string[]) ?? []).join(', ') } };
    case 'invalid_format': {
      // zod gives the pattern as a regular expression's text, slashes included.
      const text = typeof i.pattern === 'string' ? i.pattern : String((i.pattern as RegExp | undefined)?.source ?? '');
      const pattern = /^\/(.*)\/[a-z]*$/s.exec(text)?.[1] ?? text;
      const known = KNOWN_PATTERNS[pattern];
      return known ? { key: known } : { key: 'checker:schema.format', values: { pattern } };
    }
    case 'custom':
      // A refinement of a schema that extends this one words its own message (the call centre's).
      return issue.message && issue.message !== 'Invalid input' ? { key: 'checker:schema.custom', values: { message: issue.message } } : { key: 'checker:schema.invalid' };
    default:
      return { key: 'checker:schema.invalid' };
  }
}

/**
 * zod reports a failed union (a step's action: fill or send) with the issues of every branch. The
 * branch that went deepest is the one the author meant; when none did, the message lists the keys
 * each branch expects.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): Array<z.core.$ZodIssue | { union: string[]; path: PropertyKey[] }> {
  const out: Array<z.core.$ZodIssue | { union: string[]; path: PropertyKey[] }> = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
      out.push({ ...issue, path } as z.core.$ZodIssue);
      continue;
    }
    const depth = (branch: readonly z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const best = Math.max(...issue.errors.map(depth));
    const deepest = issue.errors.filter((branch) => depth(branch) === best);
    if (deepest.length === 1 || best === 0) {
      out.push(...flattenUnions(deepest[0] ?? [], path));
    } else {
      const keys = deepest.map((branch) => String(branch[0]?.path[0] ?? '')).filter(Boolean);
      out.push({ union: keys, path });
    }
  }
  return out;
}

type ZodDef = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;

/**
 * zod drops keys it does not know; a trainer's typo (« calouts ») would then vanish without a word.
 * This walks the data along the schema and lists every key no object of the schema declares.
 * `path` is the walk's own stack (a copy goes into `out`).
 */
function unknownKeys(schema: unknown, value: unknown, path: PropertyKey[], out: PropertyKey[][]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      unknownKeys(def.innerType, value, path, out);
      return;
    case 'pipe':
      unknownKeys(def.in, value, path, out);
      return;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      const shape = def.shape as Record<string, unknown>;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const child = (value as Record<string, unknown>)[key];
        path.push(key);
        if (key in shape) unknownKeys(shape[key], child, path, out);
        else if (def.catchall === undefined) out.push([...path]);
        else unknownKeys(def.catchall, child, path, out);
        path.pop();
      }
      return;
    }
    case 'array':
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          path.push(i);
          unknownKeys(def.element, value[i], path, out);
          path.pop();
        }
      }
      return;
    case 'record':
      if (value !== null && typeof value === 'object') {
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          path.push(key);
          unknownKeys(def.valueType, (value as Record<string, unknown>)[key], path, out);
          path.pop();
        }
      }
      return;
    case 'union': {
      const option = (def.options as Array<{ safeParse(v: unknown): { success: boolean } }>).find((o) => o.safeParse(value).success);
      if (option) unknownKeys(option, value, path, out);
      return;
    }
    default:
      return;
  }
}

export interface ReadOptions<S extends z.ZodMiniType> {
  t?: Translate;
  /** A schema extending the scenario's (e.g. the call centre's `call` block); the scenario's by default. */
  schema?: S;
}

/** Reads a scenario file: YAML, then the schema (with unknown keys); never throws. */
export function readScenario<S extends z.ZodMiniType = typeof scenarioSchema>(
  text: string,
  file: string,
  options: ReadOptions<S> = {},
): ReadScenario<z.output<S>> {
  const t = options.t ?? frenchMessages;
  const schema: z.ZodMiniType = options.schema ?? scenarioSchema;
  // Most files keep to plain YAML, which the fast reader reads; any other (and any file with a syntax
  // error) is read by our full reader, which names each syntax error (yamlCodes in the locales).
  const plain = readPlainYaml(text);
  if (plain) {
    const locate: Locate = (path, options) => plain.position(plain.offset(path, options?.atKey ?? false));
    return validate(plain.value, file, locate, t, schema);
  }
  const position = positionIn(text);
  let read: ReadYaml;
  try {
    read = readYaml(text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    const at = position(error.offset);
    const values = { detail: t(`checker:schema.yamlCodes.${error.code}`) };
    const issues = [{ file, ...at, path: '', message: t('checker:schema.yaml', values), key: 'checker:schema.yaml', values }];
    return { file, scenario: null, raw: null, locate: () => at, issues };
  }
  const locate: Locate = (path, options) => position(read.offset(path, options?.atKey ?? false));
  return validate(read.value, file, locate, t, schema);
}

/** The file's data against the schema, then its unknown keys. */
function validate<T>(raw: unknown, file: string, locate: Locate, t: Translate, schema: z.ZodMiniType): ReadScenario<T> {
  const issue = (path: readonly PropertyKey[], message: Message, atKey = false): ScenarioIssue => ({
    file,
    ...locate(path, { atKey }),
    path: formatPath(path),
    message: t(message.key, message.values),
    key: message.key,
    ...(message.values ? { values: message.values } : {}),
  });
  const issues: ScenarioIssue[] = [];
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const found of flattenUnions(result.error.issues)) {
      if ('union' in found) issues.push(issue(found.path, { key: 'checker:schema.union', values: { forms: found.union.join(', ') } }));
      else issues.push(issue(found.path, messageOf(found, raw, t)));
    }
  }
  const extra: PropertyKey[][] = [];
  unknownKeys(schema, raw, [], extra);
  for (const path of extra) issues.push(issue(path, { key: 'checker:schema.unknownKey', values: { keys: String(path[path.length - 1]) } }, true));
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, scenario: result.success && issues.length === 0 ? (result.data as T) : null, raw, issues, locate };
}

/** Parses and validates against the schema only; throws a ScenarioError listing every problem. */
export function parseScenario(text: string, file: string, options: { t?: Translate } = {}): Scenario {
  const read = readScenario(text, file, { t: options.t ?? frenchMessages });
  if (read.scenario) return read.scenario;
  throw new ScenarioError(read.issues);
}
