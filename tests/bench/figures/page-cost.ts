import type { BrowserContext, CDPSession } from 'playwright-core';
import { launchWithExtension } from '../../../demo/launch-chromium';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { demoMatches } from '../../../lib/salesforce/hosts';
import { writeBareContentScriptExtension } from '../support/bare-extension';
import { launchBench } from '../support/bench-browser';
import { demoControl, listPath, mainThreadIdle, recordPath, signIn, startOrg } from '../support/demo-org';
import { startExtensionProfile } from '../support/extension-profile';
import { type Figure, interleaved, median, round } from '../support/figure';
import { startMainThreadTrace } from '../support/main-thread-trace';

export const pageLoads = 11;
/** Loads with Precall under the CPU profiler, apart: sampling slows the page it measures. */
const profileLoads = 5;
const active = 'div.windowViewMode-normal.active';
/** What shows the bare content script ran (support/bare-extension.ts). */
const bareReady = '[data-precall-launcher] [data-precall-tab]';

interface PageCase {
  name: string;
  path: string;
  budgetMs: number | null;
  /** What shows the page is done, without and with Precall. */
  ready: string;
  readyWithPrecall: string;
}

const cases: PageCase[] = [
  {
    name: 'Page cost: opportunity record page load',
    path: recordPath(showcaseOpportunityId),
    budgetMs: 5,
    ready: `${active} button:text-is("Edit")`,
    readyWithPrecall: '[data-precall-launcher] [data-precall-tab]',
  },
  {
    name: 'Page cost: list view of 500 opportunities',
    path: listPath,
    budgetMs: null,
    ready: `${active} lst-customized-datatable tbody tr[data-row-key-value]`,
    readyWithPrecall: `${active} precall-badge[data-status]`,
  },
];

interface Load {
  /** Thread time of the page's main thread (trace), the figure. */
  cpuMs: number;
  /** Wall time of its tasks (`Performance.getMetrics` TaskDuration), which load on the machine inflates. */
  wallMs: number;
}

/**
 * Main-thread time Precall adds to a page: the same page loaded in a browser with Precall and in
 * one without any extension, in turn; each load in a fresh tab until the page (and, with Precall,
 * its launcher or badges) shows and the main thread is idle. The figure is the thread time of the
 * renderer's main-thread tasks (a DevTools trace): the wall time of those tasks (TaskDuration) also
 * counts the moments the machine ran another process mid-task, which on a shared machine swung a
 * median by ±50 ms between two identical loads. Beside it, in separate loads, what Precall's own
 * scripts take (a CPU profile's samples with a `chrome-extension://` frame on the stack), and,
 * interleaved with Precall's loads, what an extension whose content script only shows a button
 * adds: Chromium's own price for a content script, which no extension that shows anything avoids.
 */
export async function pageCost(): Promise<Figure[]> {
  const org = await startOrg();
  await demoControl(org, 'POST', 'seed', { opportunities: 500, owners: ['riley@precall.demo'] });
  const withPrecall = await launchWithExtension();
  const without = await launchBench([]);
  const bare = await launchBench([await writeBareContentScriptExtension(demoMatches)]);
  try {
    for (const context of [withPrecall.context, without.context, bare.context]) {
      const page = await context.newPage();
      await signIn(page, org, 'riley@precall.demo', recordPath(showcaseOpportunityId));
      await page.close();
    }
    const figures: Figure[] = [];
    for (const pageCase of cases) {
      const open = async (
        context: BrowserContext,
        ready: string[],
        measure: (cdp: CDPSession) => Promise<() => Promise<number>>,
      ) => {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const stop = await measure(cdp);
        await page.goto(`${org.url}${pageCase.path}`);
        for (const selector of ready) await page.locator(selector).first().waitFor({ timeout: 30_000 });
        await mainThreadIdle(page);
        const value = await stop();
        await page.close();
        return value;
      };
      const onReady = [pageCase.ready, pageCase.readyWithPrecall];
      const loads = new Map<BrowserContext, Load[]>([
        [withPrecall.context, []],
        [without.context, []],
        [bare.context, []],
      ]);
      const load = (context: BrowserContext, ready: string[]) => async () => {
        let wallMs = Number.NaN;
        const cpuMs = await open(context, ready, async (cdp) => {
          await cdp.send('Performance.enable');
          const stopTrace = await startMainThreadTrace(cdp);
          return async () => {
            const { metrics } = await cdp.send('Performance.getMetrics');
            wallMs = 1000 * (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN);
            return stopTrace();
          };
        });
        loads.get(context)?.push({ cpuMs, wallMs });
        return cpuMs;
      };
      // One of each first: the first load also fills caches.
      await load(withPrecall.context, onReady)();
      await load(without.context, [pageCase.ready])();
      await load(bare.context, [pageCase.ready, bareReady])();
      for (const series of loads.values()) series.length = 0;
      const withAndBare = async () => {
        const value = await load(withPrecall.context, onReady)();
        await load(bare.context, [pageCase.ready, bareReady])();
        return value;
      };
      await interleaved(pageLoads, withAndBare, load(without.context, [pageCase.ready]));
      const own: number[] = [];
      for (let n = 0; n < profileLoads; n++) own.push(await open(withPrecall.context, onReady, startExtensionProfile));

      const on = loads.get(withPrecall.context) ?? [];
      const off = loads.get(without.context) ?? [];
      const cpuOn = median(on.map((one) => one.cpuMs));
      const cpuOff = median(off.map((one) => one.cpuMs));
      const added = cpuOn - cpuOff;
      const bareAdded = median((loads.get(bare.context) ?? []).map((one) => one.cpuMs)) - cpuOff;
      const wallOn = median(on.map((one) => one.wallMs));
      const wallOff = median(off.map((one) => one.wallMs));
      figures.push({
        name: pageCase.name,
        value: round(added),
        unit: 'ms added',
        budget: pageCase.budgetMs === null ? null : `≤ ${pageCase.budgetMs} ms`,
        reference: { name: 'main thread with Precall off', value: round(cpuOff), unit: 'ms' },
        pass: pageCase.budgetMs === null ? null : added <= pageCase.budgetMs,
        note:
          `thread time, medians of ${pageLoads} loads each: ${round(cpuOn)} ms on, ${round(cpuOff)} ms off; ` +
          `Precall's scripts ${round(median(own))} ms (median of ${profileLoads} profiled loads); ` +
          `a content script that only shows a button adds ${round(bareAdded)} ms; ` +
          `wall time of the tasks ${round(wallOn)} ms on, ${round(wallOff)} ms off`,
      });
      if (pageCase.budgetMs !== null) {
        figures.push({
          name: `${pageCase.name}, a content script that only shows a button`,
          value: round(bareAdded),
          unit: 'ms added',
          budget: null,
          reference: { name: 'main thread with no extension', value: round(cpuOff), unit: 'ms' },
          pass: null,
          note: `the floor for any extension that shows something on the page, measured in the same run; Precall adds ${round(added - bareAdded)} ms more`,
        });
      }
    }
    return figures;
  } finally {
    await withPrecall.close();
    await without.close();
    await bare.close();
    await org.close();
  }
}
