/**
 * What kind of change each step change of the pas à pas is, to read the benchmark's step changes by kind:
 * where a p95 comes from (issue #6's budget is a p95 over all of them).
 *
 * - `same-screen`: from a step of the site to another on the same screen (the overlay moves, a field fills);
 * - `new-screen`: from a step of the site to one on another screen of the site (a form sent, a link);
 * - `journey`: to the first step of another journey (the world set up again, then its first step drawn);
 * - `to-slide`: to a slide of the same journey;
 * - `slide-to-site`: from a slide to the site's first step of its journey.
 */

/** The kinds, in the order they are printed. */
export const CHANGE_KINDS = ['same-screen', 'new-screen', 'journey', 'to-slide', 'slide-to-site'];

/** Their names in the benchmark's output. */
export const CHANGE_KIND_NAMES = {
  'same-screen': 'on the same screen',
  'new-screen': 'to another screen',
  journey: "to another journey's start",
  'to-slide': 'to a slide',
  'slide-to-site': 'from a slide to the site',
};

/**
 * The kind of the change from the step `fromId` to `toId` among the scenario's `steps` (as in its YAML:
 * `id`, `journey`, `slide` or `screen`); null when either is not one of them.
 */
export function changeKind(steps, fromId, toId) {
  const from = steps.find((s) => s.id === fromId);
  const to = steps.find((s) => s.id === toId);
  if (!from || !to) return null;
  if (from.journey !== to.journey) return 'journey';
  if (to.slide) return 'to-slide';
  if (from.slide) return 'slide-to-site';
  return from.screen === to.screen ? 'same-screen' : 'new-screen';
}

/** The `p`th percentile of `xs` (nearest rank, as the benchmark's figures). */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * The records (`{ ms, from, now }`) by kind of change: count, p95 and median of `ms`, and how many of
 * the records at or above the p95 of them all are of that kind. Kinds without a record are left out;
 * records whose steps are unknown count as `other`.
 */
export function byChangeKind(records, steps) {
  const all = records.map((r) => r.ms);
  const cut = all.length ? percentile(all, 95) : Infinity;
  const groups = new Map();
  for (const r of records) {
    const kind = changeKind(steps, r.from, r.now) ?? 'other';
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind).push(r.ms);
  }
  return [...CHANGE_KINDS, 'other']
    .filter((kind) => groups.has(kind))
    .map((kind) => {
      const ms = groups.get(kind);
      return { kind, count: ms.length, p95: percentile(ms, 95), median: percentile(ms, 50), slowest: ms.filter((m) => m >= cut).length };
    });
}

/** One line: `on the same screen 84 steps, p95 23.7, median 17.9, 2 of the slowest 5 %; …`. */
export function formatByChangeKind(rows) {
  const slowest = rows.reduce((n, r) => n + r.slowest, 0);
  return rows
    .map((r) => `${CHANGE_KIND_NAMES[r.kind] ?? 'other'}: ${r.count} step${r.count === 1 ? '' : 's'}, p95 ${r.p95.toFixed(1)}, median ${r.median.toFixed(1)}, ${r.slowest} of the ${slowest} slowest`)
    .join('; ');
}
