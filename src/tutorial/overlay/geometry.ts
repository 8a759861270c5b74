/**
 * Pure geometry of the overlay: no DOM here, so that the spotlight's shape and the callouts' placement
 * can be tested with plain numbers at any viewport size.
 */

/** A DOMRect-like box in viewport coordinates (CSS pixels). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'bottom' | 'top' | 'right' | 'left';

export interface CalloutPlacement {
  /** Top-left corner of the callout, in viewport coordinates. */
  x: number;
  y: number;
  /** Side of the target on which the callout sits (its arrow points the other way). */
  side: Side;
  /** Distance from the callout's top (left/right sides) or left (top/bottom sides) edge to the arrow tip. */
  arrow: number;
  /** False when no side had room: the callout was clamped inside the viewport and may cover its target. */
  fits: boolean;
}

export interface PlaceOptions {
  /** Space between the target and the callout, where the arrow is drawn. */
  gap?: number;
  /** Space kept between the callout and the viewport's edges. */
  margin?: number;
  /** Keeps the arrow away from the callout's rounded corners. */
  arrowInset?: number;
}

/** Keeps SVG paths short and free of float noise such as 12.000000001 or -0. */
function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * The SVG path of a full-viewport dim layer with a rounded-rect hole around `hole` (grown by `padding`).
 * Drawn with fill-rule="evenodd", the second sub-path cuts the hole, as Shepherd.js's modal overlay does.
 * A null hole dims the whole viewport.
 */
export function spotlightPath(viewport: Size, hole: Rect | null, padding = 0, radius = 0): string {
  const { width: w, height: h } = viewport;
  const outer = `M0 0H${num(w)}V${num(h)}H0Z`;
  if (!hole) return outer;
  const x = hole.x - padding;
  const y = hole.y - padding;
  const hw = Math.max(0, hole.width + 2 * padding);
  const hh = Math.max(0, hole.height + 2 * padding);
  if (hw === 0 || hh === 0) return outer;
  // A radius larger than half a side would make the arcs overlap and the hole lose its shape.
  const r = Math.max(0, Math.min(radius, hw / 2, hh / 2));
  const arc = (dx: number, dy: number) => (r > 0 ? `a${num(r)} ${num(r)} 0 0 1 ${num(dx)} ${num(dy)}` : '');
  return (
    outer +
    `M${num(x + r)} ${num(y)}` +
    `H${num(x + hw - r)}${arc(r, r)}` +
    `V${num(y + hh - r)}${arc(-r, r)}` +
    `H${num(x + r)}${arc(-r, -r)}` +
    `V${num(y + r)}${arc(r, -r)}Z`
  );
}

const OPPOSITE: Record<Side, Side> = { bottom: 'top', top: 'bottom', left: 'right', right: 'left' };
const CROSS: Record<Side, [Side, Side]> = {
  bottom: ['right', 'left'],
  top: ['right', 'left'],
  right: ['bottom', 'top'],
  left: ['bottom', 'top'],
};

function clamp(value: number, min: number, max: number): number {
  // When the box is larger than the room, pin it to the start edge: its beginning stays readable.
  if (max < min) return min;
  return Math.min(Math.max(value, min), max);
}

/**
 * Where to put a callout of `size` next to `target` so that it stays fully inside `viewport`: the
 * preferred side if the callout fits there, else the opposite side (flip), else the two others; along the
 * side, it is centred on the target and then shifted back inside the viewport (shift). When no side has
 * room, the side with the most room is taken and the callout is clamped inside the viewport (`fits`
 * false: the caller may prefer a bottom sheet).
 */
export function placeCallout(
  target: Rect,
  size: Size,
  viewport: Size,
  preferred: Side = 'bottom',
  options: PlaceOptions = {},
): CalloutPlacement {
  const gap = options.gap ?? 12;
  const margin = options.margin ?? 8;
  const inset = options.arrowInset ?? 16;
  const right = target.x + target.width;
  const bottom = target.y + target.height;

  const room: Record<Side, number> = {
    top: target.y - gap - margin,
    bottom: viewport.height - bottom - gap - margin,
    left: target.x - gap - margin,
    right: viewport.width - right - gap - margin,
  };
  const need = (side: Side) => (side === 'top' || side === 'bottom' ? size.height : size.width);
  const across = (side: Side) =>
    side === 'top' || side === 'bottom' ? size.width <= viewport.width - 2 * margin : size.height <= viewport.height - 2 * margin;

  const order: Side[] = [preferred, OPPOSITE[preferred], ...CROSS[preferred]];
  let side = order.find((s) => room[s] >= need(s) && across(s));
  const fits = side !== undefined;
  if (!side) side = order.reduce((best, s) => (room[s] - need(s) > room[best] - need(best) ? s : best), preferred);

  const maxX = viewport.width - margin - size.width;
  const maxY = viewport.height - margin - size.height;
  let x: number;
  let y: number;
  if (side === 'top' || side === 'bottom') {
    x = clamp(target.x + target.width / 2 - size.width / 2, margin, maxX);
    y = clamp(side === 'bottom' ? bottom + gap : target.y - gap - size.height, margin, maxY);
  } else {
    y = clamp(target.y + target.height / 2 - size.height / 2, margin, maxY);
    x = clamp(side === 'right' ? right + gap : target.x - gap - size.width, margin, maxX);
  }

  // The arrow follows the target's centre along the callout's edge, without leaving the edge.
  const along =
    side === 'top' || side === 'bottom'
      ? clamp(target.x + target.width / 2 - x, inset, size.width - inset)
      : clamp(target.y + target.height / 2 - y, inset, size.height - inset);
  const arrow = Number.isFinite(along) ? along : 0;
  return { x, y, side, arrow, fits };
}

/** Whether two rects differ by more than `epsilon` on any edge. */
export function rectChanged(a: Rect | null, b: Rect | null, epsilon = 0.01): boolean {
  if (a === b) return false;
  if (!a || !b) return true;
  return (
    Math.abs(a.x - b.x) > epsilon ||
    Math.abs(a.y - b.y) > epsilon ||
    Math.abs(a.width - b.width) > epsilon ||
    Math.abs(a.height - b.height) > epsilon
  );
}
