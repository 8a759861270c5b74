import { resolvePlain } from '../scenarios/plain-yaml';

/**
 * Our YAML writer for the data the editor exports (objects, arrays, strings, numbers, booleans, null),
 * in the look of the `yaml` library's `stringify` with `indent: 2, indentSeq: true, lineWidth: 0`:
 * block maps and sequences, `[]` and `{}` when empty, strings plain wherever they read back as the same
 * string, else double-quoted with escapes; strings over several lines as literal blocks (`|`, `|-`,
 * `|+`) when that is safe. Our reader and the library read its text back to the same data (a property
 * test checks both).
 */

// Characters that cannot start a plain scalar (YAML indicators), and a few kept quoted to be safe.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// Characters that call for double quotes: controls, non-printables, line separators, byte order marks.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isPlainSafe(text: string): boolean {
  if (text === '' || INDICATOR_START.test(text) || /\s$/.test(text)) return false;
  if (text.startsWith('...') || text.startsWith('---')) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':') || NEEDS_ESCAPE.test(text)) return false;
  // It must read back as this string, not as null, a boolean or a number.
  return resolvePlain(text) === text;
}

const ESCAPED: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

/** A string between double quotes, every special character escaped. */
export function doubleQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    const known = ESCAPED[ch];
    if (known !== undefined) out += known;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`;
    else if (code === 0xfeff || code === 0xfffe || code === 0xffff) out += `\\u${code.toString(16).toUpperCase()}`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1];
        i += 1;
      } else out += `\\u${code.toString(16).toUpperCase()}`;
    } else if (code >= 0xdc00 && code <= 0xdfff) out += `\\u${code.toString(16).toUpperCase()}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A scalar on one line: plain when safe, double-quoted otherwise. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (value === Number.POSITIVE_INFINITY) return '.inf';
    if (value === Number.NEGATIVE_INFINITY) return '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  const text = String(value);
  return isPlainSafe(text) ? text : doubleQuoted(text);
}

/**
 * A string over several lines as a literal block whose text lines start at column `indent`, or null
 * when a block would not read back the same (a leading space or blank first line, trailing spaces,
 * lines of spaces only, special characters).
 */
function literal(text: string, indent: number): string | null {
  // (Not at the root, where a line could read as a document marker.)
  if (indent === 0 || !text.includes('\n') || NEEDS_ESCAPE.test(text.replace(/\n/g, '')) || text.includes('\t')) return null;
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  const lines = body.split('\n');
  if (lines[0] === '' || lines[0]?.startsWith(' ')) return null;
  if (lines.some((line) => / $/.test(line))) return null;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(indent);
  const content = lines.map((line) => (line === '' ? '' : pad + line)).join('\n');
  return `|${chomp}\n${content}${'\n'.repeat(Math.max(0, trailing - 1))}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What follows `key:` or `- `: ` value`, or the lines of a block collection below. */
function after(value: unknown, indent: number, inSeq: boolean): string {
  if (Array.isArray(value) && value.length > 0) {
    return inSeq ? ` ${sequence(value, indent + 2).slice(indent + 2)}` : `\n${sequence(value, indent + 2)}`;
  }
  if (isObject(value) && Object.keys(value).some((k) => value[k] !== undefined)) {
    return inSeq ? ` ${mapping(value, indent + 2).slice(indent + 2)}` : `\n${mapping(value, indent + 2)}`;
  }
  if (Array.isArray(value)) return ' []';
  if (isObject(value)) return ' {}';
  if (typeof value === 'string') {
    const block = literal(value, indent + 2);
    if (block !== null) return ` ${block}`;
  }
  return ` ${scalar(value)}`;
}

function mapping(value: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    lines.push(`${pad}${scalar(key)}:${after(item, indent, false)}`);
  }
  return lines.join('\n');
}

function sequence(value: readonly unknown[], indent: number): string {
  const pad = ' '.repeat(indent);
  return value.map((item) => `${pad}-${after(item === undefined ? null : item, indent, true)}`).join('\n');
}

/** The data as a YAML document (ending with a line break). */
export function writeYaml(value: unknown): string {
  if (Array.isArray(value) && value.length > 0) return `${sequence(value, 0)}\n`;
  if (isObject(value) && Object.keys(value).some((k) => value[k] !== undefined)) return `${mapping(value, 0)}\n`;
  return `${after(value, -2, false).slice(1)}\n`;
}
