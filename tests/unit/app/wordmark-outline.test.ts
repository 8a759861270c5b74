import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WORDS,
  contourSegments,
  fontFile,
  num,
  parseFont,
  pathData,
  withWordmark,
  woffTables,
  wordPath,
  wordmarkSvg,
  type Box,
  type Font,
  type Point,
  type Segment,
} from '../../../scripts/wordmark-outline.mjs';
import { WORDMARK_SVG } from '../../../src/app/wordmark';

/**
 * scripts/wordmark-outline.mjs: the Open Sans WOFF reader behind the wordmark's outlines, and the
 * wordmark in src/app/wordmark.ts and assets/wordmark.svg being what it generates today.
 */
const fonts = new Map<number, Font>([700, 800].map((w) => [w, parseFont(readFileSync(fontFile(w)))]));
const font = (weight: number): Font => fonts.get(weight)!;

/** The extremes of a set of points. */
function extent(points: Array<{ x: number; y: number }>): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys) };
}

type XY = { x: number; y: number };
type Decoded = { start: XY; segments: Segment[] };

/** SVG path data (M, L, H, V, Q, T, Z, absolute or relative) back to contours of absolute segments. */
function decode(d: string): Decoded[] {
  expect(d).toMatch(/^[MmLlHhVvQqTtZz\d .-]+$/);
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const out: Decoded[] = [];
  let i = 0;
  let cmd = '';
  let at: XY = { x: 0, y: 0 };
  let control: XY | null = null; // the last curve's control point, for T
  const n = (): number => Number(tokens[i++]);
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    const rel = cmd === cmd.toLowerCase();
    const pt = (): XY => {
      const x = n();
      const y = n();
      return rel ? { x: at.x + x, y: at.y + y } : { x, y };
    };
    const current = out[out.length - 1];
    switch (cmd.toUpperCase()) {
      case 'M':
        at = pt();
        out.push({ start: at, segments: [] });
        cmd = rel ? 'l' : 'L';
        control = null;
        continue;
      case 'Z':
        at = current!.start;
        control = null;
        cmd = '';
        continue;
      case 'L':
        at = pt();
        control = null;
        break;
      case 'H':
        at = { x: rel ? at.x + n() : n(), y: at.y };
        control = null;
        break;
      case 'V':
        at = { x: at.x, y: rel ? at.y + n() : n() };
        control = null;
        break;
      case 'Q':
        control = pt();
        at = pt();
        break;
      case 'T':
        control = control ? { x: 2 * at.x - control.x, y: 2 * at.y - control.y } : at;
        at = pt();
        break;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
    current!.segments.push(cmd.toUpperCase() === 'Q' || cmd.toUpperCase() === 'T' ? { control: control!, to: at } : { to: at });
  }
  return out;
}

/** The matrix(a 0 0 d e f) of a word's transform, as a function of points. */
function matrix(transform: string): (p: XY) => XY {
  const m = /^matrix\((\S+) 0 0 (\S+) (\S+) (\S+)\)$/.exec(transform);
  expect(m, transform).not.toBeNull();
  const [a, d, e, f] = m!.slice(1).map(Number) as [number, number, number, number];
  return (p) => ({ x: a * p.x + e, y: d * p.y + f });
}

/** A word's outline as the font has it: its glyphs' contours, each moved by the advances before it. */
function wordContours(f: Font, text: string): Point[][] {
  const out: Point[][] = [];
  let pen = 0;
  for (const ch of text) {
    const id = f.glyphId(ch);
    for (const c of f.contours(id)) out.push(c.map((p) => ({ ...p, x: p.x + pen })));
    pen += f.advance(id);
  }
  return out;
}

describe('the WOFF reader', () => {
  it('inflates the sfnt tables (the head table has its magic number)', () => {
    const tables = woffTables(readFileSync(fontFile(700)));
    for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf']) expect(tables.has(tag), tag).toBe(true);
    expect(tables.get('head')!.readUInt32BE(12)).toBe(0x5f0f3cf5);
    expect(() => woffTables(new Uint8Array(64))).toThrow(/not a WOFF/);
  });

  it('maps characters to glyphs with their advances (the widths Chromium measures)', () => {
    const width = (f: Font, text: string): number => [...text].reduce((sum, ch) => sum + f.advance(f.glyphId(ch)), 0);
    for (const f of fonts.values()) {
      expect(f.unitsPerEm).toBe(2048);
      for (const ch of 'monESPACSNTÉ') expect(f.glyphId(ch), ch).toBeGreaterThan(0);
      expect(f.glyphId('E')).not.toBe(f.glyphId('É'));
      expect(f.glyphId('\u4e00')).toBe(0); // not in the latin subset
    }
    // canvas measureText at 1000px, 700 face and 800 face: ESPACE 3625.98 and 3681.64.
    expect((width(font(700), 'ESPACE') / 2048) * 1000).toBeCloseTo(3625.9765625, 6);
    expect((width(font(800), 'ESPACE') / 2048) * 1000).toBeCloseTo(3681.640625, 6);
    expect((width(font(700), 'mon') / 2048) * 1000).toBeCloseTo(2258.30078125, 6);
  });

  it('reads a simple glyph whose points fill the box its header states, within the font box and its advance', () => {
    for (const f of fonts.values()) {
      const e = f.glyphId('E');
      const contours = f.contours(e);
      expect(contours).toHaveLength(1);
      expect(contours[0]!.length).toBeGreaterThanOrEqual(12);
      const box = f.box(e)!;
      expect(extent(contours.flat())).toEqual(box);
      expect(box.yMin).toBe(0); // sits on the baseline
      expect(box.yMax).toBeGreaterThan(1400); // cap height ~1462
      expect(box.yMax).toBeLessThan(1600);
      expect(box.xMin).toBeGreaterThan(0);
      expect(box.xMax).toBeLessThan(f.advance(e));
      expect(box.xMin).toBeGreaterThanOrEqual(f.headBox.xMin);
      expect(box.yMax).toBeLessThanOrEqual(f.headBox.yMax);
      // « o » has two contours, its counter and its bowl, with curves.
      const o = f.contours(f.glyphId('o'));
      expect(o).toHaveLength(2);
      expect(o.flat().some((p) => !p.on)).toBe(true);
      expect(o.flat().some((p) => p.on)).toBe(true);
    }
  });

  it('assembles a composite glyph: É is E and an acute accent above it', () => {
    for (const f of fonts.values()) {
      const e = f.contours(f.glyphId('E'));
      const eAcute = f.contours(f.glyphId('É'));
      expect(eAcute).toHaveLength(2);
      expect(eAcute).toContainEqual(e[0]);
      const accent = eAcute.find((c) => JSON.stringify(c) !== JSON.stringify(e[0]))!;
      expect(extent(accent).yMin).toBeGreaterThan(f.box(f.glyphId('E'))!.yMax);
      // The header's box of the composite holds the points placed by the component offsets.
      expect(extent(eAcute.flat())).toEqual(f.box(f.glyphId('É')));
    }
  });

  it('gives every glyph of the wordmark the box its header states', () => {
    for (const { text, weight } of WORDS) {
      const f = font(weight);
      for (const ch of text) expect(extent(f.contours(f.glyphId(ch)).flat()), `${ch} ${weight}`).toEqual(f.box(f.glyphId(ch)));
    }
  });
});

describe('contours to path data', () => {
  const on = (x: number, y: number): Point => ({ x, y, on: true });
  const off = (x: number, y: number): Point => ({ x, y, on: false });

  it('splits a TrueType contour into lines and curves, with the implied on-curve points', () => {
    expect(contourSegments([on(0, 0), on(10, 0), on(10, 10)])).toEqual({ start: { x: 0, y: 0 }, segments: [{ to: on(10, 0) }, { to: on(10, 10) }] });
    expect(contourSegments([on(0, 0), off(10, 0), off(10, 10), on(0, 10)])).toEqual({
      start: { x: 0, y: 0 },
      segments: [{ control: off(10, 0), to: { x: 10, y: 5 } }, { control: off(10, 10), to: on(0, 10) }],
    });
    // Starting off-curve: the contour starts on its first on-curve point; the last curve closes it.
    expect(contourSegments([off(10, 0), on(10, 10), on(0, 10), on(0, 0)])).toEqual({
      start: { x: 10, y: 10 },
      segments: [{ to: on(0, 10) }, { to: on(0, 0) }, { control: off(10, 0), to: { x: 10, y: 10, on: true } }],
    });
    // Only off-curve points (a circle-like contour): starts half-way between the last and the first.
    const round = contourSegments([off(0, 0), off(2, 0), off(2, 2), off(0, 2)]);
    expect(round.start).toEqual({ x: 0, y: 1 });
    expect(round.segments.map((s) => s.to)).toEqual([{ x: 1, y: 0 }, { x: 2, y: 1 }, { x: 1, y: 2 }, { x: 0, y: 1, on: true }]);
  });

  it('writes relative commands, h and v for straight lines, t for reflected control points', () => {
    expect(pathData([[on(0, 0), on(10, 0), on(10, 10), on(0, 10)]])).toBe('M0 0h10v10h-10z');
    expect(pathData([[on(0, 0), off(10, 0), off(10, 10), on(0, 10)]])).toBe('M0 0q10 0 10 5t-10 5z');
    expect(pathData([[on(0, 0), on(5, 5), off(9, 9), on(0, 9)]])).toBe('M0 0l5 5q4 4-5 4z');
    // The next contour moves from the start of the previous one.
    expect(pathData([[on(1, 1), on(2, 1), on(2, 2)], [on(5, 5), on(6, 5), on(6, 6)]])).toBe('M1 1h1v1zm4 4h1v1z');
    // In steps: each point rounded, then written relative to the previous rounded point.
    expect(pathData([[on(0, 0), on(7, 0), on(7, 7)]], 2)).toBe('M0 0h4v4z');
    expect(pathData([[on(0, 0), on(3, 0), on(6, 0), on(9, 0), on(9, 9)]], 2)).toBe('M0 0h2 1 2v5z');
  });

  it('numbers the transform to 6 significant digits', () => {
    expect(num(-0.00927734375)).toBe('-.00927734');
    expect(num(12.345678)).toBe('12.3457');
    expect(num(56)).toBe('56');
  });
});

describe('the wordmark', () => {
  it('is what the generator makes, in src/app/wordmark.ts and assets/wordmark.svg alike', () => {
    const svg = wordmarkSvg();
    expect(WORDMARK_SVG).toBe(svg);
    expect(readFileSync('assets/wordmark.svg', 'utf8')).toBe(svg);
    expect(withWordmark(readFileSync('src/app/wordmark.ts', 'utf8'), svg)).toBe(readFileSync('src/app/wordmark.ts', 'utf8'));
  });

  it('draws its words as paths, no SVG text, with its title and colours', () => {
    expect(WORDMARK_SVG).not.toMatch(/<text|font-family|textLength/);
    expect(WORDMARK_SVG).toContain('<title>mon ESPACE SANTÉ</title>');
    expect([...WORDMARK_SVG.matchAll(/<path fill="(#[0-9A-F]{6})"/g)].map((m) => m[1])).toEqual(['#0C419A', '#0C419A', '#D81E7E']);
  });

  it('draws each word as the font has it, to within one font unit', () => {
    for (const w of WORDS) {
      const f = font(w.weight);
      const exact = wordContours(f, w.text).map(contourSegments);
      const drawn = decode(wordPath(f, w.text, w).d);
      expect(drawn.length, w.text).toBe(exact.length);
      drawn.forEach((contour, i) => {
        const want = exact[i]!;
        expect(contour.segments.length, `${w.text} contour ${i}`).toBe(want.segments.length);
        const close = (p: XY, q: XY): boolean => Math.abs(p.x - q.x) <= 1.5 && Math.abs(p.y - q.y) <= 1.5;
        expect(close(contour.start, want.start), `${w.text} contour ${i} start`).toBe(true);
        contour.segments.forEach((seg, j) => {
          const ws = want.segments[j]!;
          expect(close(seg.to, ws.to), `${w.text} ${i}.${j} end`).toBe(true);
          expect(Boolean(seg.control), `${w.text} ${i}.${j} curve`).toBe(Boolean(ws.control));
          if (seg.control && ws.control) expect(close(seg.control, ws.control), `${w.text} ${i}.${j} control`).toBe(true);
        });
      });
    }
  });

  it('sets each word on its baseline and stretches it to its former textLength', () => {
    for (const w of WORDS) {
      const f = font(w.weight);
      const { d, transform } = wordPath(f, w.text, w);
      const place = matrix(transform);
      const box = extent(decode(d).flatMap((c) => [c.start, ...c.segments.flatMap((s) => (s.control ? [s.control, s.to] : [s.to]))]).map(place));
      const k = w.size / f.unitsPerEm;
      const first = f.glyphId(w.text[0]!);
      const last = f.glyphId(w.text.at(-1)!);
      const stretch = w.textLength / ([...w.text].reduce((s, ch) => s + f.advance(f.glyphId(ch)), 0) * k);
      expect(stretch, w.text).toBeGreaterThan(0.8); // « mon » is narrowed, ESPACE and SANTÉ widened
      expect(stretch, w.text).toBeLessThan(1.25);
      // Starts at x plus the first glyph's left bearing, ends at x + textLength less the last one's right bearing.
      expect(box.xMin, w.text).toBeCloseTo(w.x + f.box(first)!.xMin * k * stretch, 2);
      expect(box.xMax, w.text).toBeCloseTo(w.x + w.textLength - (f.advance(last) - f.box(last)!.xMax) * k * stretch, 2);
      // No descender in these words: the lowest point is on the baseline (the o's overshoot aside).
      expect(box.yMax, w.text).toBeGreaterThanOrEqual(w.y);
      expect(box.yMax, w.text).toBeLessThan(w.y + 0.5);
      expect(box.yMin, w.text).toBeLessThan(w.y - w.size * 0.5);
      expect(WORDMARK_SVG).toContain(`transform="${transform}" d="${d}"`);
    }
  });
});
