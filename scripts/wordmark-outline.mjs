#!/usr/bin/env node
/**
 * Draws the wordmark's three words (src/app/wordmark.ts) as outlines of Open Sans, so the landing page
 * lays out no SVG text and needs no font for its logo.
 *
 *   node scripts/wordmark-outline.mjs           prints the new WORDMARK_SVG
 *   node scripts/wordmark-outline.mjs --write   rewrites WORDMARK_SVG in src/app/wordmark.ts and assets/wordmark.svg
 *
 * It reads the WOFF 1.0 files of @fontsource/open-sans (latin subset): the zlib-compressed sfnt tables,
 * then `cmap` (format 4), `head`, `hhea`, `hmtx`, `maxp`, `loca` and `glyf` (simple and composite glyphs).
 * Each word is set from its x, y and font size, then stretched horizontally so that its advance width is
 * its former `textLength` (what `lengthAdjust="spacingAndGlyphs"` did). The fonts have no kerning for
 * these letters (Chromium measures the same widths with and without it), so advances are summed as is.
 *
 * Each word's path keeps the glyphs' own coordinates (font units, y up; whole numbers, so exact but for
 * the implied half-way points and `t` reflections, within one unit: 1/2048 em) and a `transform` sets it
 * in place, size and stretch. Written relative, with h/v/t where they fit, it is less than half the size
 * (raw or gzip) of the same outlines in absolute user units to 2 decimals, which matters since the app's
 * first slide carries it (tests/e2e/budgets.e2e.ts).
 * « mon » is Open Sans Bold 700; ESPACE and SANTÉ Open Sans ExtraBold 800, as the former SVG text asked
 * (the app loads no 800 face, so Chromium drew them with the 700 one; the outlines follow the intent).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FONT_DIR = join(ROOT, 'node_modules/@fontsource/open-sans/files');

/** The Open Sans WOFF file of a weight (latin subset, upright). */
export function fontFile(weight) {
  return join(FONT_DIR, `open-sans-latin-${weight}-normal.woff`);
}

/** The sfnt tables of a WOFF 1.0 file, by tag, inflated. */
export function woffTables(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const numTables = buf.readUInt16BE(12);
  /** @type {Map<string, Buffer>} */
  const tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = buf.toString('latin1', at, at + 4);
    const offset = buf.readUInt32BE(at + 4);
    const compLength = buf.readUInt32BE(at + 8);
    const origLength = buf.readUInt32BE(at + 12);
    const stored = buf.subarray(offset, offset + compLength);
    const table = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (table.length !== origLength) throw new Error(`table ${tag}: ${table.length} bytes, expected ${origLength}`);
    tables.set(tag, table);
  }
  return tables;
}

function table(tables, tag) {
  const t = tables.get(tag);
  if (!t) throw new Error(`no ${tag} table`);
  return t;
}

/** The character → glyph lookup of a format 4 `cmap` subtable (Unicode BMP). */
function cmapFormat4(cmap) {
  const count = cmap.readUInt16BE(2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const unicode = (platform === 3 && encoding === 1) || platform === 0;
    if (unicode && cmap.readUInt16BE(offset) === 4) {
      sub = offset;
      break;
    }
  }
  if (sub < 0) throw new Error('no format 4 Unicode cmap subtable');
  const segCount = cmap.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (code) => {
    for (let s = 0; s < segCount; s++) {
      if (cmap.readUInt16BE(ends + s * 2) < code) continue;
      const start = cmap.readUInt16BE(starts + s * 2);
      if (start > code) return 0;
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeAt = rangeOffsets + s * 2;
      const rangeOffset = cmap.readUInt16BE(rangeAt);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = cmap.readUInt16BE(rangeAt + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/**
 * A TrueType font read from WOFF bytes: units per em, glyph lookup, advances, bounding boxes and
 * contours (points with their on-curve flag, in font units, y up).
 */
export function parseFont(bytes) {
  const tables = woffTables(bytes);
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  const hmtx = table(tables, 'hmtx');
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const unitsPerEm = head.readUInt16BE(18);
  const headBox = { xMin: head.readInt16BE(36), yMin: head.readInt16BE(38), xMax: head.readInt16BE(40), yMax: head.readInt16BE(42) };
  const longLoca = head.readInt16BE(50) === 1;
  const numGlyphs = table(tables, 'maxp').readUInt16BE(4);
  const numberOfHMetrics = hhea.readUInt16BE(34);
  const lookup = cmapFormat4(table(tables, 'cmap'));

  const glyphAt = (id) => {
    if (id < 0 || id >= numGlyphs) throw new Error(`glyph ${id} out of range`);
    const start = longLoca ? loca.readUInt32BE(id * 4) : loca.readUInt16BE(id * 2) * 2;
    const end = longLoca ? loca.readUInt32BE(id * 4 + 4) : loca.readUInt16BE(id * 2 + 2) * 2;
    return end > start ? glyf.subarray(start, end) : null;
  };

  /** @returns {{ x: number; y: number; on: boolean }[][]} */
  const contours = (id, depth = 0) => {
    if (depth > 8) throw new Error('composite glyphs nested too deep');
    const g = glyphAt(id);
    if (!g) return [];
    const n = g.readInt16BE(0);
    return n >= 0 ? simpleContours(g, n) : compositeContours(g, depth);
  };

  const compositeContours = (g, depth) => {
    const out = [];
    let at = 10;
    let flags;
    do {
      flags = g.readUInt16BE(at);
      const component = g.readUInt16BE(at + 2);
      at += 4;
      let arg1;
      let arg2;
      if (flags & 0x0001) {
        arg1 = flags & 0x0002 ? g.readInt16BE(at) : g.readUInt16BE(at);
        arg2 = flags & 0x0002 ? g.readInt16BE(at + 2) : g.readUInt16BE(at + 2);
        at += 4;
      } else {
        arg1 = flags & 0x0002 ? g.readInt8(at) : g.readUInt8(at);
        arg2 = flags & 0x0002 ? g.readInt8(at + 1) : g.readUInt8(at + 1);
        at += 2;
      }
      if (!(flags & 0x0002)) throw new Error('composite glyph placed by matching points: not supported');
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (o) => g.readInt16BE(o) / 16384;
      if (flags & 0x0008) {
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & 0x0040) {
        a = f2dot14(at);
        d = f2dot14(at + 2);
        at += 4;
      } else if (flags & 0x0080) {
        [a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
        at += 8;
      }
      // The offset is in the parent's units unless SCALED_COMPONENT_OFFSET asks to transform it too.
      let [dx, dy] = [arg1, arg2];
      if (flags & 0x0800) [dx, dy] = [a * arg1 + c * arg2, b * arg1 + d * arg2];
      for (const contour of contours(component, depth + 1)) {
        out.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, on: p.on })));
      }
    } while (flags & 0x0020);
    return out;
  };

  return {
    unitsPerEm,
    headBox,
    numGlyphs,
    glyphId: (char) => lookup(char.codePointAt(0) ?? 0),
    advance: (id) => hmtx.readUInt16BE(Math.min(id, numberOfHMetrics - 1) * 4),
    /** The glyph's bounding box as its `glyf` header states it, or null for an empty glyph. */
    box: (id) => {
      const g = glyphAt(id);
      return g ? { xMin: g.readInt16BE(2), yMin: g.readInt16BE(4), xMax: g.readInt16BE(6), yMax: g.readInt16BE(8) } : null;
    },
    contours: (id) => contours(id),
  };
}

function simpleContours(g, n) {
  const ends = [];
  for (let i = 0; i < n; i++) ends.push(g.readUInt16BE(10 + i * 2));
  const count = n ? ends[n - 1] + 1 : 0;
  let at = 10 + n * 2;
  at += 2 + g.readUInt16BE(at); // instructions
  const flags = [];
  while (flags.length < count) {
    const f = g.readUInt8(at++);
    flags.push(f);
    if (f & 0x08) for (let r = g.readUInt8(at++); r > 0; r--) flags.push(f);
  }
  const coords = (short, same) => {
    const out = [];
    let v = 0;
    for (const f of flags) {
      if (f & short) v += f & same ? g.readUInt8(at++) : -g.readUInt8(at++);
      else if (!(f & same)) {
        v += g.readInt16BE(at);
        at += 2;
      }
      out.push(v);
    }
    return out;
  };
  const xs = coords(0x02, 0x10);
  const ys = coords(0x04, 0x20);
  const out = [];
  let first = 0;
  for (const end of ends) {
    const contour = [];
    for (let i = first; i <= end; i++) contour.push({ x: xs[i], y: ys[i], on: (flags[i] & 0x01) === 1 });
    out.push(contour);
    first = end + 1;
  }
  return out;
}

/**
 * A quadratic TrueType contour as a start point, then lines (`{ to }`) and quadratic curves
 * (`{ control, to }`) back to it. Two off-curve points in a row imply an on-curve point half-way
 * between them; a contour of off-curve points only starts at the one between its last and first points.
 */
export function contourSegments(contour) {
  const mid = (p, q) => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
  const firstOn = contour.findIndex((p) => p.on);
  const start = firstOn >= 0 ? contour[firstOn] : mid(contour[contour.length - 1], contour[0]);
  const rest = firstOn >= 0 ? [...contour.slice(firstOn + 1), ...contour.slice(0, firstOn)] : contour;
  const segments = [];
  let control = null;
  for (const p of [...rest, { ...start, on: true }]) {
    if (p.on) {
      segments.push(control ? { control, to: p } : { to: p });
      control = null;
    } else {
      if (control) segments.push({ control, to: mid(control, p) });
      control = p;
    }
  }
  // Z draws the last straight line back to the start.
  const last = segments[segments.length - 1];
  if (last && !last.control) segments.pop();
  return { start: { x: start.x, y: start.y }, segments };
}

/**
 * SVG path data of contours in their own units divided by `step`, every point rounded to a whole number
 * (the rounding does not add up: each point is rounded, then written relative to the previous rounded
 * one). Written small, since the app's first slide carries it: relative commands (m, l, h, v, q, t, z),
 * a curve as `t` when its control point is, to the unit, the reflection of the previous one (as the
 * half-way on-curve points of TrueType make them), repeated commands and separators left out.
 */
export function pathData(contours, step = 1) {
  const round = (p) => ({ x: Math.round(p.x / step), y: Math.round(p.y / step) });
  let d = '';
  let command = '';
  const put = (cmd, ...values) => {
    let text = '';
    for (const v of values) text += (text && v >= 0 ? ' ' : '') + String(v === 0 ? 0 : v);
    if (cmd === command && cmd !== 'z') d += (values[0] >= 0 ? ' ' : '') + text;
    else d += cmd + text;
    command = cmd;
  };
  let at = { x: 0, y: 0 };
  for (const contour of contours) {
    if (contour.length === 0) continue;
    const { start, segments } = contourSegments(contour);
    const s = round(start);
    if (d) put('m', s.x - at.x, s.y - at.y);
    else put('M', s.x, s.y);
    // After m, further pairs would be lines: `l` is always written out.
    command = 'm';
    at = s;
    let reflected = null; // the control point a `t` would use here
    for (const seg of segments) {
      const to = round(seg.to);
      const [dx, dy] = [to.x - at.x, to.y - at.y];
      if (!seg.control) {
        if (dy === 0) put('h', dx);
        else if (dx === 0) put('v', dy);
        else put('l', dx, dy);
        reflected = null;
      } else {
        const c = round(seg.control);
        if (reflected && Math.abs(reflected.x - c.x) <= 1 && Math.abs(reflected.y - c.y) <= 1) {
          put('t', dx, dy);
          c.x = reflected.x;
          c.y = reflected.y;
        } else put('q', c.x - at.x, c.y - at.y, dx, dy);
        reflected = { x: 2 * to.x - c.x, y: 2 * to.y - c.y };
      }
      at = to;
    }
    put('z');
    at = s;
  }
  return d;
}

/** A number to 6 significant digits, without a leading zero. */
export function num(v) {
  return String(Number(v.toPrecision(6))).replace(/^(-?)0\./, '$1.');
}

/** Outline coordinates are written in steps of this many font units (2048 to the em): 1 keeps the font's own grid. */
export const STEP = 1;

/**
 * A word set at (x, y) (baseline start) in `size` user units and stretched horizontally so that its
 * advance width is `textLength`: path data in font units (over `step`) and the transform placing it.
 */
export function wordPath(font, text, { x, y, size, textLength }, step = STEP) {
  const ids = [...text].map((ch) => {
    const id = font.glyphId(ch);
    if (!id) throw new Error(`no glyph for « ${ch} »`);
    return id;
  });
  const k = size / font.unitsPerEm;
  const width = ids.reduce((sum, id) => sum + font.advance(id), 0);
  const stretch = textLength === undefined ? 1 : textLength / (width * k);
  const contours = [];
  let pen = 0;
  for (const id of ids) {
    for (const contour of font.contours(id)) contours.push(contour.map((p) => ({ ...p, x: p.x + pen })));
    pen += font.advance(id);
  }
  return {
    d: pathData(contours, step),
    transform: `matrix(${num(k * stretch * step)} 0 0 ${num(-k * step)} ${num(x)} ${num(y)})`,
  };
}

/** The words as they were drawn as SVG text: position, size, weight, colour and `textLength`. */
export const WORDS = [
  { text: 'mon', x: 57, y: 13, size: 12, weight: 700, fill: '#0C419A', textLength: 24 },
  { text: 'ESPACE', x: 56, y: 31, size: 19, weight: 800, fill: '#0C419A', textLength: 80 },
  { text: 'SANTÉ', x: 56, y: 49, size: 19, weight: 800, fill: '#D81E7E', textLength: 66 },
];

/** WORDMARK_SVG: the mark, then each word as one path of Open Sans outlines. */
export function wordmarkSvg(readFont = (weight) => parseFont(readFileSync(fontFile(weight))), step = STEP) {
  const fonts = new Map();
  const fontOf = (weight) => {
    if (!fonts.has(weight)) fonts.set(weight, readFont(weight));
    return fonts.get(weight);
  };
  const words = WORDS.map((w) => {
    const { d, transform } = wordPath(fontOf(w.weight), w.text, w, step);
    return `  <path fill="${w.fill}" transform="${transform}" d="${d}"/>\n`;
  }).join('');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 140 52" width="140" height="52">\n' +
    '  <title>mon ESPACE SANTÉ</title>\n' +
    '  <rect x="0" y="2" width="48" height="48" rx="12" fill="#0C419A"/>\n' +
    '  <circle cx="22" cy="29" r="12" fill="none" stroke="#FFFFFF" stroke-width="5"/>\n' +
    '  <circle cx="35" cy="16" r="6.5" fill="#D81E7E"/>\n' +
    words +
    '</svg>\n'
  );
}

/** src/app/wordmark.ts with its WORDMARK_SVG replaced by `svg`. */
export function withWordmark(source, svg) {
  const re = /(export const WORDMARK_SVG = `)[^`]*(`;)/;
  if (!re.test(source)) throw new Error('WORDMARK_SVG not found in src/app/wordmark.ts');
  return source.replace(re, (_, open, close) => open + svg + close);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const svg = wordmarkSvg();
  if (process.argv.includes('--write')) {
    const ts = join(ROOT, 'src/app/wordmark.ts');
    writeFileSync(ts, withWordmark(readFileSync(ts, 'utf8'), svg));
    writeFileSync(join(ROOT, 'assets/wordmark.svg'), svg);
    console.log('wrote src/app/wordmark.ts and assets/wordmark.svg');
  } else {
    process.stdout.write(svg);
  }
}
