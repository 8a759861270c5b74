/**
 * A fast reader for the plain part of YAML that scenario files are written in: block maps and
 * sequences, one-line flow maps and sequences (`{ send: { type: BEGIN } }`, `[a, b]`), one-line plain,
 * single- and double-quoted scalars, literal and folded scalars of even lines (`>-` paragraphs),
 * comments, values resolved as the `yaml` library's YAML 1.2 core schema does (null, booleans,
 * integers, floats, strings).
 *
 * It answers null as soon as the text steps outside that part (anchors, aliases, tags, multi-line
 * plain, quoted or flow values, other block scalars, empty values, duplicate keys, tabs, document
 * markers, any syntax error…): the caller then reads the file with our full reader
 * (yaml-reader.ts), slower, which knows the rest of the YAML trainers write and words every error. So
 * this module decides nothing about what
 * is valid: when it answers, its value is the one `yaml`'s `parse` gives, and its positions those of
 * `parseDocument`'s nodes (a test compares both on every shipped scenario and on generated and
 * mutated texts).
 */

/** Offsets of a map's or a sequence's parts, for `locate`. */
interface MapPlaces {
  start: number;
  keys: Map<string, number>;
  values: Map<string, number>;
}
interface SeqPlaces {
  start: number;
  items: number[];
}

export interface PlainYaml {
  /** The data, as `yaml`'s `parse(text)` gives it. */
  value: unknown;
  /**
   * Offset of the value at `path` (of its key with `atKey`, for the last part), or of the deepest
   * existing ancestor when the path goes further than the data: as the range of `parseDocument`'s node.
   */
  offset(path: readonly PropertyKey[], atKey: boolean): number;
  /** Line and column (1-based) of an offset, as `yaml`'s LineCounter gives them. */
  position(offset: number): { line: number; column: number };
}

/** Thrown (and caught below) when the text leaves the plain part: the caller uses the full library. */
const OUTSIDE: unique symbol = Symbol('outside');

// Characters that make the whole text go to the library: tabs, carriage returns, other controls, BOM,
// and line separators that YAML may read differently from us.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/;

// The core schema's tests, in the library's order (yaml/dist/schema/core/schema.js).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the library resolves it. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Only these first characters can start a non-string (digits, + - . ~, n N t T f F, 0o / 0x).
  const maybe = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybe && text !== '') return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return c === 116 || c === 84;
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Characters we refuse in a block map's key (the library's job when present). */
function isOddKeyChar(c: number): boolean {
  switch (c) {
    case 58: // :
    case 35: // #
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

/** Characters that may not start a plain scalar here (YAML's indicators, and a few we leave to the library). */
function isIndicator(c: number): boolean {
  return c === 45 /* - */ || c === 63 /* ? */ || isOddKeyChar(c);
}

/**
 * The reader. Each method returns the value it read and leaves in `at` where reading goes on: the next
 * content line's start (-1 at the end) for block values, the offset after the node for flow and quoted
 * ones; `start` is where the value began. Positions are recorded only when asked (`places`): the
 * checker needs them only for a file with problems, so the text is read a second time then.
 */
class Reader {
  private at = 0;
  private start = 0;
  private readonly n: number;

  constructor(
    private readonly s: string,
    readonly places: Map<object, MapPlaces | SeqPlaces> | null,
  ) {
    this.n = s.length;
  }

  private outside(): never {
    throw OUTSIDE;
  }

  /** Offset of the end of the line holding `p` (its newline, or the end of the text). */
  private lineEnd(p: number): number {
    const e = this.s.indexOf('\n', p);
    return e === -1 ? this.n : e;
  }

  /** From a line's start, the start of the next line with content (not blank, not only a comment), or -1. */
  private nextContent(p: number): number {
    const s = this.s;
    while (p < this.n) {
      let q = p;
      while (q < this.n && s.charCodeAt(q) === SPACE) q += 1;
      if (q >= this.n) return -1;
      const c = s.charCodeAt(q);
      if (c !== NEWLINE && c !== HASH) return p;
      p = this.lineEnd(q) + 1;
    }
    return -1;
  }

  private indentAt(lineStart: number): number {
    let q = lineStart;
    while (this.s.charCodeAt(q) === SPACE) q += 1;
    return q - lineStart;
  }

  private skipSpaces(p: number): number {
    while (p < this.n && this.s.charCodeAt(p) === SPACE) p += 1;
    return p;
  }

  /** After a value that ends at `p`: nothing but spaces and a comment up to the line's end; the next content line. */
  private endOfLine(p: number): number {
    const s = this.s;
    const q = this.skipSpaces(p);
    if (q < this.n && s.charCodeAt(q) !== NEWLINE) {
      // A comment needs a space before it.
      if (s.charCodeAt(q) !== HASH || q === p) this.outside();
    }
    return this.nextContent(this.lineEnd(q) + 1);
  }

  /** Is `- ` (or `-` at the line's end) at p: a block sequence's entry? */
  private isEntry(p: number): boolean {
    if (this.s.charCodeAt(p) !== DASH) return false;
    const c = this.s.charCodeAt(p + 1);
    return p + 1 >= this.n || c === SPACE || c === NEWLINE;
  }

  /** The colon of an implicit key starting at p (`key: ` or `key:` at the line's end), or -1. */
  private keyColon(p: number): number {
    const s = this.s;
    const first = s.charCodeAt(p);
    if (first === SPACE || first === NEWLINE || isIndicator(first)) return -1;
    for (let q = p; q < this.n; q += 1) {
      const c = s.charCodeAt(q);
      if (c === NEWLINE) return -1;
      if (c === COLON) {
        const next = s.charCodeAt(q + 1);
        if (q + 1 >= this.n || next === SPACE || next === NEWLINE) return q;
        return -1;
      }
      if (isOddKeyChar(c)) return -1;
    }
    return -1;
  }

  /** The root: a block map or sequence at the first column, and nothing after it. */
  root(): unknown {
    const line = this.nextContent(0);
    if (line === -1 || this.indentAt(line) !== 0) this.outside();
    const value = this.block(line, 0);
    if (this.at !== -1) this.outside();
    this.start = line;
    return value;
  }

  /** A block map or sequence starting at p, column `col`. */
  private block(p: number, col: number): unknown {
    if (this.isEntry(p)) return this.seq(p, col);
    if (this.keyColon(p) !== -1) return this.map(p, col);
    return this.outside();
  }

  /** A value on the lines after a key or an entry at column `col`: a more indented block (or a sequence at `col` after a key). */
  private below(lineEndOffset: number, col: number, afterKey: boolean): unknown {
    const line = this.nextContent(lineEndOffset + 1);
    if (line === -1) this.outside();
    const indent = this.indentAt(line);
    const p = line + indent;
    let value: unknown;
    if (indent > col) value = this.block(p, indent);
    else if (afterKey && indent === col && this.isEntry(p)) value = this.seq(p, col);
    // An empty value (null): the library's business.
    else this.outside();
    this.start = p;
    return value;
  }

  /** A key's text (block or flow), refused when it is not a plain string key the library would read alike. */
  private key(from: number, to: number, seen: object): string {
    const key = this.s.slice(from, to);
    if (typeof resolvePlain(key) !== 'string' || key === '__proto__' || key === '<<' || Object.hasOwn(seen, key)) this.outside();
    return key;
  }

  private map(p: number, col: number): unknown {
    const s = this.s;
    const out: Record<string, unknown> = {};
    const places: MapPlaces | null = this.places && { start: p, keys: new Map(), values: new Map() };
    if (places) this.places?.set(out, places);
    for (;;) {
      const colon = this.keyColon(p);
      if (colon === -1 || s.charCodeAt(colon - 1) === SPACE || colon - p > 1000) this.outside();
      const key = this.key(p, colon, out);
      const q = this.skipSpaces(colon + 1);
      let value: unknown;
      let start: number;
      if (q >= this.n || s.charCodeAt(q) === NEWLINE || s.charCodeAt(q) === HASH) {
        value = this.below(this.lineEnd(q), col, true);
        start = this.start;
      } else {
        start = q;
        value = this.inline(q, col);
        if (this.at !== -1 && this.indentAt(this.at) > col) this.outside();
      }
      out[key] = value;
      if (places) {
        places.keys.set(key, p);
        places.values.set(key, start);
      }
      const next = this.at;
      if (next === -1) return out;
      const indent = this.indentAt(next);
      if (indent < col) return out;
      if (indent > col) this.outside();
      p = next + indent;
      if (this.isEntry(p)) this.outside();
    }
  }

  private seq(p: number, col: number): unknown {
    const s = this.s;
    const out: unknown[] = [];
    const places: SeqPlaces | null = this.places && { start: p, items: [] };
    if (places) this.places?.set(out, places);
    for (;;) {
      const q = this.skipSpaces(p + 1);
      let value: unknown;
      let start: number;
      if (q >= this.n || s.charCodeAt(q) === NEWLINE || s.charCodeAt(q) === HASH) {
        value = this.below(this.lineEnd(q), col, false);
        start = this.start;
      } else {
        start = q;
        const inner = col + (q - p);
        if (this.isEntry(q)) value = this.seq(q, inner);
        else if (this.keyColon(q) !== -1) value = this.map(q, inner);
        else value = this.inline(q, col);
      }
      out.push(value);
      places?.items.push(start);
      const next = this.at;
      if (next === -1) return out;
      const indent = this.indentAt(next);
      if (indent < col) return out;
      p = next + indent;
      if (indent > col || !this.isEntry(p)) this.outside();
    }
  }

  /** A value that starts on its line at p (flow collection, quoted, plain or block scalar) of a block at `col`; `at`: the next content line. */
  private inline(p: number, col: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === 124 || c === 62) return this.blockScalar(p, col);
    if (c === 123 || c === 91 || c === 34 || c === 39) {
      const value = c === 34 || c === 39 ? this.quoted(p) : this.flow(p);
      this.at = this.endOfLine(this.at);
      return value;
    }
    if (isIndicator(c)) this.outside();
    const e = this.lineEnd(p);
    let end = e;
    for (let q = p; q < e; q += 1) {
      const ch = s.charCodeAt(q);
      if (ch === COLON && (q + 1 >= e || s.charCodeAt(q + 1) === SPACE)) this.outside();
      if (ch === HASH && s.charCodeAt(q - 1) === SPACE) {
        end = q;
        break;
      }
    }
    while (s.charCodeAt(end - 1) === SPACE) end -= 1;
    this.at = this.nextContent(e + 1);
    return resolvePlain(s.slice(p, end));
  }

  /**
   * A literal (`|`, `|-`) or folded (`>`, `>-`) scalar at p, in a block at `col`: only lines of the same
   * indentation, without blank lines between them, ended by a line break (more indented lines, inner
   * blank lines, `+` and indentation indicators are the library's). `at`: the next content line.
   */
  private blockScalar(p: number, col: number): string {
    const s = this.s;
    const folded = s.charCodeAt(p) === 62;
    let q = p + 1;
    const strip = s.charCodeAt(q) === DASH;
    if (strip) q += 1;
    const r = this.skipSpaces(q);
    if (r < this.n && s.charCodeAt(r) !== NEWLINE && (s.charCodeAt(r) !== HASH || r === q)) this.outside();
    let line = this.lineEnd(r) + 1;
    if (line >= this.n) this.outside();
    const indent = this.indentAt(line);
    if (indent <= col) this.outside();
    const lines: string[] = [];
    let blank = false;
    while (line < this.n) {
      const i = this.indentAt(line);
      const e = this.lineEnd(line);
      if (line + i === e) {
        // A blank line: only after the last one (where both chompings drop it), and no deeper than the text.
        if (i >= indent) this.outside();
        blank = true;
        line = e + 1;
        continue;
      }
      if (i < indent) break;
      if (i > indent || blank || e >= this.n || s.charCodeAt(e - 1) === SPACE) this.outside();
      lines.push(s.slice(line + indent, e));
      line = e + 1;
    }
    this.at = line >= this.n ? -1 : this.nextContent(line);
    return lines.join(folded ? ' ' : '\n') + (strip ? '' : '\n');
  }

  /** A quoted scalar on one line; `at`: the offset after its closing quote. */
  private quoted(p: number): string {
    const s = this.s;
    const quote = s.charCodeAt(p);
    let out = '';
    let from = p + 1;
    for (let q = p + 1; q < this.n; q += 1) {
      const c = s.charCodeAt(q);
      if (c === NEWLINE) this.outside();
      if (c === quote) {
        if (quote === 39 && s.charCodeAt(q + 1) === 39) {
          out += s.slice(from, q + 1);
          q += 1;
          from = q + 1;
          continue;
        }
        this.at = q + 1;
        return out + s.slice(from, q);
      }
      if (quote === 34 && c === 92) {
        const escaped = s[q + 1];
        const meaning = escaped === '"' ? '"' : escaped === '\\' ? '\\' : escaped === '/' ? '/' : escaped === 'n' ? '\n' : escaped === 't' ? '\t' : null;
        if (meaning === null) this.outside();
        out += s.slice(from, q) + meaning;
        q += 1;
        from = q + 1;
      }
    }
    return this.outside();
  }

  /** The end of a plain scalar inside a flow collection: at `,` `]` `}` or a key's `: `. */
  private flowPlainEnd(p: number): number {
    const s = this.s;
    if (isIndicator(s.charCodeAt(p))) this.outside();
    for (let q = p; q < this.n; q += 1) {
      const c = s.charCodeAt(q);
      if (c === 44 || c === 93 || c === 125) return q;
      if (c === COLON) {
        // `a:b` is one scalar; a colon before a space (or a flow indicator) ends it.
        const next = s.charCodeAt(q + 1);
        if (next === SPACE || next === NEWLINE || next === 44 || next === 91 || next === 93 || next === 123 || next === 125) return q;
      }
      if (c === NEWLINE || c === HASH || c === 91 || c === 123) this.outside();
    }
    return this.outside();
  }

  /** A flow node at p (after spaces); `start`: where it begins, `at`: the offset after it. */
  private flowNode(p: number): unknown {
    const start = this.skipSpaces(p);
    const s = this.s;
    const c = s.charCodeAt(start);
    let value: unknown;
    if (c === 123 || c === 91) value = this.flow(start);
    else if (c === 34 || c === 39) value = this.quoted(start);
    else {
      const stop = this.flowPlainEnd(start);
      if (s.charCodeAt(stop) === COLON) this.outside();
      let end = stop;
      while (s.charCodeAt(end - 1) === SPACE) end -= 1;
      value = resolvePlain(s.slice(start, end));
      this.at = stop;
    }
    this.start = start;
    return value;
  }

  /** A flow map or sequence on one line at p; `at`: the offset after its closing bracket. */
  private flow(p: number): unknown {
    const s = this.s;
    if (s.charCodeAt(p) === 91) {
      const out: unknown[] = [];
      const places: SeqPlaces | null = this.places && { start: p, items: [] };
      if (places) this.places?.set(out, places);
      let q = this.skipSpaces(p + 1);
      if (s.charCodeAt(q) === 93) {
        this.at = q + 1;
        return out;
      }
      for (;;) {
        out.push(this.flowNode(q));
        places?.items.push(this.start);
        const next = this.afterFlowItem(93);
        if (next === null) return out;
        q = next;
      }
    }
    const out: Record<string, unknown> = {};
    const places: MapPlaces | null = this.places && { start: p, keys: new Map(), values: new Map() };
    if (places) this.places?.set(out, places);
    let q = this.skipSpaces(p + 1);
    if (s.charCodeAt(q) === 125) {
      this.at = q + 1;
      return out;
    }
    for (;;) {
      const keyStart = q;
      const colon = this.flowPlainEnd(q);
      if (s.charCodeAt(colon) !== COLON || s.charCodeAt(colon + 1) !== SPACE || s.charCodeAt(colon - 1) === SPACE) this.outside();
      const key = this.key(keyStart, colon, out);
      out[key] = this.flowNode(colon + 1);
      if (places) {
        places.keys.set(key, keyStart);
        places.values.set(key, this.start);
      }
      const next = this.afterFlowItem(125);
      if (next === null) return out;
      q = next;
    }
  }

  /**
   * After an item of a flow collection (at `at`): null when the collection closes there (`]` or `}`,
   * `close`; `at` then after it), else where the next item starts, after its comma. A trailing comma
   * is left to the library.
   */
  private afterFlowItem(close: number): number | null {
    const s = this.s;
    const q = this.skipSpaces(this.at);
    const c = s.charCodeAt(q);
    if (c === close) {
      this.at = q + 1;
      return null;
    }
    if (c !== 44) this.outside();
    const next = this.skipSpaces(q + 1);
    if (s.charCodeAt(next) === close) this.outside();
    return next;
  }

  /** Where `root` began (after it ran). */
  rootStart(): number {
    return this.start;
  }
}

/** The text read again, recording where each value is (the same reading, so it cannot step outside now). */
function placesOf(text: string): { places: Map<object, MapPlaces | SeqPlaces>; value: unknown; start: number } {
  const reader = new Reader(text, new Map());
  const value = reader.root();
  return { places: reader.places ?? new Map(), value, start: reader.rootStart() };
}

/** Reads `text` when it keeps to the plain part of YAML; null otherwise (read it with the library). */
export function readPlainYaml(text: string): PlainYaml | null {
  if (UNUSUAL.test(text)) return null;
  let value: unknown;
  try {
    value = new Reader(text, null).root();
  } catch (error) {
    if (error === OUTSIDE) return null;
    throw error;
  }
  let found: ReturnType<typeof placesOf> | null = null;
  let position: ((offset: number) => { line: number; column: number }) | null = null;
  return {
    value,
    offset(path, atKey) {
      // The positions belong to a second reading's objects: walk those (equal to `value`).
      found ??= placesOf(text);
      const { places } = found;
      let node = found.value;
      let offset = found.start;
      for (let i = 0; i < path.length; i += 1) {
        const part = path[i];
        const here = typeof node === 'object' && node !== null ? places.get(node) : undefined;
        if (!here) return offset;
        if ('keys' in here) {
          if (typeof part !== 'string') return offset;
          const keyAt = here.keys.get(part);
          if (keyAt === undefined) return offset;
          if (atKey && i === path.length - 1) return keyAt;
          offset = here.values.get(part) ?? offset;
          node = (node as Record<string, unknown>)[part];
        } else {
          if (typeof part !== 'number') return offset;
          const itemAt = here.items[part];
          if (itemAt === undefined) return offset;
          offset = itemAt;
          node = (node as unknown[])[part];
        }
      }
      return offset;
    },
    position(offset) {
      position ??= positionIn(text);
      return position(offset);
    },
  };
}

/** Line and column (1-based) of offsets in `text`, as yaml's LineCounter.linePos gives them. */
export function positionIn(text: string): (offset: number) => { line: number; column: number } {
  let lineStarts: number[] | null = null;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offset < (lineStarts[mid] as number)) high = mid;
      else low = mid + 1;
    }
    if (lineStarts[low - 1] === offset) return { line: low, column: 1 };
    if (low === 0) return { line: 0, column: offset };
    return { line: low, column: offset - (lineStarts[low - 1] as number) + 1 };
  };
}
