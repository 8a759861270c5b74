/**
 * Where a page's time goes until its mark: a Chromium trace (CDP `Tracing`, devtools.timeline categories)
 * of one load, summed up on the renderer's main thread. Used by scripts/bench.mjs (`BENCH_TRACE=1`).
 *
 * The main thread's time from navigation to the mark is split by what ran there (self time of the
 * trace's slices: a function call's time without the layout it forced, which is counted as layout), and
 * the rest is idle: waiting for the network, a font, a frame or another process; `cpu` is the main
 * thread's processor time over the same span (unthrottled work, less noisy). The resources fetched
 * before the mark are listed with when their response ended.
 */

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline.frame', 'blink', 'v8'];

/** What each trace slice is counted as; slices not listed count for their parent (or « other »). */
const KINDS = {
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'v8.produceModuleCache': 'compile',
  'v8.produceCache': 'compile',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  RunMicrotasks: 'script',
  'V8.GCScavenger': 'GC',
  MinorGC: 'GC',
  MajorGC: 'GC',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  PaintImage: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  'Decode Image': 'paint',
  HitTest: 'other',
};

/** Loads `url` in a fresh context, CPU slowed down `rate`×, traced until `mark`; the summary. */
export async function traceLoad(browser, url, mark, rate = 4) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await cdp.send('Runtime.evaluate', {
    expression: `new Promise((resolve) => new PerformanceObserver((list, o) => { if (list.getEntriesByName(${JSON.stringify(mark)})[0]) { o.disconnect(); resolve(); } }).observe({ type: 'mark', buffered: true }))`,
    awaitPromise: true,
  });
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  // BENCH_TRACE_SAVE=dir keeps the whole trace, for Chromium's Performance panel.
  if (process.env.BENCH_TRACE_SAVE) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    // The directory is made if need be; a page is named after its path (`_` for the landing page).
    mkdirSync(process.env.BENCH_TRACE_SAVE, { recursive: true });
    writeFileSync(`${process.env.BENCH_TRACE_SAVE}/${new URL(url).pathname.replace(/\W+/g, '_') || 'page'}.json`, JSON.stringify({ traceEvents: events }));
  }
  return summarize(events, mark, new URL(url).origin);
}

/** The main thread's time by kind, from navigation start to the mark (ms of the throttled run). */
export function summarize(events, mark, origin) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === mark));
  if (!main) throw new Error(`no renderer main thread with the mark ${mark} in the trace`);
  const { pid, tid } = main;
  const start = events.find((e) => e.pid === pid && e.name === 'navigationStart')?.ts ?? Math.min(...events.filter((e) => e.pid === pid && e.ts > 0).map((e) => e.ts));
  const end = events.find((e) => e.pid === pid && e.name === mark).ts;
  // Complete slices of the main thread (X, or B/E paired), within [start, end].
  const slices = [];
  const open = [];
  for (const e of events.filter((x) => x.pid === pid && x.tid === tid).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur) slices.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? 0 });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) slices.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  slices.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const byKind = {};
  const byName = {};
  const add = (kind, us, name) => {
    byKind[kind] = (byKind[kind] ?? 0) + us;
    if (kind === 'other') byName[name] = (byName[name] ?? 0) + us;
  };
  // Walk the nesting: each instant is counted for the innermost slice with a known kind.
  const stack = [];
  let busy = 0;
  let cpu = 0;
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const s = stack.pop();
      const from = Math.max(s.cursor, start);
      const to = Math.min(s.end, end);
      if (to > from) add(s.kind, to - from, s.name);
      if (stack.length) stack[stack.length - 1].cursor = s.end;
    }
  };
  for (const s of slices) {
    if (s.end <= start || s.ts >= end) continue;
    close(s.ts);
    const parent = stack[stack.length - 1];
    if (parent) {
      const from = Math.max(parent.cursor, start);
      const to = Math.min(s.ts, end);
      if (to > from) add(parent.kind, to - from, parent.name);
      parent.cursor = s.ts;
    } else {
      busy += Math.min(s.end, end) - Math.max(s.ts, start);
      // The thread's own processor time (the trace's tdur): without the pauses of the 4× slowdown nor the
      // time other processes of the machine took, the work done, unthrottled (slices across the mark: in part).
      cpu += s.cpu * Math.min(1, Math.max(0, (Math.min(s.end, end) - Math.max(s.ts, start)) / (s.end - s.ts)));
    }
    stack.push({ ...s, kind: KINDS[s.name] ?? parent?.kind ?? 'other', cursor: s.ts });
  }
  close(Infinity);
  const ms = (us) => Math.round(us / 100) / 10;
  const others = Object.fromEntries(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => [k, ms(v)]));
  const kinds = Object.fromEntries(Object.entries(byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)]));
  // Resources: when each one's response ended, relative to navigation.
  const requests = new Map();
  for (const e of events.filter((x) => x.name?.startsWith('Resource'))) {
    const id = e.args?.data?.requestId;
    if (!id) continue;
    if (e.name === 'ResourceSendRequest') requests.set(id, { url: e.args.data.url, sent: e.ts });
    if (e.name === 'ResourceFinish' && requests.has(id)) requests.get(id).finished = e.ts;
  }
  const resources = [...requests.values()]
    .filter((r) => r.sent < end && new URL(r.url).origin === origin)
    .map((r) => ({ path: new URL(r.url).pathname, sent: ms(r.sent - start), finished: r.finished ? ms(r.finished - start) : null }));
  const frames = events.filter((e) => e.pid === pid && e.name === 'Paint' && e.ts >= start && e.ts <= end).length;
  return { total: ms(end - start), busy: ms(busy), idle: ms(end - start - busy), cpu: ms(cpu), kinds, others, paints: frames, resources };
}
