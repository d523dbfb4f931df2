import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: what the thread itself ran, without the time the OS gave other processes. */
  tdur?: number;
  args?: {
    name?: string;
    data?: { url?: string; scriptName?: string; functionName?: string; lineNumber?: number; type?: string };
  };
}

export const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Starts a DevTools trace of the given categories on this page's browser; the function it
 * returns stops it and answers the trace's events.
 */
export async function startTrace(cdp: CDPSession, categories: readonly string[]): Promise<() => Promise<TraceEvent[]>> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: [...categories, '__metadata'] },
  });
  return async () => {
    const complete = new Promise<string>((resolve) =>
      cdp.once('Tracing.tracingComplete', (event) => resolve(String(event.stream))),
    );
    await cdp.send('Tracing.end');
    return readTrace(cdp, await complete);
  };
}

/** Starts a DevTools trace of top-level tasks (with their thread time) on this page's browser. */
export async function startMainThreadTrace(cdp: CDPSession): Promise<() => Promise<number>> {
  const stop = await startTrace(cdp, ['toplevel']);
  return async () => mainThreadMs(await stop());
}

async function readTrace(cdp: CDPSession, handle: string): Promise<TraceEvent[]> {
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The thread time of the busiest renderer main thread (the page's): its top-level tasks summed,
 * nested tasks counted once. Thread time, unlike the wall time of `Performance.getMetrics`, does
 * not grow when the machine gives the renderer's core to another process mid-task.
 */
export function mainThreadMs(events: readonly TraceEvent[]): number {
  const mainThreads = rendererMainThreads(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !taskNames.has(event.name) || !mainThreads.has(thread)) continue;
    const tasks = byThread.get(thread) ?? [];
    tasks.push(event);
    byThread.set(thread, tasks);
  }
  let busiest = 0;
  for (const tasks of byThread.values()) {
    tasks.sort((a, b) => a.ts - b.ts);
    let total = 0;
    let end = 0;
    for (const task of tasks) {
      if (task.ts < end) continue;
      end = task.ts + (task.dur ?? 0);
      total += task.tdur ?? task.dur ?? 0;
    }
    busiest = Math.max(busiest, total / 1000);
  }
  return busiest;
}

/** The renderer main threads of a trace, as `pid:tid`. */
export function rendererMainThreads(events: readonly TraceEvent[]): Set<string> {
  return new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
}

interface MeasureEvent extends TraceEvent {
  id2?: { local?: string };
  id?: string;
}

export interface MeasureTrace {
  /**
   * For each measure of a name (in order), the thread time of the page's main-thread tasks that
   * overlap it: the whole task or frame a measured piece of work ran in, with its style, layout
   * and paint, and no time the OS gave other processes.
   */
  threadMs(name: string): number[];
  /** Where each measure of a name begins, in the trace's clock (to order measures of two names). */
  begins(name: string): number[];
  /**
   * The main-thread events of at least `minMs` inside the `index`th measure of a name, nested as
   * they ran (for `BENCH_DEBUG`: where a long frame went; needs the `devtools.timeline` category).
   */
  outline(name: string, index: number, minMs: number): string[];
  /**
   * For each measure of a name, the thread time of the calls into `script` (its file name) that
   * overlap it: that script's own work in the frame, without the style, layout and paint the
   * frame does for the page (needs the `devtools.timeline` category).
   */
  scriptMs(name: string, script: string): number[];
}

/**
 * Starts a DevTools trace of top-level tasks and user-timing measures on this page's browser;
 * the function it returns stops it.
 */
export async function startMeasureTrace(
  cdp: CDPSession,
  moreCategories: readonly string[] = [],
): Promise<() => Promise<MeasureTrace>> {
  const stop = await startTrace(cdp, ['toplevel', 'blink.user_timing', ...moreCategories]);
  return async () => {
    const events = await stop();
    return {
      threadMs: (name) => measureThreadMs(events, name),
      begins: (name) =>
        events
          .filter((event) => event.name === name && event.ph === 'b')
          .map((event) => event.ts)
          .sort((a, b) => a - b),
      outline: (name, index, minMs) => measureOutline(events, name, index, minMs),
      scriptMs: (name, script) => measureScriptMs(events, name, script),
    };
  };
}

interface Span {
  begin: number;
  end: number;
  /** `pid:tid` of the thread the measure was taken on. */
  thread: string;
}

/** Where each measure of a name begins and ends, in order. */
function measureSpans(events: readonly MeasureEvent[], name: string): Span[] {
  const begins = events.filter((event) => event.name === name && event.ph === 'b').sort((a, b) => a.ts - b.ts);
  const ends = events.filter((event) => event.name === name && event.ph === 'e').sort((a, b) => a.ts - b.ts);
  return begins.map((begin, index) => ({
    begin: begin.ts,
    end: ends[index]?.ts ?? begin.ts,
    thread: `${begin.pid}:${begin.tid}`,
  }));
}

/** The thread time of `events` overlapping the span, an event that starts inside one counted being counted once. */
function overlappingMs(events: readonly TraceEvent[], span: Span): number {
  let total = 0;
  let until = 0;
  for (const event of events) {
    const eventEnd = event.ts + (event.dur ?? 0);
    if (event.ts < until || eventEnd < span.begin || event.ts > span.end) continue;
    until = eventEnd;
    total += event.tdur ?? event.dur ?? 0;
  }
  return total / 1000;
}

const onThread = (events: readonly TraceEvent[], thread: string, keep: (event: TraceEvent) => boolean) =>
  events
    .filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === thread && keep(event))
    .sort((a, b) => a.ts - b.ts);

function measureScriptMs(events: readonly MeasureEvent[], name: string, script: string): number[] {
  const spans = measureSpans(events, name);
  const calls = onThread(
    events,
    spans[0]?.thread ?? '',
    (event) => event.name === 'FunctionCall' && (event.args?.data?.url ?? '').endsWith(`/${script}`),
  );
  return spans.map((span) => overlappingMs(calls, span));
}

function measureOutline(events: readonly MeasureEvent[], name: string, index: number, minMs: number): string[] {
  const span = measureSpans(events, name)[index];
  if (!span) return [];
  const inside = onThread(events, span.thread, () => true)
    .filter((event) => event.ts + (event.dur ?? 0) >= span.begin && event.ts <= span.end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const open: number[] = [];
  const lines: string[] = [];
  for (const event of inside) {
    while (open.length > 0 && (open.at(-1) ?? 0) <= event.ts) open.pop();
    open.push(event.ts + (event.dur ?? 0));
    const ms = (event.tdur ?? event.dur ?? 0) / 1000;
    if (ms < minMs) continue;
    const data = event.args?.data;
    const detail = data?.functionName || data?.type || data?.url?.split('/').pop() || '';
    lines.push(`${'  '.repeat(open.length - 1)}${event.name} ${detail} ${ms.toFixed(1)} ms`);
  }
  return lines;
}

export function measureThreadMs(events: readonly MeasureEvent[], name: string): number[] {
  const spans = measureSpans(events, name);
  const tasks = onThread(events, spans[0]?.thread ?? '', (event) => taskNames.has(event.name));
  return spans.map((span) => overlappingMs(tasks, span));
}
