import type { BrowserContext } from 'playwright-core';
import { demoExtensionDir, launchWithExtension } from '../../demo/launch-chromium';
import { showcaseOpportunityId } from '../../demo/org/seed-data';
import { launchBench } from './support/bench-browser';
import { demoControl, listPath, mainThreadIdle, recordPath, signIn, startOrg } from './support/demo-org';
import { median, round } from './support/figure';
import { rendererMainThreads, startTrace, type TraceEvent, taskNames } from './support/main-thread-trace';

/**
 * `npm run bench:page-profile` (after `npx wxt build --mode demo`): where the main-thread time
 * Precall adds to a page load goes. Loads the record page (or, with `PROFILE_PAGE=list`, the
 * 500-row list) with Precall and without it, in turn, under a DevTools timeline trace, and prints
 * the median thread time of each kind of work on the page's main thread: style, layout, paint,
 * and script by origin (Precall's content script, the page's own). The kinds that grow with
 * Precall on are what it costs; `PROFILE_EXTENSION=dir` measures another build.
 */
const loads = Number(process.env.PROFILE_ROUNDS ?? 7);
const list = process.env.PROFILE_PAGE === 'list';
const path = list ? listPath : recordPath(showcaseOpportunityId);
const active = 'div.windowViewMode-normal.active';
const ready = list
  ? `${active} lst-customized-datatable tbody tr[data-row-key-value]`
  : `${active} button:text-is("Edit")`;
const readyWithPrecall = list ? `${active} precall-badge[data-status]` : '[data-precall-launcher] [data-precall-tab]';
const extensionDir = process.env.PROFILE_EXTENSION ?? demoExtensionDir;

/** Kinds of main-thread work, by trace event name; script split by where it comes from. */
function kindOf(event: TraceEvent): string | null {
  switch (event.name) {
    case 'Layout':
      return 'layout';
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
      return 'style';
    case 'Paint':
    case 'PaintImage':
    case 'Layerize':
    case 'PrePaint':
      return 'paint';
    case 'EvaluateScript':
    case 'FunctionCall':
    case 'TimerFire':
    case 'FireAnimationFrame':
    case 'EventDispatch':
    case 'V8.Execute':
    case 'RunMicrotasks':
    case 'FireIdleCallback': {
      const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
      return url.startsWith('chrome-extension://') ? `script ${url.split('/').slice(3).join('/')}` : 'script (page)';
    }
    case 'ParseHTML':
      return 'parse html';
    default:
      return null;
  }
}

/** Thread time by kind, each event counted once: nested events of the same kind are inside their parent's. */
function byKind(events: TraceEvent[]): Map<string, number> {
  const mainThreads = rendererMainThreads(events);
  const perThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !mainThreads.has(thread)) continue;
    const list = perThread.get(thread) ?? [];
    list.push(event);
    perThread.set(thread, list);
  }
  let busiest = new Map<string, number>();
  let busiestTotal = -1;
  for (const threadEvents of perThread.values()) {
    threadEvents.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const totals = new Map<string, number>();
    // Open events of a counted kind: a nested event is counted only when no counted event encloses it.
    const open: { end: number; kind: string }[] = [];
    let all = 0;
    let taskEnd = 0;
    for (const event of threadEvents) {
      const end = event.ts + (event.dur ?? 0);
      if (taskNames.has(event.name) && event.ts >= taskEnd) {
        taskEnd = end;
        all += event.tdur ?? event.dur ?? 0;
      }
      const kind = kindOf(event);
      if (!kind) continue;
      while (open.length > 0 && (open.at(-1)?.end ?? 0) <= event.ts) open.pop();
      const parent = open.at(-1);
      // Style and layout forced inside a script belong to that script's kind with a suffix.
      if (parent) {
        if (parent.kind.startsWith('script') && !kind.startsWith('script')) {
          const forced = `${parent.kind} → forced ${kind}`;
          totals.set(forced, (totals.get(forced) ?? 0) + (event.tdur ?? event.dur ?? 0));
        }
        continue;
      }
      open.push({ end, kind });
      totals.set(kind, (totals.get(kind) ?? 0) + (event.tdur ?? event.dur ?? 0));
    }
    totals.set('all tasks', all);
    for (const event of threadEvents) {
      const data = event.args?.data;
      if (!calls || !(data?.url ?? '').startsWith('chrome-extension://')) continue;
      const name = `calls: ${event.name} ${data?.functionName || data?.type || ''}:${data?.lineNumber ?? ''}`;
      totals.set(name, (totals.get(name) ?? 0) + (event.tdur ?? event.dur ?? 0));
      totals.set(`${name} (count)`, (totals.get(`${name} (count)`) ?? 0) + 1000);
    }
    if (all > busiestTotal) {
      busiestTotal = all;
      busiest = totals;
    }
  }
  return busiest;
}

async function traceLoad(context: BrowserContext, selectors: string[]): Promise<Map<string, number>> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp, ['toplevel', 'devtools.timeline', 'v8.execute']);
  await page.goto(`${org.url}${path}`);
  for (const selector of selectors) await page.locator(selector).first().waitFor({ timeout: 30_000 });
  await mainThreadIdle(page);
  const events = await stop();
  await page.close();
  return byKind(events);
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}

/** Self time of Precall's functions over a load (a V8 CPU profile); native work is put on the Precall function that called it. */
async function profileLoad(context: BrowserContext, selectors: string[], into: Map<string, number>): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${org.url}${path}`);
  for (const selector of selectors) await page.locator(selector).first().waitFor({ timeout: 30_000 });
  await mainThreadIdle(page);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };
  };
  await page.close();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const owner = (id: number): string | null => {
    let native = false;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      if (frame.url.startsWith('chrome-extension://')) {
        const name = `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
        return native ? `${name} → native` : name;
      }
      if (frame.url) return null;
      native = true;
    }
    return null;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const name = owner(samples[index] as number);
    if (name) into.set(name, (into.get(name) ?? 0) + (deltas[index + 1] ?? 0) / 1000 / loads);
  }
}

const functions = Number(process.env.PROFILE_FUNCTIONS ?? 0);
/** `PROFILE_CALLS=1` adds Precall's calls from the page (callbacks, timers, listeners) by function, with their count. */
const calls = process.env.PROFILE_CALLS === '1';
const org = await startOrg();
// As the page-cost bench has it.
await demoControl(org, 'POST', 'seed', { opportunities: 500, owners: ['riley@precall.demo'] });
const withPrecall = await launchWithExtension(extensionDir);
const without = await launchBench([]);
try {
  for (const context of [withPrecall.context, without.context]) {
    const page = await context.newPage();
    await signIn(page, org, 'riley@precall.demo', path);
    await page.close();
  }
  const on: Map<string, number>[] = [];
  const off: Map<string, number>[] = [];
  await traceLoad(withPrecall.context, [ready, readyWithPrecall]);
  await traceLoad(without.context, [ready]);
  for (let n = 0; n < loads; n++) {
    on.push(await traceLoad(withPrecall.context, [ready, readyWithPrecall]));
    off.push(await traceLoad(without.context, [ready]));
  }
  const kinds = new Set([...on, ...off].flatMap((totals) => [...totals.keys()]));
  const medianOf = (series: Map<string, number>[], kind: string) =>
    median(series.map((t) => (t.get(kind) ?? 0) / 1000));
  const rows = [...kinds]
    .map((kind) => ({ kind, on: medianOf(on, kind), off: medianOf(off, kind) }))
    .sort((a, b) => b.on - b.off - (a.on - a.off));
  console.log(`${list ? 'list view of 500' : 'record page'}: median thread time of ${loads} loads each, ms`);
  console.log(`${'kind'.padEnd(60)} ${'on'.padStart(8)} ${'off'.padStart(8)} ${'added'.padStart(8)}`);
  for (const row of rows) {
    console.log(
      `${row.kind.slice(0, 60).padEnd(60)} ${String(round(row.on)).padStart(8)} ${String(round(row.off)).padStart(8)} ${String(round(row.on - row.off)).padStart(8)}`,
    );
  }
  if (functions > 0) {
    const own = new Map<string, number>();
    for (let n = 0; n < loads; n++) await profileLoad(withPrecall.context, [ready, readyWithPrecall], own);
    console.log(`\nPrecall's costliest functions by self time, mean ms per load (sampled, ${loads} loads):`);
    for (const [name, ms] of [...own].sort((a, b) => b[1] - a[1]).slice(0, functions)) {
      console.log(`${String(round(ms)).padStart(8)}  ${name}`);
    }
  }
} finally {
  await withPrecall.close();
  await without.close();
  await org.close();
}
