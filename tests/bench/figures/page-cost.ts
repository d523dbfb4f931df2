import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../../../demo/launch-chromium';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { launchBench } from '../support/bench-browser';
import { demoControl, listPath, mainThreadIdle, recordPath, signIn, startOrg } from '../support/demo-org';
import { type Figure, interleaved, median, round } from '../support/figure';

export const pageLoads = 11;
const active = 'div.windowViewMode-normal.active';

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

/**
 * Main-thread time Precall adds to a page: the same page loaded in a browser with Precall and in
 * one without any extension, in turn; each load in a fresh tab until the page (and, with Precall,
 * its launcher or badges) shows and the main thread is idle, read from the renderer's task time
 * (DevTools `Performance.getMetrics`, TaskDuration).
 */
export async function pageCost(): Promise<Figure[]> {
  const org = await startOrg();
  await demoControl(org, 'POST', 'seed', { opportunities: 500, owners: ['riley@precall.demo'] });
  const withPrecall = await launchWithExtension();
  const without = await launchBench([]);
  try {
    for (const context of [withPrecall.context, without.context]) {
      const page = await context.newPage();
      await signIn(page, org, 'riley@precall.demo', recordPath(showcaseOpportunityId));
      await page.close();
    }
    const figures: Figure[] = [];
    for (const pageCase of cases) {
      const load = (context: BrowserContext, ready: string[]) => async () => {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(`${org.url}${pageCase.path}`);
        for (const selector of ready) await page.locator(selector).first().waitFor({ timeout: 30_000 });
        await mainThreadIdle(page);
        const { metrics } = await cdp.send('Performance.getMetrics');
        await page.close();
        return 1000 * (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN);
      };
      // One of each first: the first load also fills caches.
      await load(withPrecall.context, [pageCase.ready, pageCase.readyWithPrecall])();
      await load(without.context, [pageCase.ready])();
      const series = await interleaved(
        pageLoads,
        load(withPrecall.context, [pageCase.ready, pageCase.readyWithPrecall]),
        load(without.context, [pageCase.ready]),
      );
      const on = median(series.measured);
      const off = median(series.reference);
      const added = on - off;
      figures.push({
        name: pageCase.name,
        value: round(added),
        unit: 'ms added',
        budget: pageCase.budgetMs === null ? null : `≤ ${pageCase.budgetMs} ms`,
        reference: { name: 'main thread with Precall off', value: round(off), unit: 'ms' },
        pass: pageCase.budgetMs === null ? null : added <= pageCase.budgetMs,
        note: `medians of ${pageLoads} loads each: ${round(on)} ms on, ${round(off)} ms off`,
      });
    }
    return figures;
  } finally {
    await withPrecall.close();
    await without.close();
    await org.close();
  }
}
