import { productionExtensionDir } from '../../demo/launch-chromium';
import { writeBareExtension, writeLibraryWorkerExtension } from './support/bare-extension';
import { launchPipeChromium } from './support/pipe-chromium';

/**
 * `npm run bench:worker-profile` (after `npx wxt build`): where a cold start of the worker goes.
 * Traces Chromium while Precall's worker, a bare one and one of Precall's libraries only
 * (support/library-worker) are stopped and woken by a message, in turn, and prints the median of
 * each phase on the worker's thread: isolate set-up, reading the installed script, compiling it
 * (from V8's code cache), its top-level evaluation, the garbage collections within it, and the
 * work after it until the last event (the first message's answer).
 * `PROFILE_FUNCTIONS=n` adds the costliest functions of a start, by self time, from V8's sampler.
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; consumedCacheSize?: number } };
}

const rounds = Number(process.env.PROFILE_ROUNDS ?? 11);
/**
 * `PROFILE_FUNCTIONS=n` then wakes Precall's worker as many times more under V8's sampling
 * profiler and prints its n costliest functions by self time, per start. The profiler attaches
 * before the script runs, and V8 then logs every function it compiles: "(program)" swells
 * tenfold, so read the functions against each other, not against the phases above.
 */
const functions = Number(process.env.PROFILE_FUNCTIONS ?? 0);
/** `PROFILE_EXTENSION=dir` profiles another build (one with source maps, to place the functions). */
const extensionDir = process.env.PROFILE_EXTENSION ?? productionExtensionDir;
const bareDir = await writeBareExtension();
const libraryDir = await writeLibraryWorkerExtension();
const browser = await launchPipeChromium([extensionDir, bareDir, libraryDir]);
try {
  const internalsPage = await browser.open('chrome://extensions-internals');
  const internals = JSON.parse(await browser.evaluate<string>(internalsPage, 'document.body.textContent')) as {
    id: string;
    name: string;
  }[];
  const idOf = (match: (name: string) => boolean) => internals.find((extension) => match(extension.name))?.id ?? '';
  const precallId = idOf((name) => name.startsWith('Precall'));
  const bareId = idOf((name) => name === 'Bare worker');
  const libraryId = idOf((name) => name === 'Library worker');
  const precallPage = await browser.open(`chrome-extension://${precallId}/oauth.html`);
  await browser.evaluate(
    precallPage,
    `new Promise((r) => { const c = () => document.querySelector('[data-oauth-result]') ? r(1) : setTimeout(c, 20); c(); })`,
  );
  const barePage = await browser.open(`chrome-extension://${bareId}/page.html`);
  const libraryPage = await browser.open(`chrome-extension://${libraryId}/page.html`);
  const running = new Map<string, string>();
  browser.on('ServiceWorker.workerVersionUpdated', (params, from) => {
    if (from !== barePage) return;
    for (const version of params.versions as { versionId: string; runningStatus: string }[]) {
      running.set(version.versionId, version.runningStatus);
    }
  });
  await browser.send('ServiceWorker.enable', {}, barePage);
  const ask = async (session: string, message: unknown) => {
    await browser.send('ServiceWorker.stopAllWorkers', {}, barePage);
    while ([...running.values()].some((status) => status !== 'stopped')) await new Promise((r) => setTimeout(r, 5));
    await browser.evaluate(
      session,
      `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((a) => { if (!a?.ok) throw new Error(JSON.stringify(a)); })`,
    );
  };
  const signIn = { precall: 1, type: 'signin:accounts', payload: {} };
  await ask(precallPage, signIn);
  await ask(barePage, { ping: true });
  await ask(libraryPage, signIn);

  const events: TraceEvent[] = [];
  browser.on('Tracing.dataCollected', (params) => events.push(...(params.value as TraceEvent[])));
  const complete = new Promise<void>((resolve) => browser.on('Tracing.tracingComplete', () => resolve()));
  await browser.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['v8', 'v8.execute', 'disabled-by-default-v8.compile', 'devtools.timeline', 'ServiceWorker'],
    },
  });
  for (let round = 0; round < rounds; round++) {
    await ask(precallPage, signIn);
    await ask(barePage, { ping: true });
    await ask(libraryPage, signIn);
  }
  await browser.send('Tracing.end');
  await complete;
  printPhases(events, { [precallId]: 'Precall', [libraryId]: 'library worker' });
  if (functions > 0) {
    const profiles = await sampledStarts(precallId, () => ask(precallPage, signIn));
    printFunctions(profiles, precallId, functions);
  }
} finally {
  await browser.close();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Profiles of Precall's worker from before its script runs until its first answer. */
async function sampledStarts(precallId: string, wake: () => Promise<void>): Promise<CpuProfile[]> {
  let started: Promise<string> | null = null;
  let onStart: (session: string) => void = () => {};
  browser.on('Target.attachedToTarget', (params) => {
    const { sessionId, targetInfo } = params as { sessionId: string; targetInfo: { type: string; url: string } };
    // Workers already running when auto-attach began are not starts.
    if (!params.waitingForDebugger) return;
    void (async () => {
      const precall = targetInfo.type === 'service_worker' && targetInfo.url.includes(precallId);
      if (precall) {
        await browser.send('Profiler.enable', {}, sessionId);
        await browser.send('Profiler.setSamplingInterval', { interval: 100 }, sessionId);
        await browser.send('Profiler.start', {}, sessionId);
      }
      await browser.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
      if (precall) onStart(sessionId);
    })();
  });
  await browser.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
    filter: [{ type: 'service_worker' }],
  });
  const profiles: CpuProfile[] = [];
  for (let round = 0; round < rounds; round++) {
    started = new Promise((resolve) => {
      onStart = resolve;
    });
    await wake();
    const session = await started;
    profiles.push((await browser.send<{ profile: CpuProfile }>('Profiler.stop', {}, session)).profile);
    // A session left attached would outlive the worker's stop and see its next start unpaused.
    await browser.send('Target.detachFromTarget', { sessionId: session });
  }
  await browser.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true });
  return profiles;
}

function printFunctions(profiles: CpuProfile[], precallId: string, count: number): void {
  const selfMs = new Map<string, number>();
  for (const profile of profiles) {
    const frames = new Map(
      profile.nodes.map(({ id, callFrame: { functionName, url, lineNumber, columnNumber } }) => [
        id,
        `${functionName || '(anonymous)'} ${url.replace(`chrome-extension://${precallId}`, '')}:${lineNumber + 1}:${columnNumber + 1}`,
      ]),
    );
    profile.samples.forEach((node, i) => {
      const frame = frames.get(node) ?? '(unknown)';
      selfMs.set(frame, (selfMs.get(frame) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
  }
  const perStart = (ms: number) => (ms / profiles.length).toFixed(2).padStart(8);
  const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`Precall, sampled: ${perStart(total).trim()} ms of self time per start, costliest functions`);
  for (const [frame, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`  ${perStart(ms)}  ${frame}`);
  }
}

function printPhases(events: TraceEvent[], names: Record<string, string>): void {
  const workerThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'ServiceWorker thread')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byStart = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !workerThreads.has(thread)) continue;
    byStart.set(thread, [...(byStart.get(thread) ?? []), event]);
  }
  const phases = new Map<string, Record<string, number>[]>();
  for (const started of byStart.values()) {
    const script = started.find((e) => e.name === 'EvaluateScript')?.args?.data?.url;
    if (!script) continue;
    const who = names[new URL(script).hostname] ?? 'bare';
    const sum = (name: string) => started.filter((e) => e.name === name).reduce((ms, e) => ms + (e.dur ?? 0) / 1000, 0);
    const first = Math.min(...started.map((e) => e.ts));
    const last = Math.max(...started.map((e) => e.ts + (e.dur ?? 0)));
    const evaluated = Math.max(...started.filter((e) => e.name === 'EvaluateScript').map((e) => e.ts + (e.dur ?? 0)));
    phases.set(who, [
      ...(phases.get(who) ?? []),
      {
        'whole start, first event to last': (last - first) / 1000,
        'isolate set-up': sum('V8PerIsolateData::Initialize'),
        'reading the installed script': sum('ServiceWorkerInstalledScriptsManager::GetScriptData'),
        'compiling (code cache)': sum('v8.compile'),
        'top-level evaluation': sum('v8.run'),
        'garbage collection': sum('MinorGC') + sum('MajorGC'),
        'after evaluation until the answer': (last - evaluated) / 1000,
        'code cache, kB': (started.find((e) => e.name === 'v8.compile')?.args?.data?.consumedCacheSize ?? 0) / 1000,
      },
    ]);
  }
  for (const [who, starts] of phases) {
    console.log(`${who}: medians of ${starts.length} cold starts`);
    for (const phase of Object.keys(starts[0] ?? {})) {
      const values = starts.map((start) => start[phase] ?? 0).sort((a, b) => a - b);
      console.log(`  ${phase.padEnd(36)} ${(values[Math.floor(values.length / 2)] ?? 0).toFixed(1).padStart(8)}`);
    }
  }
}
