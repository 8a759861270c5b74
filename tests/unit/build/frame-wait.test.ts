import { describe, expect, it } from 'vitest';
import { formatFrameWait, frameWait, type FrameRecord } from '../../../scripts/bench/frame-wait.mjs';

/** The benchmark's reading of the wait for the frame (scripts/bench/frame-wait.mjs). */

const FRAME = 1000 / 60;

/**
 * A change whose key came `phase` ms into its frame, whose key's task took `task` ms and whose frame took
 * `draw` ms to paint: drawn by the display's next frame if the task ended before it, else when it ended.
 */
function change(phase: number, task: number, draw = 4): FrameRecord {
  const frame = Math.max(FRAME - phase, task);
  return { phase, frame, ms: frame + draw };
}

describe('the wait for the frame, read from the step changes', () => {
  it('finds every change drawn in the display’s next frame when the key’s tasks end before it', () => {
    const records = Array.from({ length: 20 }, (_, i) => change((i * 0.6) % 12, 3));
    const figures = frameWait(records);
    expect(figures.nextFrameShare).toBe(1);
    // Nothing missed its frame: a shorter task would not paint anything sooner.
    for (const w of figures.whatIf) expect(w.p95).toBe(figures.p95);
  });

  it('reads the key’s task from the keys late in their frame', () => {
    // Keys at 0, 2, … 14 ms into their frame, each task 14 ms long: the keys at 0 and 2 ms had their next frame
    // after the task's end; the others waited for it.
    const records = Array.from({ length: 8 }, (_, i) => change(i * 2, 14));
    const figures = frameWait(records);
    expect(figures.nextFrameShare).toBe(2 / 8);
    // Keys at 10, 12 and 14 ms: their frame came when the task ended.
    expect(figures.late).toBe(3);
    expect(figures.taskEnd).toBe(14);
  });

  it('paints a change that missed its frame sooner with a shorter task, never before the next frame', () => {
    // A key 12 ms into its frame (the next one 4.7 ms away), its task 14 ms: painted at 18.
    const one = frameWait([change(12, 14)], { cuts: [2, 8, 20] });
    expect(one.p95).toBe(18);
    const p95 = Object.fromEntries(one.whatIf.map((w) => [w.cut, w.p95]));
    expect(p95[2]).toBe(16);
    expect(p95[8]).toBe(10);
    expect(p95[20]).toBeCloseTo(FRAME - 12 + 4, 5);
    // Tasks of 18 ms: every change missed its frame; the p95 is the slowest, the key at the frame's start.
    const all = frameWait(Array.from({ length: 8 }, (_, i) => change(i * 2, 18)), { cuts: [2, 8] });
    expect(all.nextFrameShare).toBe(0);
    expect(all.p95).toBe(22);
    for (const w of all.whatIf) expect(w.p95).toBeCloseTo(FRAME + 4, 5);
  });

  it('says so when no key came late in its frame, and when there is no record', () => {
    expect(frameWait([change(1, 3)]).taskEnd).toBeNull();
    const none = frameWait([]);
    expect(none.nextFrameShare).toBe(0);
    expect(none.p95).toBeNull();
    expect(none.whatIf.every((w) => w.p95 === null)).toBe(true);
  });

  it('prints one sentence with the app’s figures beside the others’', () => {
    const app = frameWait(Array.from({ length: 8 }, (_, i) => change(i * 2, 14)));
    const deck = frameWait(Array.from({ length: 8 }, (_, i) => change(i * 2, 7)));
    const text = formatFrameWait(app, [{ name: 'reveal.js', figures: deck }]);
    expect(text).toContain("drawn in the display's next frame after the key: 25 % of the app's changes (reveal.js 75 %)");
    expect(text).toContain("the later of the display's next frame and the key's task's end, median 14.0 ms after the key (reveal.js 7.0 ms)");
    expect(text).toContain("the app's p95 (20.7 ms) were every key's task that outlasted its frame shorter by 2 ms: 20.7, 4 ms: 20.7, 8 ms: 20.7");
  });
});
