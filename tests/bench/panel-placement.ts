import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../demo/launch-chromium';
import { showcaseOpportunityId } from '../../demo/org/seed-data';
import { startDemoServer } from '../../demo/server';
import { pageWidth, reachOfRecordPage } from '../e2e/support/hit-test';
import { sidePanelPage, waitForSidePanelText } from '../e2e/support/side-panel';

/**
 * `npm run bench:placement`: the room Lightning keeps and whether its Edit button and Activity
 * card stay reachable, with the call plan docked (open, folded) and in Chrome's side panel, on
 * the demo record page at 1280, 1440 and 1920 px. Prints one row per case.
 */
const widths = [1280, 1440, 1920];
const rows: string[] = [
  '| window | placement | Lightning width | Edit | Activity card (width) |',
  '|---|---|---|---|---|',
];

async function measure(page: Page, width: number, placement: string) {
  await page.locator('.windowViewMode-normal.active button:text-is("Edit")').waitFor();
  const reach = await reachOfRecordPage(page);
  const say = (r: { clickable: boolean; coveredBy?: string }) =>
    r.clickable ? 'clickable' : `covered (${r.coveredBy})`;
  rows.push(
    `| ${width} | ${placement} | ${await pageWidth(page)} px | ${say(reach.edit)} | ${say(reach.activity)} (${reach.activity.width} px) |`,
  );
}

const org = await startDemoServer({ port: 0, demoMode: true });
try {
  for (const width of widths) {
    const browser = await launchWithExtension(undefined, { windowSize: { width, height: 900 }, placement: 'dock' });
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      const recordPath = `/lightning/r/Opportunity/${showcaseOpportunityId}/view`;
      await page.goto(`${org.url}/secur/frontdoor.jsp?un=riley@precall.demo&retURL=${encodeURIComponent(recordPath)}`);
      const frame = page.frameLocator('[data-precall-dock] iframe[data-precall-panel]');
      await frame.getByRole('heading', { name: 'Call plans' }).waitFor({ timeout: 30_000 });
      await measure(page, width, 'dock, open');
      await frame.getByRole('button', { name: 'Collapse Precall' }).click();
      await page.locator('[data-precall-dock] [data-precall-tab]').waitFor();
      await measure(page, width, 'dock, folded');
      await browser.worker.evaluate(`chrome.storage.local.set({ 'precall:panel-placement': 'side-panel' })`);
      await page.locator('[data-precall-launcher] [data-precall-tab]').click();
      const side = await sidePanelPage(browser.context);
      await waitForSidePanelText(side, (text) => text.includes('Call plans'), 30_000);
      await page.waitForFunction((full) => innerWidth < full, width);
      await measure(page, width, 'side panel');
    } finally {
      await browser.close();
    }
  }
} finally {
  await org.close();
}
console.log(rows.join('\n'));
