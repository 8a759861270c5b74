import ts from 'typescript';
import type { HotspotMap } from './check';

/**
 * The `data-hotspot` names each screen of the recreated site renders, read from the screens' own
 * sources so that no second list is kept by hand. Node only (it uses the TypeScript parser): the
 * command-line checker runs it on the current sources; the app reads `hotspots.generated.ts`, written
 * from it by `npm run scenarios:schema` (a unit test fails when that file is stale).
 *
 * How a screen's names are found: from the `render()` of the screen's element (tag → ScreenId as in
 * src/site/render.ts), every template's `data-hotspot` attribute is read, following the calls it makes
 * (methods of the class and of its base classes, local and imported helper functions) and binding their
 * parameters to the arguments of each call, so that `backButton(…)` gives "back" (its default),
 * `this.helpLink('nir', …)` gives "help-nir" and `textField({ hotspot: 'code', … })` gives "code". A
 * part only known at run time (a profile's id, a suggestion's index) becomes "*": "manage-*".
 */

/** The files the extractor reads, relative to the project's root. */
export const HOTSPOT_SOURCES = {
  render: 'src/site/render.ts',
  screens: 'src/site/screens',
  frame: 'src/app/site-frame.ts',
} as const;

export interface ExtractedHotspots extends HotspotMap {
  /** Names that could not be worked out (a value known only at run time, not even in part). */
  warnings: string[];
}

const WILDCARD = '*';
/** A value that may be absent (a missing argument or object property), for `??` and defaults. */
const ABSENT = Symbol('absent');
type Value = string | typeof ABSENT;
/** Beyond this many combinations a value is given up as unknown (never reached by the screens). */
const MAX_VALUES = 64;

interface ClassInfo {
  name: string;
  file: SourceInfo;
  base: string | null;
  tag: string | null;
  methods: Map<string, ts.MethodDeclaration>;
}

interface SourceInfo {
  path: string;
  source: ts.SourceFile;
  functions: Map<string, ts.FunctionLikeDeclaration>;
  constants: Map<string, ts.Expression>;
}

/** A parameter bound to the expression of a call, evaluated where the call is. */
type Binding = { kind: 'arg'; expr: ts.Expression | undefined; frame: Frame | null; param: ts.ParameterDeclaration } | { kind: 'unknown' };

interface Frame {
  fn: ts.FunctionLikeDeclaration;
  file: SourceInfo;
  cls: ClassInfo | null;
  bindings: Map<string, Binding>;
  /** Named arrow functions declared in this body: visited only where they are called. */
  locals: Map<string, ts.FunctionLikeDeclaration>;
  parent: Frame | null;
  depth: number;
}

function parse(path: string, text: string): SourceInfo {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const functions = new Map<string, ts.FunctionLikeDeclaration>();
  const constants = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) functions.set(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
        const init = skipWrappers(decl.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) functions.set(decl.name.text, init);
        else constants.set(decl.name.text, decl.initializer);
      }
    }
  }
  return { path, source, functions, constants };
}

function skipWrappers(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

function classesOf(file: SourceInfo): ClassInfo[] {
  const out: ClassInfo[] = [];
  for (const statement of file.source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    let tag: string | null = null;
    for (const decorator of ts.getDecorators(statement) ?? []) {
      const call = decorator.expression;
      if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'customElement') {
        const arg = call.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) tag = arg.text;
      }
    }
    const methods = new Map<string, ts.MethodDeclaration>();
    for (const member of statement.members) {
      if (ts.isMethodDeclaration(member) && member.body && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
        methods.set(member.name.text, member);
      }
    }
    out.push({ name: statement.name.text, file, base: heritage && ts.isIdentifier(heritage) ? heritage.text : null, tag, methods });
  }
  return out;
}

const lineOf = (node: ts.Node) => {
  const source = node.getSourceFile();
  return `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
};

class Extractor {
  private readonly files: SourceInfo[];
  private readonly classes = new Map<string, ClassInfo>();
  readonly warnings = new Set<string>();

  constructor(files: Record<string, string>) {
    this.files = Object.entries(files).map(([path, text]) => parse(path, text));
    for (const file of this.files) for (const cls of classesOf(file)) this.classes.set(cls.name, cls);
  }

  classByTag(tag: string): ClassInfo | undefined {
    return [...this.classes.values()].find((c) => c.tag === tag);
  }

  /** Every name the element's render() shows, in any of its states. */
  hotspotsOf(cls: ClassInfo): string[] {
    const render = this.method(cls, 'render');
    if (!render) return [];
    const found = new Set<string>();
    this.visit(render.fn, render.cls, new Map(), null, found, 0);
    return [...found].sort();
  }

  private method(cls: ClassInfo, name: string): { fn: ts.MethodDeclaration; cls: ClassInfo } | null {
    for (let c: ClassInfo | undefined = cls; c; c = c.base ? this.classes.get(c.base) : undefined) {
      const fn = c.methods.get(name);
      if (fn) return { fn, cls: c };
    }
    return null;
  }

  private fileOf(node: ts.Node): SourceInfo {
    const source = node.getSourceFile();
    return this.files.find((f) => f.source === source) as SourceInfo;
  }

  /** Walks a function's body with its parameters bound; `frame` is the caller's scope for closures. */
  private visit(
    fn: ts.FunctionLikeDeclaration,
    cls: ClassInfo | null,
    bindings: Map<string, Binding>,
    parent: Frame | null,
    found: Set<string>,
    depth: number,
  ): void {
    if (depth > 24 || !fn.body) return;
    const frame: Frame = { fn, file: this.fileOf(fn), cls, bindings, locals: new Map(), parent, depth };
    const walk = (node: ts.Node): void => {
      // A named local arrow function runs where it is called, with that call's arguments.
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const init = skipWrappers(node.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
          frame.locals.set(node.name.text, init);
          return;
        }
      }
      // Callbacks (map, event handlers, rich-text parts) run with parameters unknown here.
      if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node !== fn) {
        const unknown = new Map<string, Binding>(node.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [[p.name.text, { kind: 'unknown' } as Binding]] : [])));
        this.visit(node, cls, unknown, frame, found, depth + 1);
        return;
      }
      if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) this.readTemplate(node, frame, found);
      if (ts.isCallExpression(node)) this.followCall(node, frame, found);
      ts.forEachChild(node, walk);
    };
    // The body itself may be the call (an arrow function's expression body).
    walk(fn.body);
  }

  private followCall(call: ts.CallExpression, frame: Frame, found: Set<string>): void {
    const callee = call.expression;
    let target: { fn: ts.FunctionLikeDeclaration; cls: ClassInfo | null; parent: Frame | null } | null = null;
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && frame.cls) {
      const m = this.method(frame.cls, callee.name.text);
      if (m) target = { fn: m.fn, cls: m.cls, parent: null };
    } else if (ts.isIdentifier(callee)) {
      const name = callee.text;
      for (let f: Frame | null = frame; f && !target; f = f.parent) {
        const local = f.locals.get(name);
        if (local) target = { fn: local, cls: f.cls, parent: f };
      }
      if (!target) {
        const own = frame.file.functions.get(name);
        const global = own ?? this.files.map((file) => file.functions.get(name)).find(Boolean);
        if (global) target = { fn: global, cls: null, parent: null };
      }
    }
    if (!target) return;
    // A function already on the way here is not entered again (no recursion in templates).
    for (let f: Frame | null = frame; f; f = f.parent) if (f.fn === target.fn) return;
    const bindings = new Map<string, Binding>();
    target.fn.parameters.forEach((param, i) => {
      if (!ts.isIdentifier(param.name)) return;
      const arg = call.arguments[i];
      bindings.set(param.name.text, arg && ts.isSpreadElement(arg) ? { kind: 'unknown' } : { kind: 'arg', expr: arg, frame, param });
    });
    this.visit(target.fn, target.cls, bindings, target.parent, found, frame.depth + 1);
  }

  /** Reads `data-hotspot="…"` and `data-hotspot=${…}` in a template literal. */
  private readTemplate(node: ts.TemplateExpression | ts.NoSubstitutionTemplateLiteral, frame: Frame, found: Set<string>): void {
    const texts = ts.isNoSubstitutionTemplateLiteral(node) ? [node.text] : [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    const exprs = ts.isNoSubstitutionTemplateLiteral(node) ? [] : node.templateSpans.map((s) => s.expression);
    // Expressions become \u0000<index>\u0000 so that one regular expression reads every form.
    const joined = texts.map((text, i) => (i < exprs.length ? `${text}\u0000${i}\u0000` : text)).join('');
    const attribute = /data-hotspot=(?:"([^"]*)"|'([^']*)'|\u0000(\d+)\u0000)/g;
    for (const match of joined.matchAll(attribute)) {
      const quoted = match[1] ?? match[2];
      let values: Set<Value>;
      if (quoted !== undefined) {
        values = new Set(['']);
        for (const piece of quoted.split(/\u0000(\d+)\u0000/).map((p, i) => ({ p, expr: i % 2 === 1 }))) {
          const parts = piece.expr ? this.evaluate(exprs[Number(piece.p)] as ts.Expression, frame) : new Set<Value>([piece.p]);
          values = product(values, parts);
        }
      } else {
        values = this.evaluate(exprs[Number(match[3])] as ts.Expression, frame);
      }
      for (const value of values) {
        if (value === ABSENT || value === WILDCARD || value === '') this.warnings.add(`${lineOf(node)} data-hotspot`);
        else found.add(value);
      }
    }
  }

  /** The strings an expression may take here; "*" stands for a part known only at run time. */
  private evaluate(expr: ts.Expression, frame: Frame | null): Set<Value> {
    const e = skipWrappers(expr);
    if (ts.isStringLiteralLike(e)) return new Set([e.text]);
    if (ts.isTemplateExpression(e)) {
      let values = new Set<Value>([e.head.text]);
      for (const span of e.templateSpans) {
        values = product(values, this.evaluate(span.expression, frame));
        values = product(values, new Set([span.literal.text]));
      }
      return values;
    }
    if (ts.isConditionalExpression(e)) return union(this.evaluate(e.whenTrue, frame), this.evaluate(e.whenFalse, frame));
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      const left = this.evaluate(e.left, frame);
      const out = new Set<Value>([...left].filter((v) => v !== ABSENT));
      if (left.has(ABSENT) || left.has(WILDCARD) || (e.operatorToken.kind === ts.SyntaxKind.BarBarToken && left.has(''))) {
        for (const v of this.evaluate(e.right, frame)) out.add(v);
      }
      return out;
    }
    if (ts.isIdentifier(e)) return this.resolve(e.text, frame);
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) return this.property(e.expression.text, e.name.text, frame);
    return new Set([WILDCARD]);
  }

  private resolve(name: string, frame: Frame | null): Set<Value> {
    for (let f = frame; f; f = f.parent) {
      const binding = f.bindings.get(name);
      if (binding) {
        if (binding.kind === 'unknown') return new Set([WILDCARD]);
        if (binding.expr) return this.evaluate(binding.expr, binding.frame);
        return binding.param.initializer ? this.evaluate(binding.param.initializer, f) : new Set([ABSENT]);
      }
      const local = findLocalConstant(f.fn, name);
      if (local) return this.evaluate(local, f);
      const constant = f.file.constants.get(name);
      if (constant) return this.evaluate(constant, null);
    }
    return new Set([WILDCARD]);
  }

  /** `opts.hotspot` where `opts` was given an object literal: that literal's property, or absent. */
  private property(object: string, key: string, frame: Frame | null): Set<Value> {
    for (let f = frame; f; f = f.parent) {
      const binding = f.bindings.get(object);
      if (!binding) continue;
      if (binding.kind === 'unknown' || !binding.expr) return new Set([WILDCARD]);
      const arg = skipWrappers(binding.expr);
      if (!ts.isObjectLiteralExpression(arg)) return new Set([WILDCARD]);
      for (const prop of arg.properties) {
        const propName = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : null;
        if (propName !== key) continue;
        if (ts.isPropertyAssignment(prop)) return this.evaluate(prop.initializer, binding.frame);
        if (ts.isShorthandPropertyAssignment(prop)) return this.resolve(key, binding.frame);
        return new Set([WILDCARD]);
      }
      // A spread may hold the key: unknown; otherwise the property is simply not given.
      return arg.properties.some(ts.isSpreadAssignment) ? new Set([WILDCARD]) : new Set([ABSENT]);
    }
    return new Set([WILDCARD]);
  }
}

function findLocalConstant(fn: ts.FunctionLikeDeclaration, name: string): ts.Expression | null {
  let found: ts.Expression | null = null;
  const walk = (node: ts.Node): void => {
    if (found) return;
    if (node !== fn && ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      const init = skipWrappers(node.initializer);
      if (!ts.isArrowFunction(init) && !ts.isFunctionExpression(init)) found = node.initializer;
      return;
    }
    ts.forEachChild(node, walk);
  };
  if (fn.body) ts.forEachChild(fn.body, walk);
  return found;
}

function union(a: Set<Value>, b: Set<Value>): Set<Value> {
  return new Set([...a, ...b]);
}

function product(a: Set<Value>, b: Set<Value>): Set<Value> {
  const out = new Set<Value>();
  for (const x of a) {
    for (const y of b) {
      // Inside a larger name, an absent or unknown part is a run-time part.
      const left = x === ABSENT ? WILDCARD : x;
      const right = y === ABSENT ? WILDCARD : y;
      out.add(`${left}${right}`.replace(/\*+/g, WILDCARD));
    }
  }
  return out.size > MAX_VALUES ? new Set([WILDCARD]) : out;
}

/** ScreenId by element tag, as src/site/render.ts renders each screen. */
export function screenTags(renderSource: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of renderSource.matchAll(/<([a-z][\w-]*)\s+data-screen="(\w+)"/g)) tags.set(m[1] as string, m[2] as string);
  return tags;
}

/**
 * Extracts the hotspot names of every screen. `files` holds src/site/render.ts, every
 * src/site/screens/*.ts and src/app/site-frame.ts (paths relative to the project, as keys).
 */
export function extractHotspots(files: Record<string, string>): ExtractedHotspots {
  const extractor = new Extractor(files);
  const screens: Record<string, string[]> = {};
  const warnings: string[] = [];
  const render = files[HOTSPOT_SOURCES.render] ?? '';
  for (const [tag, screen] of screenTags(render)) {
    const cls = extractor.classByTag(tag);
    if (!cls) {
      warnings.push(`${HOTSPOT_SOURCES.render}: <${tag}> (${screen})`);
      continue;
    }
    screens[screen] = extractor.hotspotsOf(cls);
  }
  const frameClass = [...Object.keys(files)].includes(HOTSPOT_SOURCES.frame) ? extractor.classByTag('mes-site-frame') : undefined;
  const frame = frameClass ? extractor.hotspotsOf(frameClass) : [];
  warnings.push(...extractor.warnings);
  const sorted = Object.fromEntries(Object.entries(screens).sort(([a], [b]) => a.localeCompare(b)));
  return { frame, screens: sorted, warnings: warnings.sort() };
}

/** The text of src/scenarios/hotspots.generated.ts for these names. */
export function hotspotsModule(map: HotspotMap): string {
  const list = (names: readonly string[]) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;
  const lines = [
    '// Generated by `npm run scenarios:schema` from the screens\' sources (src/scenarios/hotspots.ts): do not edit.',
    "import type { HotspotMap } from './check';",
    '',
    '/** The `data-hotspot` names of each screen ("*": a part known only at run time); `frame`: on every screen. */',
    'export const GENERATED_HOTSPOTS: HotspotMap = {',
    `  frame: ${list(map.frame)},`,
    '  screens: {',
    ...Object.entries(map.screens).map(([screen, names]) => `    ${screen}: ${list(names)},`),
    '  },',
    '};',
    '',
  ];
  return lines.join('\n');
}
