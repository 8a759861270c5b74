import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds user-visible text written in code instead of locales/: text content and visible attributes of
 * lit `html`/`svg` templates, literals rendered through their expressions, and the DOM calls that show
 * text; and the i18n keys the code asks for. Uses the TypeScript parser, so strings in comments, CSS
 * (`css` templates) and ordinary code are not mistaken for UI.
 */

export interface Finding {
  file: string;
  line: number;
  kind: 'text' | 'attribute' | 'expression' | 'dom';
  text: string;
}

export interface KeyUse {
  file: string;
  line: number;
  /** `ns:key` (the default namespace added when missing), or its static prefix when `dynamic`. */
  key: string;
  /** The key is built at run time (`t(\`player:modes.${m}\`)`): only its static prefix is known. */
  dynamic: boolean;
}

/** Attributes whose value is read or shown to the user. */
export const VISIBLE_ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'aria-braillelabel',
  'title',
  'placeholder',
  'alt',
  'label',
] as const;

const VISIBLE = new Set<string>(VISIBLE_ATTRIBUTES);
const TRANSLATORS = new Set(['t', 'i18next.t']);
const LETTER = /\p{L}/u;
const PLACEHOLDER = '\u0000';

export function listSources(root: string, dir = 'src'): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(join(root, dir));
  return out.sort();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, ' ')
    .replace(/&#x?[0-9a-f]+;/gi, ' ')
    .replace(/&[a-z]+;/gi, ' ');
}

const hasWords = (text: string) => LETTER.test(decodeEntities(text));

function calleeName(node: ts.CallExpression): string {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) {
    const owner = ts.isIdentifier(callee.expression) ? `${callee.expression.text}.` : '';
    return `${owner}${callee.name.text}`;
  }
  return '';
}

function methodName(node: ts.CallExpression): string {
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
}

/** The static text of a template literal with `\0` where each expression goes. */
function templateText(node: ts.TemplateLiteral): { text: string; spans: ts.Expression[] } {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, spans: [] };
  let text = node.head.text;
  const spans: ts.Expression[] = [];
  for (const span of node.templateSpans) {
    spans.push(span.expression);
    text += PLACEHOLDER + span.literal.text;
  }
  return { text, spans };
}

/**
 * Literals an expression renders as they are: the expression itself, the branches of `?:`, the operands
 * of `||`, `??`, `&&` (right) and `+`, and the static parts of an untagged template. A literal passed to
 * a function (t('ns:key'), a formatter) or compared (`lang === 'fr'`) is not rendered as such.
 */
function renderedLiterals(expr: ts.Expression): { node: ts.Node; text: string }[] {
  const out: { node: ts.Node; text: string }[] = [];
  const visit = (e: ts.Expression): void => {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return visit(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
      out.push({ node: e, text: e.text });
      return;
    }
    if (ts.isTemplateExpression(e)) {
      const { text, spans } = templateText(e);
      out.push({ node: e, text: text.split(PLACEHOLDER).join(' ') });
      spans.forEach(visit);
      return;
    }
    if (ts.isConditionalExpression(e)) {
      visit(e.whenTrue);
      visit(e.whenFalse);
      return;
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        visit(e.left);
        visit(e.right);
      } else if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        visit(e.right);
      }
      return;
    }
    if (ts.isArrayLiteralExpression(e)) e.elements.forEach((el) => ts.isExpression(el) && visit(el));
  };
  visit(expr);
  return out;
}

/** Where each expression of an html`` template lands: text content, or the value of an attribute. */
function positions(text: string): ({ kind: 'text' } | { kind: 'attribute'; name: string })[] {
  const parts = text.split(PLACEHOLDER);
  const out: ({ kind: 'text' } | { kind: 'attribute'; name: string })[] = [];
  let before = '';
  for (let i = 0; i < parts.length - 1; i += 1) {
    before += parts[i];
    const open = before.lastIndexOf('<');
    const close = before.lastIndexOf('>');
    if (open > close) {
      const name = /([.?@]?[\w:-]+)\s*=\s*["']?[^"'=<>]*$/.exec(before.slice(open))?.[1] ?? '';
      out.push({ kind: 'attribute', name });
    } else {
      out.push({ kind: 'text' });
    }
    before += 'x';
  }
  return out;
}

function scanTemplate(node: ts.TaggedTemplateExpression, file: string, sf: ts.SourceFile, findings: Finding[]): void {
  const { text, spans } = templateText(node.template);
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const line = lineOf(node);

  // Text content: what is left outside tags, comments and style/script elements.
  const content = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, PLACEHOLDER);
  for (const piece of content.split(PLACEHOLDER)) {
    if (hasWords(piece)) findings.push({ file, line, kind: 'text', text: piece.trim() });
  }

  // Visible attributes with literal text.
  const tags = text.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    const attr = /([.?]?[\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    for (let m = attr.exec(tag); m; m = attr.exec(tag)) {
      const name = m[1]!.replace(/^[.?]/, '');
      const value = (m[3] ?? m[4] ?? '').split(PLACEHOLDER).join(' ');
      if (VISIBLE.has(name) && hasWords(value)) findings.push({ file, line, kind: 'attribute', text: `${name}="${value.trim()}"` });
    }
  }

  // Literals rendered through expressions, in text or in a visible attribute.
  const where = positions(text);
  spans.forEach((expr, i) => {
    const position = where[i];
    if (!position) return;
    const name = position.kind === 'attribute' ? position.name.replace(/^[.?]/, '') : '';
    if (position.kind === 'attribute' && !VISIBLE.has(name)) return;
    for (const literal of renderedLiterals(expr)) {
      if (hasWords(literal.text)) {
        findings.push({ file, line: lineOf(literal.node), kind: 'expression', text: name ? `${name}=${literal.text}` : literal.text });
      }
    }
  });
}

/** DOM calls that show text: `el.textContent = '…'`, `setAttribute('aria-label', '…')`, `alert('…')`… */
function scanDom(node: ts.Node, file: string, sf: ts.SourceFile, findings: Finding[]): void {
  const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
    const prop = node.left.name.text;
    if (['textContent', 'innerText', 'innerHTML', 'title', 'placeholder', 'alt', 'ariaLabel', 'ariaDescription', 'label'].includes(prop)) {
      for (const literal of renderedLiterals(node.right)) {
        if (hasWords(literal.text)) findings.push({ file, line, kind: 'dom', text: `${prop} = ${literal.text}` });
      }
    }
  }
  if (ts.isCallExpression(node)) {
    const method = methodName(node);
    const [first, second] = node.arguments;
    if (method === 'setAttribute' && first && second && ts.isStringLiteral(first) && VISIBLE.has(first.text)) {
      for (const literal of renderedLiterals(second)) {
        if (hasWords(literal.text)) findings.push({ file, line, kind: 'dom', text: `setAttribute(${first.text}, ${literal.text})` });
      }
    }
    if (['alert', 'confirm', 'prompt'].includes(calleeName(node)) && first) {
      for (const literal of renderedLiterals(first)) {
        if (hasWords(literal.text)) findings.push({ file, line, kind: 'dom', text: `${calleeName(node)}(${literal.text})` });
      }
    }
  }
}

/** The i18n keys asked for with t('ns:key') or t(`ns:prefix.${x}`). */
function scanKey(node: ts.CallExpression, file: string, sf: ts.SourceFile, keys: KeyUse[]): void {
  if (!TRANSLATORS.has(calleeName(node))) return;
  const [first] = node.arguments;
  if (!first) return;
  const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const withNs = (key: string) => (key.includes(':') ? key : `common:${key}`);
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) {
    keys.push({ file, line, key: withNs(first.text), dynamic: false });
  } else if (ts.isTemplateExpression(first)) {
    const head = first.head.text;
    if (head.includes(':')) keys.push({ file, line, key: head, dynamic: true });
  }
}

export interface ScanResult {
  findings: Finding[];
  keys: KeyUse[];
}

/** Scans one source text; `file` is used in the findings only. */
export function scanSource(source: string, file: string): ScanResult {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const keys: KeyUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag.getText(sf);
      if (tag === 'html' || tag === 'svg') scanTemplate(node, file, sf, findings);
    }
    if (ts.isCallExpression(node)) scanKey(node, file, sf, keys);
    scanDom(node, file, sf, findings);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { findings, keys };
}

export function scanTree(root: string): ScanResult {
  const findings: Finding[] = [];
  const keys: KeyUse[] = [];
  for (const path of listSources(root)) {
    const result = scanSource(readFileSync(path, 'utf8'), relative(root, path));
    findings.push(...result.findings);
    keys.push(...result.keys);
  }
  return { findings, keys };
}
