import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../demo/org/seed-data';
import { type DemoRun, navigateInApp, panel, panelFrameSelector, signIn, startDemoRun } from './support/demo-session';

const rileysOpportunities = seedOpportunities.filter((o) => o.OwnerId.startsWith('0055g00000Rly01'));
const [first, second] = rileysOpportunities;
if (!first || !second) throw new Error('the seed has two opportunities for Riley');
const recordPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;

let run: DemoRun;
let page: Page;

beforeAll(async () => {
  run = await startDemoRun();
  page = await run.browser.context.newPage();
  await signIn(page, run, 'riley@precall.demo', recordPath(first.Id));
});
afterAll(async () => run?.close());

describe('the call-plan panel on a record page', () => {
  it('docks beside the opportunity and shows who is signed in', async () => {
    await page.locator(panelFrameSelector).waitFor();
    await expect
      .poll(() => panel(page).getByRole('heading', { name: 'Call plans' }).count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => panel(page).getByText('Riley Chen').count(), { timeout: 15_000 }).toBe(1);
    const frame = page.locator(panelFrameSelector);
    expect(await frame.getAttribute('src')).toContain(`opportunityId=${first.Id}`);
  });

  it('a rep writes a plan, reloads, and the plan is still there', async () => {
    const frame = panel(page);
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill('Agree the rollout scope with the CFO');
    await frame.getByLabel('Best next step', { exact: true }).fill('Signed order for phase one');
    await frame.getByLabel('Minimum next step').fill('Pricing workshop booked');
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    await page.reload();
    await page.locator(panelFrameSelector).waitFor();
    await expect
      .poll(() => panel(page).getByText('Agree the rollout scope with the CFO').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('refuses a 256-character goal in the form with the reason', async () => {
    const frame = panel(page);
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill('x'.repeat(256));
    await frame.getByLabel('Best next step', { exact: true }).fill('Anything');
    await expect
      .poll(() => frame.getByText("Goal can be at most 255 characters (Salesforce's limit); it has 256").count())
      .toBeGreaterThan(0);
    await expect.poll(() => frame.getByRole('status').first().textContent()).toMatch(/Not saved/);
  });

  it('switches to the other opportunity when Lightning navigates by pushState', async () => {
    await navigateInApp(page, recordPath(second.Id));
    await expect
      .poll(async () => panel(page).getByText('No call plans yet for this opportunity.').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.locator(panelFrameSelector).count()).toBe(1);
  });

  it('folds to a slim tab and stays folded after a reload', async () => {
    await panel(page).getByRole('button', { name: 'Collapse Precall' }).click();
    const tab = page.locator('[data-precall-dock] [data-precall-tab]');
    await expect.poll(() => tab.isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => tab.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator(panelFrameSelector).isVisible()).toBe(false);
    await tab.click();
    await expect.poll(() => page.locator(panelFrameSelector).isVisible()).toBe(true);
  });

  it('goes away when the rep leaves for the list view', async () => {
    await navigateInApp(page, '/lightning/o/Opportunity/list?filterName=Recent');
    await expect.poll(() => page.locator('[data-precall-dock]').count(), { timeout: 5_000 }).toBe(0);
    await page.goBack();
    await expect.poll(() => page.locator(panelFrameSelector).count(), { timeout: 5_000 }).toBe(1);
  });
});
