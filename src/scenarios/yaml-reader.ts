import { resolvePlain } from './plain-yaml';

/**
 * Our YAML reader for everything the fast plain reader (plain-yaml.ts) leaves aside: one document of
 * YAML 1.2 as trainers write it — block maps and sequences, flow collections over several lines, plain,
 * quoted and block scalars (`|` `>` with chomping and indentation indicators) over several lines,
 * comments, `---` / `...`, anchors and aliases, the tags `!` `!!str` `!!null` `!!bool` `!!int`
 * `!!float` `!!map` `!!seq`, values resolved with the core schema (resolvePlain).
 *
 * It gives the data that the `yaml` library's `parse` gives (merge keys `<<` are ordinary keys, as in
 * the library's default YAML 1.2), the offset of each value as the range of `parseDocument`'s nodes,
 * or the first syntax error: a code (the library's where it has one) and an offset. A few constructs
 * the library accepts are refused with a code of their own (UNSUPPORTED_*): explicit `? ` keys,
 * collections or empty keys, properties on keys, directives, other tags, control characters — nobody
 * writes them in a scenario and their meaning in JavaScript is surprising. Tests compare this reader
 * with the library (tests/unit/scenarios/yaml-reader.test.ts).
 */

/** A syntax error: the code names its French message (`checker:schema.yamlCodes.<code>`). */
export class YamlSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly offset: number,
  ) {
    super(code);
    this.name = 'YamlSyntaxError';
  }
}

/** Codes for what the library reads but we refuse on purpose. */
export const UNSUPPORTED_CODES: readonly string[] = ['UNSUPPORTED_KEY', 'UNSUPPORTED_TAG', 'UNSUPPORTED_DIRECTIVE', 'UNSUPPORTED_CHAR'];

interface ScalarNode {
  kind: 'scalar';
  start: number;
  value: unknown;
}
interface MapNode {
  kind: 'map';
  start: number;
  value: Record<string, unknown>;
  keys: Map<string, { key: Node; value: Node }>;
  /** Every key's value, for duplicates (1 and "1" differ, as in the library). */
  seen: unknown[];
}
interface SeqNode {
  kind: 'seq';
  start: number;
  value: unknown[];
  items: Node[];
}
type Node = ScalarNode | MapNode | SeqNode;

const SP = 32;
const TAB = 9;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const DQUOTE = 34;
const SQUOTE = 39;

const isWhite = (c: number): boolean => c === SP || c === TAB;
const isFlowIndicator = (c: number): boolean => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;

// The core schema's tests, for explicit tags.
const TAG_TESTS: Record<string, RegExp> = {
  null: /^(?:~|[Nn]ull|NULL)?$/,
  bool: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  int: /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/,
  float: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
};

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

interface Props {
  anchor: string | null;
  tag: string | null;
  start: number;
  /** After the properties and the spaces that follow them. */
  end: number;
}

type Context = 'doc' | 'map' | 'seq';

class Parser {
  private readonly n: number;
  /** After a block node: the start of the next content line (-1 at the end). After a flow node: the offset after it. */
  private at = 0;
  private readonly anchors = new Map<string, Node>();

  constructor(private readonly s: string) {
    this.n = s.length;
  }

  private fail(code: string, offset: number): never {
    throw new YamlSyntaxError(code, Math.min(offset, this.n));
  }

  private code(p: number): number {
    return p < this.n ? this.s.charCodeAt(p) : -1;
  }

  private lineEnd(p: number): number {
    const e = this.s.indexOf('\n', p);
    return e === -1 ? this.n : e;
  }

  private lineStart(p: number): number {
    const start = this.s.lastIndexOf('\n', p - 1) + 1;
    return start === 0 && this.bom ? 1 : start;
  }

  /** A byte order mark at the text's start (not part of the first line's indentation). */
  private bom = false;

  /** Where an empty document is (its `...` marker, or the start). */
  emptyAt = 0;

  private spaces(p: number): number {
    let q = p;
    while (this.code(q) === SP) q += 1;
    return q;
  }

  private white(p: number): number {
    let q = p;
    while (isWhite(this.code(q))) q += 1;
    return q;
  }

  private isMarker(line: number, c: number): boolean {
    const s = this.s;
    if (s.charCodeAt(line) !== c || s.charCodeAt(line + 1) !== c || s.charCodeAt(line + 2) !== c) return false;
    const next = this.code(line + 3);
    return next === -1 || next === NL || isWhite(next);
  }

  /** Is this line start a `---` or `...` marker? */
  private isDocMarker(line: number): boolean {
    return this.isMarker(line, DASH) || this.isMarker(line, 46);
  }

  /** From a line's start: the next line with content (neither blank nor only a comment), or -1. */
  private nextContent(from: number): number {
    let line = from;
    while (line < this.n) {
      const q = this.white(line);
      const c = this.code(q);
      if (c === -1) return -1;
      if (c !== NL && c !== HASH) {
        // Indentation is spaces only: a tab before content in the indentation is an error.
        // Tabs may come before a scalar or a flow collection, not before a block collection's indicator or key.
        const sp = this.spaces(line);
        if (sp < q && !this.inFlow && ((sp === line && c !== LBRACKET && c !== LBRACE) || this.isEntry(q) || this.keyColon(q) !== -1 || ((c === 63 || c === COLON) && isWhiteOrEnd(this.code(q + 1))))) this.fail('TAB_AS_INDENT', line);
        return line;
      }
      line = this.lineEnd(q) + 1;
    }
    return -1;
  }

  private inFlow = false;

  /** After a node that ends at p: spaces, an optional comment, the line's end; `at` = next content line. */
  private endLine(p: number): void {
    const q = this.white(p);
    const c = this.code(q);
    if (c !== -1 && c !== NL) {
      if (c === HASH) {
        if (q === p) this.fail('MISSING_CHAR', q);
      } else this.fail('UNEXPECTED_TOKEN', q);
    }
    this.at = this.nextContent(this.lineEnd(q) + 1);
  }

  private isEntry(p: number): boolean {
    if (this.code(p) !== DASH) return false;
    const c = this.code(p + 1);
    return c === -1 || c === NL || isWhite(c);
  }

  document(): Node | null {
    let p = 0;
    if (this.code(0) === 0xfeff) {
      p = 1;
      this.bom = true;
    }
    let line = this.nextContent(p);
    if (line !== -1 && this.code(line) === 37 /* % */) this.fail('UNSUPPORTED_DIRECTIVE', line);
    let node: Node | null = null;
    if (line !== -1 && this.isMarker(line, DASH)) {
      node = this.value(line + 3, -1, 'doc', false);
    } else if (line !== -1 && !this.isMarker(line, 46)) {
      const indent = this.spaces(line) - line;
      node = this.value(line + indent, -1, 'doc', true);
    } else {
      this.at = line;
      this.emptyAt = line === -1 ? 0 : line;
    }
    line = this.at;
    if (line !== -1 && this.isMarker(line, 46)) {
      this.endLine(line + 3);
      line = this.at;
      if (line !== -1 && this.code(line) === 37) this.fail('UNSUPPORTED_DIRECTIVE', line);
      if (line !== -1) this.fail('MULTIPLE_DOCS', line);
    }
    if (line !== -1) {
      if (this.isMarker(line, DASH)) this.fail('MULTIPLE_DOCS', line);
      this.fail(node && node.kind !== 'scalar' ? 'BAD_INDENT' : 'UNEXPECTED_TOKEN', line);
    }
    return node;
  }

  /** Anchor and tag at p (in any order); null when there are none. */
  private props(p: number): Props | null {
    let anchor: string | null = null;
    let tag: string | null = null;
    let q = p;
    for (;;) {
      const c = this.code(q);
      if ((c === 38 /* & */ && anchor === null) || (c === 33 /* ! */ && tag === null)) {
        let e = q + 1;
        for (;;) {
          const d = this.code(e);
          if (d === -1 || d === NL || isWhite(d) || (isFlowIndicator(d) && (c === 38 || this.inFlow))) break;
          e += 1;
        }
        const name = this.s.slice(q + 1, e);
        if (c === 38 && !isWhiteOrEnd(this.code(e)) && !this.inFlow) this.fail('MISSING_CHAR', e);
        if (c === 38) {
          if (name === '') this.fail('BAD_ALIAS', q);
          anchor = name;
        } else tag = name;
        q = this.white(e);
        continue;
      }
      break;
    }
    if (anchor === null && tag === null) return null;
    return { anchor, tag, start: p, end: q };
  }

  private empty(offset: number): ScalarNode {
    return { kind: 'scalar', start: offset, value: null };
  }

  /**
   * A block node's value after an indicator (`key:`, `- `, `---`) at p, in a parent at indent `n`;
   * `ownLine`: the node starts its line (the root), so an implicit key may begin a map here.
   */
  private value(p: number, n: number, ctx: Context, ownLine: boolean, outer: Props | null = null): Node {
    let q = this.white(p);
    const props = this.props(q);
    if (props) {
      if (outer && ((outer.tag !== null && props.tag !== null) || (outer.anchor !== null && props.anchor !== null))) this.fail(props.tag !== null && outer.tag !== null ? 'MULTIPLE_TAGS' : 'MULTIPLE_ANCHORS', props.start);
      q = props.end;
    }
    const c = this.code(q);
    let node: Node;
    if (c === -1 || c === NL || c === HASH) {
      if (c === HASH && q === p && p > 0 && !ownLine) this.fail('MISSING_CHAR', q);
      const line = this.nextContent(this.lineEnd(q) + 1);
      // Blank lines indented with tabs before the value.
      const blanks = this.s.slice(this.lineEnd(q) + 1, line === -1 ? this.n : line);
      const tab = /(?:^|\n) *\t/.exec(blanks);
      if (tab && !props) this.fail('TAB_AS_INDENT', this.lineEnd(q) + 1 + tab.index + (tab[0].startsWith('\n') ? 1 : 0));
      const indent = line === -1 ? -1 : this.spaces(line) - line;
      if (line !== -1 && !(indent === 0 && this.isDocMarker(line)) && (indent > n || (ctx === 'map' && indent === n && this.isEntry(line + indent)))) {
        node = this.value(line + indent, n, ctx === 'map' && indent === n ? 'map' : ctx, true, props);
      } else {
        node = this.empty(q);
        this.at = line;
      }
    } else if (c === 124 || c === 62) {
      node = this.blockScalar(q, n);
    } else if (this.isEntry(q)) {
      if (props) this.fail('MISSING_CHAR', q);
      if (!ownLine && this.s.slice(p, q).includes('\t')) this.fail('TAB_AS_INDENT', p);
      if (ctx === 'map' && !ownLine) this.fail('UNEXPECTED_TOKEN', q);
      if (ctx === 'doc' && !ownLine) this.fail('MISSING_CHAR', q);
      node = this.seq(q, q - this.lineStart(q));
    } else if ((c === 63 /* ? */ || c === COLON) && isWhiteOrEnd(this.code(q + 1))) {
      this.fail('UNSUPPORTED_KEY', q);
    } else if (this.keyColon(q) !== -1) {
      if (props) this.fail('UNSUPPORTED_KEY', props.start);
      if (ctx === 'map' && !ownLine) this.fail('BLOCK_AS_IMPLICIT_KEY', q);
      if (ctx === 'doc' && !ownLine) this.fail('MISSING_CHAR', q);
      if (!ownLine && this.s.slice(p, q).includes('\t')) this.fail('TAB_AS_INDENT', p);
      node = this.map(q, q - this.lineStart(q));
    } else {
      node = this.inline(q, n, ctx);
    }
    if (props) this.applyProps(props, node);
    return node;
  }

  private applyProps(props: Props, node: Node): void {
    if (props.tag !== null) this.applyTag(props.tag, node, props.start);
    if (props.anchor !== null) this.anchors.set(props.anchor, node);
  }

  private applyTag(tag: string, node: Node, at: number): void {
    if (tag === '' || tag === '!str') {
      if (node.kind !== 'scalar') {
        if (tag === '') return;
        this.fail('UNSUPPORTED_TAG', at);
      }
      const raw = (node as ScalarNode & { source?: string }).source;
      node.value = raw ?? (node.value === null ? '' : String(node.value));
      return;
    }
    if (tag === '!map' || tag === '!seq') {
      if (node.kind !== tag.slice(1)) this.fail('UNSUPPORTED_TAG', at);
      return;
    }
    const test = TAG_TESTS[tag.slice(1)];
    if (tag[0] !== '!' || !test || node.kind !== 'scalar') this.fail('UNSUPPORTED_TAG', at);
    const source = (node as ScalarNode & { source?: string }).source ?? (typeof node.value === 'string' ? node.value : null);
    if (source === null || !test.test(source)) this.fail('UNSUPPORTED_TAG', at);
    node.value = resolvePlain(source);
  }

  /**
   * The colon of an implicit key that starts at p on this line (plain or quoted key on one line,
   * `: ` or `:` at the line's end after it), or -1.
   */
  private keyColon(p: number): number {
    const s = this.s;
    const c = this.code(p);
    if (c === DQUOTE || c === SQUOTE) {
      const e = this.lineEnd(p);
      let q = p + 1;
      for (; q < e; q += 1) {
        const d = s.charCodeAt(q);
        if (c === DQUOTE && d === 92) q += 1;
        else if (d === c) {
          if (c === SQUOTE && s.charCodeAt(q + 1) === SQUOTE) q += 1;
          else break;
        }
      }
      if (q >= e) return -1;
      const r = this.white(q + 1);
      return this.code(r) === COLON && isWhiteOrEnd(this.code(r + 1)) ? r : -1;
    }
    if (c === 42 /* * */) {
      let q = p + 1;
      while (q < this.n && !isWhiteOrEnd(this.code(q)) && !isFlowIndicator(this.code(q))) q += 1;
      const r = this.white(q);
      return this.code(r) === COLON && isWhiteOrEnd(this.code(r + 1)) ? r : -1;
    }
    if (c === LBRACE || c === LBRACKET) return -1;
    if (!this.canStartPlain(p, false)) return -1;
    for (let q = p; q < this.n; q += 1) {
      const d = s.charCodeAt(q);
      if (d === NL) return -1;
      if (d === COLON && isWhiteOrEnd(this.code(q + 1))) return q;
      if (d === HASH && isWhite(s.charCodeAt(q - 1))) return -1;
    }
    return -1;
  }

  /** Can a plain scalar start at p? */
  private canStartPlain(p: number, flow: boolean): boolean {
    const c = this.code(p);
    if (c === -1 || c === NL || isWhite(c)) return false;
    if (c === DASH || c === 63 || c === COLON) {
      const d = this.code(p + 1);
      return !(d === -1 || d === NL || isWhite(d) || (flow && isFlowIndicator(d)));
    }
    switch (c) {
      case COMMA:
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case HASH:
      case 38:
      case 42:
      case 33:
      case 124:
      case 62:
      case SQUOTE:
      case DQUOTE:
      case 37:
      case 64:
      case 96:
        return false;
      default:
        return true;
    }
  }

  /** A block map whose first key starts at p, column m. */
  private map(p: number, m: number): MapNode {
    const node: MapNode = { kind: 'map', start: p, value: {}, keys: new Map(), seen: [] };
    let q = p;
    for (;;) {
      if (this.isEntry(q)) this.fail('UNEXPECTED_TOKEN', q);
      const c = this.code(q);
      if (c === 63 && isWhiteOrEnd(this.code(q + 1))) this.fail('UNSUPPORTED_KEY', q);
      if (c === COLON && isWhiteOrEnd(this.code(q + 1))) this.fail('UNSUPPORTED_KEY', q);
      if (c === 38 || c === 33) this.fail('UNSUPPORTED_KEY', q);
      const colon = this.keyColon(q);
      if (colon === -1) {
        // A quoted key over several lines, or a scalar without `:`.
        if ((c === DQUOTE || c === SQUOTE) && this.quotedKeyOverLines(q)) this.fail('MULTILINE_IMPLICIT_KEY', q);
        if (c === LBRACE || c === LBRACKET) this.flowKey(q);
        // `key` then `: value` on the next line: the library reads it, we refuse it.
        const next = this.nextContent(this.lineEnd(q) + 1);
        const first = next === -1 ? -1 : this.spaces(next);
        if (first !== -1 && this.code(first) === COLON && isWhiteOrEnd(this.code(first + 1))) this.fail('UNSUPPORTED_KEY', first);
        if (!this.canStartPlain(q, false) && c !== DQUOTE && c !== SQUOTE && c !== 42) this.fail(c === 96 || c === 64 || c === 37 ? 'BAD_SCALAR_START' : 'UNEXPECTED_TOKEN', q);
        this.fail(q === p ? 'UNEXPECTED_TOKEN' : 'MISSING_CHAR', q);
      }
      const key = this.keyNode(q, colon);
      const value = this.value(colon + 1, m, 'map', false);
      this.addPair(node, key, value);
      const next = this.at;
      if (next === -1) return node;
      const indent = this.spaces(next) - next;
      if (indent < m || (indent === 0 && this.isDocMarker(next))) return node;
      if (indent > m) {
        const w = next + indent;
        this.fail(this.code(w) === COLON && isWhiteOrEnd(this.code(w + 1)) ? 'UNSUPPORTED_KEY' : 'BAD_INDENT', next);
      }
      q = next + indent;
    }
  }

  /** Is the quoted scalar at p a key over several lines (`"a\nb": 1`)? */
  private quotedKeyOverLines(p: number): boolean {
    const saved = this.at;
    try {
      this.quoted(p, -1);
      const r = this.white(this.at);
      return this.code(r) === COLON;
    } catch (error) {
      if (error instanceof YamlSyntaxError) return false;
      throw error;
    } finally {
      this.at = saved;
    }
  }

  /** A flow collection used as a key (`[a]: b`): refused. */
  private flowKey(p: number): void {
    const saved = this.at;
    let isKey = false;
    try {
      this.flow(p, -1);
      const r = this.white(this.at);
      isKey = this.code(r) === COLON;
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
    } finally {
      this.at = saved;
    }
    if (isKey) this.fail('UNSUPPORTED_KEY', p);
  }

  private keyNode(p: number, colon: number): ScalarNode {
    const c = this.code(p);
    if (c === DQUOTE || c === SQUOTE) {
      return this.quoted(p, -1);
    }
    if (c === 42) return this.alias(p, colon) as ScalarNode;
    let end = colon;
    while (isWhite(this.code(end - 1))) end -= 1;
    const text = this.s.slice(p, end);
    return { kind: 'scalar', start: p, value: resolvePlain(text) };
  }

  private addPair(node: MapNode, key: Node, value: Node): void {
    if (key.kind !== 'scalar' || (typeof key.value === 'object' && key.value !== null)) this.fail('UNSUPPORTED_KEY', key.start);
    if (node.seen.includes(key.value)) this.fail('DUPLICATE_KEY', key.start);
    node.seen.push(key.value);
    const k = key.value;
    const name = k === null ? '' : String(k);
    if (name === '__proto__') Object.defineProperty(node.value, name, { value: value.value, writable: true, enumerable: true, configurable: true });
    else node.value[name] = value.value;
    // A later key of the same JavaScript name (1 and "1") replaces the former, as in the library.
    node.keys.set(name, { key, value });
  }

  /** A block sequence whose first `-` is at p, column m. */
  private seq(p: number, m: number): SeqNode {
    const node: SeqNode = { kind: 'seq', start: p, value: [], items: [] };
    let q = p;
    for (;;) {
      const item = this.value(q + 1, m, 'seq', false);
      node.items.push(item);
      node.value.push(item.value);
      const next = this.at;
      if (next === -1) return node;
      const indent = this.spaces(next) - next;
      if (indent < m || (indent === 0 && this.isDocMarker(next))) return node;
      if (indent > m) this.fail('BAD_INDENT', next);
      q = next + indent;
      if (!this.isEntry(q)) return node;
    }
  }

  /** A scalar or flow collection starting at p on its line, in a block at indent n. */
  private inline(p: number, n: number, ctx: Context): Node {
    const c = this.code(p);
    let node: Node;
    if (c === 42) {
      node = this.alias(p, -1);
      this.endLine(this.at);
      return node;
    }
    if (c === LBRACE || c === LBRACKET) {
      node = this.flow(p, n);
    } else if (c === DQUOTE || c === SQUOTE) {
      node = this.quoted(p, n);
    } else {
      if (!this.canStartPlain(p, false)) this.fail(c === 96 || c === 64 || c === 37 ? 'BAD_SCALAR_START' : 'UNEXPECTED_TOKEN', p);
      return this.plain(p, n, ctx);
    }
    const r = this.white(this.at);
    if (this.code(r) === COLON) {
      const multi = this.s.lastIndexOf('\n', r) > p;
      if (multi) this.fail('MULTILINE_IMPLICIT_KEY', p);
      if (c === LBRACE || c === LBRACKET) this.fail('UNSUPPORTED_KEY', p);
      this.fail(ctx === 'map' ? 'BLOCK_AS_IMPLICIT_KEY' : 'UNEXPECTED_TOKEN', p);
    }
    this.endLine(this.at);
    return node;
  }

  private alias(p: number, stop: number): Node {
    let q = p + 1;
    while (q < this.n && !isWhiteOrEnd(this.code(q)) && !isFlowIndicator(this.code(q))) q += 1;
    if (stop !== -1 && q > stop) q = stop;
    const name = this.s.slice(p + 1, q);
    const target = this.anchors.get(name);
    if (!target) this.fail('BAD_ALIAS', p);
    this.at = q;
    return { kind: 'scalar', start: p, value: target.value };
  }

  /**
   * The first line from `line` on that is not blank: its start, its first non-white offset `w` and that
   * character's code `d` (-1 at the end of the text), and how many blank lines came before it.
   */
  private nextNonBlank(line: number): { line: number; w: number; d: number; blanks: number } {
    let blanks = 0;
    while (line < this.n) {
      const w = this.white(line);
      const d = this.code(w);
      if (d !== NL) return { line, w, d, blanks };
      blanks += 1;
      line = w + 1;
    }
    return { line, w: line, d: -1, blanks };
  }

  /** A plain scalar in a block, possibly over several lines (more indented than n). */
  private plain(p: number, n: number, ctx: Context): ScalarNode {
    const s = this.s;
    let text = '';
    let q = p;
    let lines = 0;
    for (;;) {
      // One line of the scalar, from q.
      const e = this.lineEnd(q);
      let end = e;
      let comment = false;
      for (let r = q; r < e; r += 1) {
        const d = s.charCodeAt(r);
        if (d === COLON && isWhiteOrEnd(this.code(r + 1))) {
          if (lines > 0) this.fail('MULTILINE_IMPLICIT_KEY', p);
          this.fail(ctx === 'map' ? 'BLOCK_AS_IMPLICIT_KEY' : 'UNEXPECTED_TOKEN', r);
        }
        if (d === HASH && isWhite(s.charCodeAt(r - 1))) {
          end = r;
          comment = true;
          break;
        }
      }
      while (isWhite(this.code(end - 1)) && end > q) end -= 1;
      text += s.slice(q, end);
      if (comment || e >= this.n) {
        this.at = this.nextContent(e + 1);
        break;
      }
      // The next non-blank line continues the scalar when it is more indented than n.
      const { line, w, d, blanks } = this.nextNonBlank(e + 1);
      let found = -1;
      const indent = this.spaces(line) - line;
      if (d !== -1 && !(indent <= n || d === HASH || (indent === 0 && this.isDocMarker(line)))) {
        if (d === COLON && isWhiteOrEnd(this.code(w + 1))) this.fail('UNSUPPORTED_KEY', w);
        found = w;
      }
      if (found === -1) {
        this.at = this.nextContent(e + 1);
        break;
      }
      text += blanks > 0 ? '\n'.repeat(blanks) : ' ';
      q = found;
      lines += 1;
    }
    const node: ScalarNode & { source: string } = { kind: 'scalar', start: p, value: resolvePlain(text), source: text };
    return node;
  }

  /**
   * A quoted scalar at p, over several lines if need be (continuation lines more indented than n in a
   * block); `at`: the offset after its closing quote.
   */
  private quoted(p: number, n: number): ScalarNode {
    const s = this.s;
    const quote = s.charCodeAt(p);
    let out = '';
    let q = p + 1;
    let from = q;
    for (;;) {
      if (q >= this.n) this.fail('MISSING_CHAR', p);
      const c = s.charCodeAt(q);
      if (c === quote) {
        if (quote === SQUOTE && s.charCodeAt(q + 1) === SQUOTE) {
          out += s.slice(from, q + 1);
          q += 2;
          from = q;
          continue;
        }
        out += s.slice(from, q);
        this.at = q + 1;
        return { kind: 'scalar', start: p, value: out, source: out } as ScalarNode;
      }
      if (quote === DQUOTE && c === 92) {
        out += s.slice(from, q);
        const e = s[q + 1] ?? '';
        if (e === '\n') {
          // An escaped line break: the break and the next line's leading spaces vanish.
          q = this.white(q + 2);
          this.checkQuotedLine(q, p, n);
          from = q;
          continue;
        }
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          q += 2;
        } else {
          const length = HEX_LENGTH[e];
          const hex = length ? s.slice(q + 2, q + 2 + length) : '';
          if (!length || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) this.fail('BAD_DQ_ESCAPE', q);
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) this.fail('BAD_DQ_ESCAPE', q);
          out += String.fromCodePoint(code);
          q += 2 + length;
        }
        from = q;
        continue;
      }
      if (c === NL) {
        // Folding: trailing spaces go, a single break becomes a space, each blank line a break.
        let end = q;
        while (end > from && isWhite(s.charCodeAt(end - 1))) end -= 1;
        out += s.slice(from, end);
        let blanks = 0;
        let line = q + 1;
        for (;;) {
          const w = this.white(line);
          if (this.code(w) === NL) {
            blanks += 1;
            line = w + 1;
            continue;
          }
          break;
        }
        const w = this.white(line);
        if (w >= this.n) this.fail('MISSING_CHAR', p);
        if (this.isDocMarker(line)) this.fail('MISSING_CHAR', p);
        this.checkQuotedLine(w, p, n);
        out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
        q = w;
        from = q;
        continue;
      }
      q += 1;
    }
  }

  /** A continuation line of a quoted scalar in a block must be more indented than the block. */
  private checkQuotedLine(q: number, p: number, n: number): void {
    if (n < 0) return;
    const line = this.lineStart(q);
    if (this.spaces(line) - line <= n && q < this.n && this.code(q) !== NL) this.fail('MISSING_CHAR', p);
  }

  /** A literal or folded block scalar whose header is at p, in a parent at indent n. */
  private blockScalar(p: number, n: number): ScalarNode {
    const s = this.s;
    const folded = s.charCodeAt(p) === 62;
    let chomp = '';
    let explicit = 0;
    let q = p + 1;
    for (let i = 0; i < 2; i += 1) {
      const c = this.code(q);
      if ((c === DASH || c === 43) && !chomp) {
        chomp = c === DASH ? '-' : '+';
        q += 1;
      } else if (c >= 49 && c <= 57 && !explicit) {
        explicit = c - 48;
        q += 1;
      }
    }
    const r = this.white(q);
    const c = this.code(r);
    if (!(c === -1 || c === NL || (c === HASH && r > q))) this.fail('UNEXPECTED_TOKEN', p);
    let line = this.lineEnd(r) + 1;
    const base = Math.max(n, 0);
    let indent = explicit ? (n < 0 ? explicit : n + explicit) : -1;
    void base;
    if (indent === -1) {
      // The first non-blank line gives the indentation; blank lines before it may not be longer.
      let longest = 0;
      let scan = line;
      let found = -1;
      while (scan < this.n) {
        const sp = this.spaces(scan) - scan;
        const d = this.code(scan + sp);
        if (d === NL) {
          longest = Math.max(longest, sp);
          scan = scan + sp + 1;
          continue;
        }
        if (d !== -1) found = sp;
        else longest = Math.max(longest, sp);
        break;
      }
      indent = found > n ? found : Math.max(n + 1, longest);
      if (found > n && longest > found) this.fail('MISSING_CHAR', this.lineStart(scan) + found);
    }
    const texts: string[] = [];
    let lastContent = -1;
    let breaks = 0;
    let end = line;
    while (line < this.n) {
      const sp = this.spaces(line) - line;
      const e = this.lineEnd(line);
      if (line + sp === e) {
        // Spaces at the text's end, without a line break: nothing.
        if (e >= this.n && (lastContent === -1 || sp <= indent)) break;
        // A blank line (its spaces beyond the indentation are text).
        // Its spaces beyond the indentation are text; at the end, with an indentation indicator, the
        // library chomps it like any blank line.
        texts.push(sp > indent ? s.slice(line + indent, e) : '');
        if (sp > indent && !explicit) lastContent = texts.length - 1;
        if (e < this.n) breaks = texts.length;
        line = e + 1;
        end = line;
        continue;
      }
      if (sp < indent && this.code(line + sp) === TAB && this.white(line + sp) === e) this.fail('BAD_INDENT', line);
      if (sp < indent || (sp === 0 && this.isDocMarker(line))) break;
      texts.push(s.slice(line + indent, e));
      lastContent = texts.length - 1;
      line = e + 1;
      end = line;
    }
    void breaks;
    // Line breaks after the last text line (each kept line ended by one, the last maybe by the text's end).
    const body = texts.slice(0, lastContent + 1);
    const trailing = texts.length - body.length;
    let value: string;
    if (folded) {
      value = '';
      let prev: 'normal' | 'more' | null = null;
      let pending = 0;
      for (const text of body) {
        if (text === '') {
          pending += 1;
          continue;
        }
        const type = isWhite(text.charCodeAt(0)) ? 'more' : 'normal';
        if (prev === null) value += '\n'.repeat(pending);
        else if (prev === 'normal' && type === 'normal') value += pending > 0 ? '\n'.repeat(pending) : ' ';
        else value += '\n'.repeat(pending + 1);
        value += text;
        prev = type;
        pending = 0;
      }
    } else {
      value = body.join('\n');
    }
    // The break that ends the last text line, then the trailing blank lines' breaks.
    const contentBreak = body.length > 0 ? 1 : 0;
    if (chomp === '+') value += '\n'.repeat(contentBreak + trailing);
    else if (chomp === '' && body.length > 0) value += '\n'.repeat(contentBreak);
    this.at = end >= this.n ? -1 : this.nextContent(end);
    return { kind: 'scalar', start: p, value };
  }

  // ---- Flow collections ----

  /** Spaces, line breaks and comments inside a flow collection opened in a block at indent n. */
  private flowSpace(p: number, n: number): number {
    let q = p;
    for (;;) {
      const w = this.white(q);
      const c = this.code(w);
      if (c === HASH) {
        if (w === q && q > 0 && !isWhite(this.code(q - 1)) && this.code(q - 1) !== NL) this.fail('MISSING_CHAR', w);
        q = this.lineEnd(w);
        continue;
      }
      if (c === NL) {
        const line = w + 1;
        const sp = this.spaces(line) - line;
        const d = this.code(this.white(line));
        if (d !== NL && d !== -1 && d !== HASH) {
          if (sp === 0 && this.isDocMarker(line)) this.fail('BAD_INDENT', line);
          // A closing bracket may be as indented as the block; anything else must be more indented.
          if (sp < n || (sp === n && !(d === RBRACKET || d === RBRACE))) this.fail('BAD_INDENT', line);
        }
        q = line;
        continue;
      }
      return w;
    }
  }

  private flow(p: number, n: number): Node {
    const wasInFlow = this.inFlow;
    this.inFlow = true;
    try {
      return this.s.charCodeAt(p) === LBRACKET ? this.flowSeq(p, n) : this.flowMap(p, n);
    } finally {
      this.inFlow = wasInFlow;
    }
  }

  /**
   * At q, where a flow collection's next item or its end (`close`) is due: true when it ends there (`at`
   * then after it); fails when no item can start there.
   */
  private closesFlow(q: number, close: number): boolean {
    const c = this.code(q);
    if (c === close) {
      this.at = q + 1;
      return true;
    }
    if (c === -1) this.fail('BAD_INDENT', q);
    if (c === COMMA) this.fail('UNEXPECTED_TOKEN', q);
    if ((c === 63 || c === COLON) && (isWhiteOrEnd(this.code(q + 1)) || isFlowIndicator(this.code(q + 1)))) this.fail('UNSUPPORTED_KEY', q);
    return false;
  }

  private flowSeq(p: number, n: number): SeqNode {
    const node: SeqNode = { kind: 'seq', start: p, value: [], items: [] };
    let q = this.flowSpace(p + 1, n);
    for (;;) {
      if (this.closesFlow(q, RBRACKET)) return node;
      let item = this.flowNode(q, n);
      let r = this.flowSpace(this.at, n);
      if (this.code(r) === COLON && (isWhiteOrEnd(this.code(r + 1)) || isFlowIndicator(this.code(r + 1)) || item.kind !== 'scalar' || (item as { source?: string }).source !== undefined)) {
        // `[a: 1]`: a map of one pair, its key on the colon's line.
        if (item.kind !== 'scalar') this.fail('UNSUPPORTED_KEY', item.start);
        if (this.s.lastIndexOf('\n', r) >= item.start) this.fail('MULTILINE_IMPLICIT_KEY', item.start);
        const pair: MapNode = { kind: 'map', start: item.start, value: {}, keys: new Map(), seen: [] };
        const emptyAt = this.white(r + 1);
        r = this.flowSpace(r + 1, n);
        const d = this.code(r);
        const value = d === COMMA || d === RBRACKET ? this.empty(emptyAt) : this.flowNode(r, n);
        if (d !== COMMA && d !== RBRACKET) r = this.flowSpace(this.at, n);
        this.addPair(pair, item, value);
        item = pair;
      }
      node.items.push(item);
      node.value.push(item.value);
      const d = this.code(r);
      if (d === COMMA) q = this.flowSpace(r + 1, n);
      else if (d === RBRACKET) q = r;
      else this.fail(d === -1 ? 'BAD_INDENT' : 'UNEXPECTED_TOKEN', r);
    }
  }

  private flowMap(p: number, n: number): MapNode {
    const node: MapNode = { kind: 'map', start: p, value: {}, keys: new Map(), seen: [] };
    let q = this.flowSpace(p + 1, n);
    for (;;) {
      if (this.closesFlow(q, RBRACE)) return node;
      const key = this.flowNode(q, n);
      if (key.kind !== 'scalar') this.fail('UNSUPPORTED_KEY', key.start);
      let r = this.flowSpace(this.at, n);
      let value: Node;
      if (this.code(r) === COLON) {
        const emptyAt = this.white(r + 1);
        r = this.flowSpace(r + 1, n);
        const d = this.code(r);
        if (d === COMMA || d === RBRACE) value = this.empty(emptyAt);
        else {
          value = this.flowNode(r, n);
          r = this.flowSpace(this.at, n);
        }
      } else {
        value = this.empty(key.start);
      }
      this.addPair(node, key, value);
      const d = this.code(r);
      if (d === COMMA) q = this.flowSpace(r + 1, n);
      else if (d === RBRACE) q = r;
      else this.fail(d === -1 ? 'BAD_INDENT' : 'UNEXPECTED_TOKEN', r);
    }
  }

  /** A node inside a flow collection at p; `at`: the offset after it. */
  private flowNode(p: number, n: number): Node {
    const props = this.props(p);
    let q = p;
    if (props) {
      q = this.flowSpace(props.end, n);
      const c = this.code(q);
      if (c === COMMA || c === RBRACKET || c === RBRACE || c === COLON) {
        const node = this.empty(q);
        this.at = q;
        this.applyProps(props, node);
        return node;
      }
    }
    const c = this.code(q);
    let node: Node;
    if (c === LBRACKET || c === LBRACE) node = this.flow(q, n);
    else if (c === DQUOTE || c === SQUOTE) node = this.quoted(q, n);
    else if (c === 42) node = this.alias(q, -1);
    else node = this.flowPlain(q, n);
    if (props) this.applyProps(props, node);
    return node;
  }

  /** A plain scalar in a flow collection, possibly over several lines. */
  private flowPlain(p: number, n: number): ScalarNode {
    const s = this.s;
    if (!this.canStartPlain(p, true)) {
      const c = this.code(p);
      this.fail(c === 96 || c === 64 || c === 37 ? 'BAD_SCALAR_START' : 'UNEXPECTED_TOKEN', p);
    }
    let text = '';
    let q = p;
    for (;;) {
      let r = q;
      let stop = -1;
      for (; r < this.n; r += 1) {
        const d = s.charCodeAt(r);
        if (d === NL) break;
        if (isFlowIndicator(d)) {
          stop = r;
          break;
        }
        if (d === COLON) {
          const e = this.code(r + 1);
          if (isWhiteOrEnd(e) || isFlowIndicator(e)) {
            stop = r;
            break;
          }
        }
        if (d === HASH && isWhite(s.charCodeAt(r - 1))) {
          stop = r;
          break;
        }
      }
      let end = r;
      while (end > q && isWhite(s.charCodeAt(end - 1))) end -= 1;
      text += s.slice(q, end);
      if (stop !== -1 || r >= this.n) {
        this.at = end;
        break;
      }
      // At a line's end: the scalar goes on when the next non-blank line does not start with an indicator that ends it.
      const { line, w, d, blanks } = this.nextNonBlank(r + 1);
      let found = -1;
      if (!(d === -1 || d === HASH || isFlowIndicator(d) || (d === COLON && (isWhiteOrEnd(this.code(w + 1)) || isFlowIndicator(this.code(w + 1)))))) {
        const sp = this.spaces(line) - line;
        if ((sp === 0 && this.isDocMarker(line)) || sp <= n) this.fail('BAD_INDENT', line);
        found = w;
      }
      if (found === -1) {
        this.at = end;
        break;
      }
      text += blanks > 0 ? '\n'.repeat(blanks) : ' ';
      q = found;
    }
    return { kind: 'scalar', start: p, value: resolvePlain(text), source: text } as ScalarNode;
  }
}

function isWhiteOrEnd(c: number): boolean {
  return c === -1 || c === NL || c === SP || c === TAB;
}

/** What readYaml gives for a text without a syntax error. */
export interface ReadYaml {
  value: unknown;
  /** Offset of the value at `path` (or of its key), of the deepest existing ancestor otherwise. */
  offset(path: readonly PropertyKey[], atKey: boolean): number;
}

// Control characters other than tab and line feed (a carriage return only before a line feed).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)/;

/**
 * Reads one YAML document; throws a YamlSyntaxError (code, offset in `text`) at the first error.
 * Carriage returns before line feeds are read as part of the line break.
 */
export function readYaml(text: string): ReadYaml {
  const control = CONTROL.exec(text);
  if (control) throw new YamlSyntaxError('UNSUPPORTED_CHAR', control.index);
  // A byte order mark only at the start.
  const bom = text.indexOf('\ufeff', 1);
  if (bom !== -1) throw new YamlSyntaxError('UNSUPPORTED_CHAR', bom);
  // Offsets are those of the text without carriage returns: map them back.
  const crs: number[] = [];
  let source = text;
  if (text.includes('\r')) {
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) crs.push(i);
    source = text.replace(/\r\n/g, '\n');
  }
  const back = (offset: number): number => {
    let count = 0;
    while (count < crs.length && (crs[count] as number) - count < offset) count += 1;
    return offset + count;
  };
  let root: Node | null;
  let emptyAt = 0;
  try {
    const parser = new Parser(source);
    root = parser.document();
    emptyAt = parser.emptyAt;
  } catch (error) {
    if (error instanceof YamlSyntaxError && crs.length > 0) throw new YamlSyntaxError(error.code, back(error.offset));
    throw error;
  }
  return {
    value: root ? root.value : null,
    offset(path, atKey) {
      let node: Node | null = root;
      let offset = root ? root.start : emptyAt;
      if (!root) return emptyAt === 0 ? 0 : back(emptyAt);
      for (let i = 0; i < path.length && node; i += 1) {
        const part = path[i];
        if (node.kind === 'map') {
          const pair = node.keys.get(String(part));
          if (!pair) break;
          if (atKey && i === path.length - 1) return back(pair.key.start);
          node = pair.value;
          offset = node.start;
        } else if (node.kind === 'seq' && typeof part === 'number') {
          const item: Node | undefined = node.items[part];
          if (!item) break;
          node = item;
          offset = node.start;
        } else break;
      }
      return back(offset);
    },
  };
}
