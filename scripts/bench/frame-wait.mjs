/**
 * How long the step changes wait for a frame, and what a shorter key's task would buy, from the benchmark's
 * records of them (`ms`: the key → the frame that draws the step painted; `frame`: the key → that frame's
 * callback; `phase`: the key's time after the start of the display's frame it came in).
 *
 * A change made in its key's task is drawn by the display's next frame, `frameMs − phase` after the key, if
 * the task is over by then; otherwise the frame comes when the task ends (the renderer's frame waits for it).
 * So `frame` is about the later of the two, and:
 * - the share of changes drawn in the display's next frame says how often the key's task was short enough;
 * - for keys late in their frame (the next one at most `frameMs − lateFrom` away), `frame` is the key's task's
 *   end wherever the task outlasted that next frame: for a page whose tasks mostly do, its median is the
 *   page's key's task, as the display sees it;
 * - a change that missed its next frame would be painted `cut` ms sooner with a key's task `cut` ms shorter,
 *   but never before that next frame: the p95 that would give, for each cut.
 */

import { percentile } from './step-kinds.mjs';

/** The display's next frame after the key, in ms from the key. */
const nextFrame = (r, frameMs) => frameMs - r.phase;

/**
 * The figures for `records` (`{ ms, frame, phase }`): `nextFrameShare` (0 to 1), `taskEnd` (median of `frame`
 * for keys late in their frame, with `late` the number of them; null when there is none) and `whatIf`, the p95
 * of `ms` for each of `cuts` (ms taken off every key's task that outlasted its frame).
 */
export function frameWait(records, { frameMs = 1000 / 60, tolerance = 1, lateFrom = 10, cuts = [2, 4, 8] } = {}) {
  const missed = (r) => r.frame > nextFrame(r, frameMs) + tolerance;
  const late = records.filter((r) => r.phase >= lateFrom);
  return {
    count: records.length,
    nextFrameShare: records.length ? records.filter((r) => !missed(r)).length / records.length : 0,
    late: late.length,
    taskEnd: late.length ? percentile(late.map((r) => r.frame), 50) : null,
    p95: records.length ? percentile(records.map((r) => r.ms), 95) : null,
    whatIf: cuts.map((cut) => ({
      cut,
      p95: records.length
        ? percentile(
            records.map((r) => (missed(r) ? Math.max(nextFrame(r, frameMs), r.frame - cut) + (r.ms - r.frame) : r.ms)),
            95,
          )
        : null,
    })),
  };
}

/**
 * One sentence for the benchmark's table: the app's figures, then the others' (`{ name, figures }`) for the
 * share and the key's task.
 */
export function formatFrameWait(app, others) {
  const pct = (x) => `${Math.round(x * 100)} %`;
  const end = (f) => (f.taskEnd === null ? 'none late in their frame' : `${f.taskEnd.toFixed(1)} ms`);
  return (
    `drawn in the display's next frame after the key: ${pct(app.nextFrameShare)} of the app's changes (${others.map((o) => `${o.name} ${pct(o.figures.nextFrameShare)}`).join(', ')}); ` +
    `for keys in the last 6.7 ms of their frame, the frame came at the later of the display's next frame and the key's task's end, median ${end(app)} after the key (${others.map((o) => `${o.name} ${end(o.figures)}`).join(', ')}); ` +
    `the app's p95 (${app.p95 === null ? '-' : app.p95.toFixed(1)} ms) were every key's task that outlasted its frame shorter by ${app.whatIf.map((w) => `${w.cut} ms: ${w.p95 === null ? '-' : w.p95.toFixed(1)}`).join(', ')}`
  );
}
