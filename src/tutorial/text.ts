import { tValues } from '../i18n';
import { fillTemplate } from './values';

/**
 * A scenario's texts are either i18n keys (`namespace:key.path`, for scenarios shipped in several
 * languages) or plain text written by a trainer. Both may hold `{{persona.firstName}}`-like values.
 */
const KEY = /^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$/;

export function isTextKey(text: string): boolean {
  return KEY.test(text);
}

/** Turns flat `persona.firstName` values into the nested object i18next interpolation reads. */
function nest(values: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split('.');
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return root;
}

export function scenarioText(text: string | undefined, values: Record<string, string> = {}): string {
  if (!text) return '';
  if (isTextKey(text)) return tValues(text, values, () => nest(values));
  return fillTemplate(text, values);
}
