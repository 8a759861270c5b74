/**
 * The overlay's work in an animation frame, in two phases shared by all its parts: first every read
 * (the anchors measure their targets), then every write (the callouts are placed).
 *
 * Each part asking for a frame of its own made the frame that draws a new step lay the page out once per
 * part: an anchor measured (a layout), its host re-rendered and placed its callouts (writes, then a layout
 * to read their sizes), then the next anchor measured again after those writes (one more layout), and so
 * on. Here all the reads of a frame come first, in one callback, so the page is laid out once for them; the
 * host's update they ask for runs in the microtasks right after that callback, then the writes' callback.
 *
 * The two callbacks are asked for together, when the first piece of work of a frame is: they run next to
 * each other, reads first, whatever order the work was asked in.
 */

type FrameWork = (time: number) => void;

const reads = new Set<FrameWork>();
const writes = new Set<FrameWork>();
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(runReads);
  requestAnimationFrame(runWrites);
}

function run(queue: Set<FrameWork>, time: number): void {
  const batch = [...queue];
  queue.clear();
  for (const work of batch) {
    try {
      work(time);
    } catch (error) {
      // One part's failure must not keep the others from their frame; it is reported as any callback's would be.
      reportError(error);
    }
  }
}

function runReads(time: number): void {
  run(reads, time);
}

function runWrites(time: number): void {
  scheduled = false;
  run(writes, time);
  // Work asked for during this frame's callbacks goes to the next frame.
  if (reads.size > 0 || writes.size > 0) schedule();
}

/** Runs `work` in the next frame's read phase (once, however many times it is asked for before). */
export function readInNextFrame(work: FrameWork): void {
  reads.add(work);
  schedule();
}

/** Runs `work` in the next frame's write phase, after every read of that frame and the updates they asked for. */
export function writeInNextFrame(work: FrameWork): void {
  writes.add(work);
  schedule();
}

/**
 * Runs now, in this task, the work asked for the next frame: its reads, then its writes (the updates the
 * reads ask for run in the microtasks after this call, as they do after the frame's callbacks; a write that
 * waits for one of them is done by it). The frame, when it comes, has that much less to do.
 */
export function runFrameWorkNow(): void {
  if (!scheduled) return;
  const time = performance.now();
  run(reads, time);
  run(writes, time);
}

/** Takes back work asked for with readInNextFrame or writeInNextFrame. */
export function cancelFrameWork(work: FrameWork): void {
  reads.delete(work);
  writes.delete(work);
}

/** Whether `work` waits for the next frame. */
export function awaitsFrame(work: FrameWork): boolean {
  return reads.has(work) || writes.has(work);
}
