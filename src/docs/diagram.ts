import type { AnyStateMachine, AnyStateNode } from 'xstate';

/**
 * Statechart diagrams written as SVG by hand (no graphviz on the machines that build the docs): the
 * machine's states as boxes nested in their parent's box, laid out in layers from the initial state,
 * and its transitions as arrows labelled with their events.
 */

export interface DiagramTransition {
  /** Readable event name: `SUBMIT`, `always`, `after demoDelay`, `done: identify`, `error: identify`. */
  event: string;
  /** Full ids of the target states (empty: a transition that only runs actions). */
  targets: string[];
  guard?: string;
}

export interface DiagramState {
  /** Full id, e.g. `site.screens.identify.editing`. */
  id: string;
  key: string;
  initial?: string;
  type: string;
  children: DiagramState[];
  transitions: DiagramTransition[];
}

function eventName(raw: string): string {
  if (raw.startsWith('xstate.after.')) return `after ${raw.slice('xstate.after.'.length).split('.')[0] ?? ''}`;
  if (raw.startsWith('xstate.done.actor.')) return `done: ${shortActor(raw.slice('xstate.done.actor.'.length))}`;
  if (raw.startsWith('xstate.error.actor.')) return `error: ${shortActor(raw.slice('xstate.error.actor.'.length))}`;
  if (raw.startsWith('xstate.done.state.')) return 'done';
  return raw;
}

/** Invoked actors without an id get a generated `0.tutorial.session…` one: keep what names it. */
function shortActor(id: string): string {
  return /^\d+\./.test(id) ? 'invoke' : id;
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return undefined;
}

/** The machine's tree of states and transitions, read from `machine.root`. */
export function describeMachine(machine: AnyStateMachine): DiagramState {
  const walk = (node: AnyStateNode): DiagramState => {
    const transitions: DiagramTransition[] = [];
    for (const [raw, defs] of node.transitions) {
      for (const def of defs) {
        const guard = guardName(def.guard);
        transitions.push({ event: eventName(raw), targets: (def.target ?? []).map((t: AnyStateNode) => t.id), ...(guard ? { guard } : {}) });
      }
    }
    for (const def of node.always ?? []) {
      const guard = guardName(def.guard);
      transitions.push({ event: 'always', targets: (def.target ?? []).map((t: AnyStateNode) => t.id), ...(guard ? { guard } : {}) });
    }
    const children = Object.values(node.states as Record<string, AnyStateNode>).map(walk);
    const initialKey = node.config.initial;
    return {
      id: node.id,
      key: node.key,
      type: node.type,
      ...(typeof initialKey === 'string' ? { initial: initialKey } : {}),
      children,
      transitions,
    };
  };
  return walk(machine.root);
}

/** Every state id of the tree, depth first. */
export function stateIds(root: DiagramState): string[] {
  return [root.id, ...root.children.flatMap(stateIds)];
}

// ---------------------------------------------------------------------------------------------------
// Layout

interface Box {
  state: DiagramState;
  x: number;
  y: number;
  w: number;
  h: number;
  children: Box[];
  /** Lines listed inside a leaf: its transitions that stay in it. */
  notes: string[];
}

const CHAR_W = 7;
const LINE_H = 15;
const PAD = 14;
const HEADER = 24;
const GAP_X = 150;
const GAP_Y = 96;
const MAX_ROW_W = 1500;

const isInside = (id: string, ancestor: string) => id === ancestor || id.startsWith(`${ancestor}.`);

/** All transitions of a subtree, with the id of the state that owns each. */
function allTransitions(state: DiagramState): Array<{ from: string; t: DiagramTransition }> {
  return [...state.transitions.map((t) => ({ from: state.id, t })), ...state.children.flatMap(allTransitions)];
}

/** Children in layers: breadth-first distance from the initial child along the transitions between them. */
function layers(state: DiagramState): DiagramState[][] {
  const kids = state.children;
  const childOf = (id: string) => kids.find((k) => isInside(id, k.id));
  const edges = new Map<string, Set<string>>();
  for (const { from, t } of allTransitions(state)) {
    const a = childOf(from);
    for (const target of t.targets) {
      const b = childOf(target);
      if (a && b && a !== b) (edges.get(a.id) ?? edges.set(a.id, new Set()).get(a.id)!).add(b.id);
    }
  }
  const depth = new Map<string, number>();
  const first = kids.find((k) => k.key === state.initial) ?? kids[0];
  const queue: string[] = [];
  if (first) {
    depth.set(first.id, 0);
    queue.push(first.id);
  }
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of edges.get(id) ?? []) {
      if (depth.has(next)) continue;
      depth.set(next, depth.get(id)! + 1);
      queue.push(next);
    }
  }
  const last = Math.max(-1, ...depth.values());
  const out: DiagramState[][] = [];
  // States no transition reaches (entered from outside, or by a parent's event) go in a final row.
  for (const k of kids) (out[depth.get(k.id) ?? last + 1] ??= []).push(k);
  return out.filter((row) => row.length > 0);
}

/** A transition drawn as text in its state's box rather than as an arrow. */
function isNoted(from: string, to: string): boolean {
  return isInside(from, to) || isInside(to, from);
}

/**
 * Lines listed in a state's box: transitions that only run actions (·), that re-enter the state (↺),
 * or that go to one of its ancestors or descendants (→ name): as arrows they would cross every box.
 */
function selfNotes(state: DiagramState): string[] {
  const notes: string[] = [];
  for (const t of state.transitions) {
    const label = `${t.event}${t.guard ? ` [${t.guard}]` : ''}`;
    if (t.targets.length === 0) notes.push(`· ${label}`);
    for (const to of t.targets) {
      if (to === state.id) notes.push(`↺ ${label}`);
      else if (isNoted(state.id, to)) notes.push(`${label} → ${to.split('.').pop() ?? to}`);
    }
  }
  return [...new Set(notes)];
}

function measure(state: DiagramState): Box {
  const notes = selfNotes(state);
  const title = state.key;
  const textW = Math.max(title.length + 2, ...notes.map((n) => n.length)) * CHAR_W + PAD * 2;
  if (state.children.length === 0) {
    return { state, x: 0, y: 0, w: Math.max(90, textW), h: HEADER + notes.length * LINE_H + 10, children: [], notes };
  }
  const rows: Box[][] = [];
  for (const layer of layers(state)) {
    let row: Box[] = [];
    let rowW = 0;
    for (const child of layer.map(measure)) {
      if (row.length && rowW + child.w > MAX_ROW_W) {
        rows.push(row);
        row = [];
        rowW = 0;
      }
      row.push(child);
      rowW += child.w + GAP_X;
    }
    rows.push(row);
  }
  const notesH = notes.length * LINE_H;
  let y = HEADER + notesH + PAD;
  let width = textW;
  for (const row of rows) {
    const rowH = Math.max(...row.map((b) => b.h));
    const rowW = row.reduce((s, b) => s + b.w, 0) + GAP_X * (row.length - 1);
    width = Math.max(width, rowW + PAD * 2);
    let x = PAD;
    for (const b of row) {
      b.x = x;
      b.y = y + (rowH - b.h) / 2;
      x += b.w + GAP_X;
    }
    y += rowH + GAP_Y;
  }
  // Centre each row in the parent's width.
  for (const row of rows) {
    const rowW = row.reduce((s, b) => s + b.w, 0) + GAP_X * (row.length - 1);
    const shift = (width - PAD * 2 - rowW) / 2;
    for (const b of row) b.x += shift;
  }
  return { state, x: 0, y: 0, w: width, h: y - GAP_Y + PAD, children: rows.flat(), notes };
}

function absolute(box: Box, ox: number, oy: number, out: Map<string, Box>): void {
  box.x += ox;
  box.y += oy;
  out.set(box.state.id, box);
  for (const c of box.children) absolute(c, box.x, box.y, out);
}

// ---------------------------------------------------------------------------------------------------
// SVG

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = ['#0c419a', '#b3303f', '#1d7a4e', '#8a4bb3', '#b36b00', '#00758f', '#5a5f73'];

function colorOf(s: string): string {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/** Where the segment from the box's centre towards (tx, ty) leaves the box. */
function border(b: Box, tx: number, ty: number): [number, number] {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

export function renderSvg(root: DiagramState, title: string): string {
  const top = measure(root);
  const boxes = new Map<string, Box>();
  absolute(top, 20, 50, boxes);
  const parts: string[] = [];
  const drawBox = (b: Box, depth: number): void => {
    const s = b.state;
    const fill = s.children.length ? (depth % 2 ? '#f3f6fd' : '#ffffff') : '#e7ecfa';
    const dash = s.type === 'final' ? ' stroke-width="3"' : '';
    parts.push(`<g data-state="${esc(s.id)}">`);
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="${fill}" stroke="#0c419a"${dash}/>`);
    parts.push(`<text x="${b.x + PAD}" y="${b.y + 17}" class="name">${esc(s.key)}</text>`);
    b.notes.forEach((n, i) => parts.push(`<text x="${b.x + PAD}" y="${b.y + HEADER + 10 + i * LINE_H}" class="note">${esc(n)}</text>`));
    const initial = b.children.find((c) => c.state.key === s.initial);
    if (initial) {
      // The initial child: a dot with an arrow into it.
      const ix = initial.x - 18;
      const iy = initial.y + 14;
      parts.push(`<circle cx="${ix}" cy="${iy}" r="5" fill="#262939"/><line x1="${ix + 5}" y1="${iy}" x2="${initial.x - 2}" y2="${iy}" stroke="#262939" marker-end="url(#arrow-262939)"/>`);
    }
    parts.push('</g>');
    for (const c of b.children) drawBox(c, depth + 1);
  };
  drawBox(top, 0);

  // One arrow per (source, target) pair, its events listed on it.
  const pairs = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const { from, t } of allTransitions(root)) {
    for (const to of t.targets) {
      if (to === from || isNoted(from, to)) continue;
      const key = `${from}→${to}`;
      const label = `${t.event}${t.guard ? ` [${t.guard}]` : ''}`;
      const entry = pairs.get(key) ?? pairs.set(key, { from, to, labels: [] }).get(key)!;
      if (!entry.labels.includes(label)) entry.labels.push(label);
    }
  }
  const used = new Set<string>();
  const arrows: string[] = [];
  const labels: string[] = [];
  for (const { from, to, labels: names } of pairs.values()) {
    const a = boxes.get(from);
    const b = boxes.get(to);
    if (!a || !b) continue;
    const color = colorOf(from + to);
    used.add(color.slice(1));
    const [x1, y1] = border(a, b.x + b.w / 2, b.y + b.h / 2);
    const [x2, y2] = border(b, a.x + a.w / 2, a.y + a.h / 2);
    // Bend to the left of the direction of travel: A→B and B→A stay apart, and so do their labels.
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const bend = Math.max(28, len * 0.12);
    const mx = (x1 + x2) / 2 + ((y2 - y1) / len) * bend;
    const my = (y1 + y2) / 2 - ((x2 - x1) / len) * bend;
    arrows.push(
      `<path d="M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}" fill="none" stroke="${color}" stroke-width="1.4" marker-end="url(#arrow-${color.slice(1)})"><title>${esc(`${from} → ${to}: ${names.join(', ')}`)}</title></path>`,
    );
    const lx = (x1 + 2 * mx + x2) / 4;
    const ly = (y1 + 2 * my + y2) / 4;
    // Labels grow away from the arrow, on the side it bends to: the return arrow's go the other way.
    const side = (y2 - y1) / len;
    const anchor = side > 0.3 ? 'start' : side < -0.3 ? 'end' : 'middle';
    names.forEach((n, i) => {
      labels.push(`<text x="${lx.toFixed(1)}" y="${(ly + i * 12).toFixed(1)}" class="event" text-anchor="${anchor}" fill="${color}">${esc(n)}</text>`);
    });
  }
  used.add('262939');
  const width = Math.ceil(Math.max(top.w + 40, title.length * 10 + 40));
  const height = Math.ceil(top.h + 70);
  const markers = [...used]
    .map((c) => `<marker id="arrow-${c}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#${c}"/></marker>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Open Sans, DejaVu Sans, sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<defs>${markers}</defs>`,
    '<style>.name{font-size:13px;font-weight:700;fill:#262939}.note{font-size:11px;fill:#495574}.event{font-size:10.5px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}</style>',
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="30" font-size="18" font-weight="700" fill="#0c419a">${esc(title)}</text>`,
    ...parts,
    ...arrows,
    ...labels,
    '</svg>',
    '',
  ].join('\n');
}
