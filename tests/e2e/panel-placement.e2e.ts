import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities, showcaseOpportunityId } from '../../demo/org/seed-data';
import { type DemoRun, navigateInApp, panel, panelFrameSelector, signIn, startDemoRun } from './support/demo-session';
import { reachOfRecordPage } from './support/hit-test';
import { type SidePanelPage, sidePanelPage, sidePanelViolations, waitForSidePanelText } from './support/side-panel';

const recordPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;
const other = seedOpportunities.find((o) => o.OwnerId.startsWith('0055g00000Rly01') && o.Id !== showcaseOpportunityId);
const showcase = seedOpportunities.find((o) => o.Id === showcaseOpportunityId);
if (!other || !showcase) throw new Error('the seed has two opportunities for Riley');

async function expectLightningReachable(page: Page) {
  await page.locator('.windowViewMode-normal.active button:text-is("Edit")').waitFor();
  const reach = await reachOfRecordPage(page);
  expect(reach.edit).toMatchObject({ visible: true, clickable: true });
  expect(reach.follow).toMatchObject({ visible: true, clickable: true });
  expect(reach.activity).toMatchObject({ visible: true, clickable: true });
  // A real click lands on Lightning's button, not on Precall.
  const clicked = page.evaluate(
    `new Promise((resolve) => {
      const edit = [...document.querySelectorAll('.windowViewMode-normal.active button')].find((b) => b.textContent.trim() === 'Edit');
      edit.addEventListener('click', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 5000);
    })`,
  );
  await page.locator('.windowViewMode-normal.active button:text-is("Edit")').click({ trial: false });
  expect(await clicked).toBe(true);
}

describe.each([1280, 1920])('at %i px, Precall covers nothing of Lightning', (width) => {
  let run: DemoRun;
  let page: Page;

  beforeAll(async () => {
    run = await startDemoRun({ windowSize: { width, height: 900 } });
    page = run.browser.context.pages()[0] ?? (await run.browser.context.newPage());
    await signIn(page, run, 'riley@precall.demo', recordPath(showcaseOpportunityId));
  });
  afterAll(async () => run?.close());

  it('with the dock open, the Edit button and the Activity card are visible and clickable', async () => {
    await page.locator(panelFrameSelector).waitFor();
    await expect
      .poll(() => panel(page).getByRole('heading', { name: 'Call plans' }).count(), { timeout: 15_000 })
      .toBe(1);
    await expectLightningReachable(page);
  });

  it('with the dock folded to its tab, too', async () => {
    await panel(page).getByRole('button', { name: 'Collapse Precall' }).click();
    await page.locator('[data-precall-dock] [data-precall-tab]').waitFor();
    await expectLightningReachable(page);
  });

  describe("in Chrome's side panel", () => {
    let side: SidePanelPage;

    it('the rep moves the plan to the side panel; the page keeps a slim tab that opens it', async () => {
      await run.browser.worker.evaluate(`chrome.storage.local.set({ 'precall:panel-placement': 'side-panel' })`);
      await expect.poll(() => page.locator('[data-precall-dock]').count()).toBe(0);
      const launcher = page.locator('[data-precall-launcher] [data-precall-tab]');
      await launcher.click();
      side = await sidePanelPage(run.browser.context);
      await waitForSidePanelText(side, (text) => text.includes('Call plans') && text.includes('Riley Chen'));
      await expect.poll(() => page.evaluate('innerWidth')).toBeLessThan(width);
    });

    it('with the side panel open, the Edit button and the Activity card are visible and clickable', async () => {
      await expectLightningReachable(page);
    });

    it("follows the tab's opportunity as Lightning navigates, and says what to do elsewhere", async () => {
      await navigateInApp(page, recordPath(other.Id));
      await waitForSidePanelText(side, (text) => text.includes(other.Name));
      await navigateInApp(page, '/lightning/o/Opportunity/list?filterName=Recent');
      await waitForSidePanelText(side, (text) => text.includes('Open an opportunity to plan a call.'));
      await page.goBack();
      await waitForSidePanelText(side, (text) => text.includes('Call plans'));
    });

    it.runIf(width === 1280)('has no serious or critical accessibility violation', async () => {
      expect(await sidePanelViolations(side)).toEqual([]);
    });

    it('the slim tab folds away while the side panel shows the tab, and comes back when it closes', async () => {
      const launcher = page.locator('[data-precall-launcher] [data-precall-tab]');
      const strip = () => page.evaluate(`getComputedStyle(document.documentElement).marginRight`);
      await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(false);
      expect(await strip()).toBe('0px');
      // As the side panel's own close button does.
      await run.browser.worker.evaluate(`chrome.tabs
        .query({ active: true, lastFocusedWindow: true })
        .then(([tab]) => chrome.sidePanel.close({ windowId: tab.windowId }))`);
      await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await strip()).toBe('32px');
    });
  });
});
