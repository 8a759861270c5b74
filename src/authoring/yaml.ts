import type { z } from 'zod';
import { parseScenario } from '../scenarios/load';
import { scenarioSchema, type Scenario } from '../scenarios/schema';
import { writeYaml } from './yaml-writer';

/**
 * Scenario ⇄ YAML text for the editor. The writer walks the zod schema to put keys in the schema's
 * order, so that an exported file reads like a hand-written one and the same data always gives the same
 * text (a trainer's diff shows only what changed). The reader is the app's own loader, with its
 * `file:line:column` messages.
 */

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  options?: readonly Schema[];
  valueType?: Schema;
}

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/default/nullable/readonly wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The option of a union that describes `value`: the object whose keys cover the value's keys. */
function pickOption(options: readonly Schema[], value: unknown): Schema | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  for (const option of options) {
    const def = defOf(unwrap(option));
    if (def.type !== 'object' || !def.shape) continue;
    const shape = def.shape;
    if (keys.every((k) => k in shape)) return option;
  }
  return null;
}

/** A copy of `value` whose object keys follow `schema`'s order; undefined values are left out. */
export function orderLike(schema: Schema | undefined, value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  const def = schema ? defOf(unwrap(schema)) : null;
  if (Array.isArray(value)) {
    const element = def?.type === 'array' ? def.element : undefined;
    return value.map((item) => orderLike(element, item));
  }
  if (!isPlainObject(value)) return value;
  if (def?.type === 'union' && def.options) return orderLike(pickOption(def.options, value) ?? undefined, value);
  const out: Record<string, unknown> = {};
  if (def?.type === 'object' && def.shape) {
    const shape = def.shape;
    for (const key of Object.keys(shape)) {
      if (key in value && value[key] !== undefined) out[key] = orderLike(shape[key], value[key]);
    }
    // Keys the schema lets through (a catchall, such as the fields of a `send` event) keep their order.
    for (const [key, item] of Object.entries(value)) {
      if (!(key in shape) && item !== undefined) out[key] = orderLike(def.catchall, item);
    }
    return out;
  }
  const inner = def?.type === 'record' ? def.valueType : undefined;
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = orderLike(inner, item);
  return out;
}

/** The scenario as YAML text: keys in the schema's order, strings quoted only where YAML needs it. */
export function exportScenario(scenario: Scenario): string {
  // Long callouts stay on one line (no folding): the text does not depend on the column it starts at.
  return writeYaml(orderLike(scenarioSchema, scenario));
}

/** Reads a scenario file (or pasted text); throws the loader's ScenarioError with every problem. */
export function importScenario(text: string, file: string): Scenario {
  return parseScenario(text, file);
}
