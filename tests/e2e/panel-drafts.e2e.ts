import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../demo/org/seed-data';
import { type DemoRun, navigateInApp, panel, panelFrameSelector, signIn, startDemoRun } from './support/demo-session';

const rileys = seedOpportunities.filter((o) => o.OwnerId.startsWith('0055g00000Rly01'));
const [first, second] = rileys;
if (!first || !second) throw new Error('the seed has two opportunities for Riley');
const recordPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;
const goal = 'Get the CFO to name the budget owner';

let run: DemoRun;
let page: Page;

beforeAll(async () => {
  run = await startDemoRun();
  page = await run.browser.context.newPage();
  await signIn(page, run, 'riley@precall.demo', recordPath(first.Id));
  await page.locator(panelFrameSelector).waitFor();
});
afterAll(async () => run?.close());

describe('a half-written plan is never lost', () => {
  it('survives a reload: restored, marked, with what is missing said', async () => {
    const frame = panel(page);
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill(goal);
    // No best next step yet: not a plan Salesforce would take, but kept as a draft.
    await expect
      .poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 })
      .toMatch(/Kept as a draft/);

    await page.reload();
    await page.locator(panelFrameSelector).waitFor();
    const restored = panel(page);
    await expect.poll(() => restored.getByLabel('Goal').inputValue(), { timeout: 10_000 }).toBe(goal);
    expect(await restored.getByRole('note').textContent()).toMatch(/Restored what you typed .*; not saved yet\./);
    expect(await restored.getByText('Best next step is required').count()).toBeGreaterThan(0);
  });

  it('survives a navigation to another opportunity and back, still marked as not saved', async () => {
    await navigateInApp(page, recordPath(second.Id));
    await expect
      .poll(() => panel(page).getByText('No call plans yet for this opportunity.').count(), { timeout: 10_000 })
      .toBe(1);
    await navigateInApp(page, recordPath(first.Id));
    const frame = panel(page);
    const item = frame.getByRole('button', { name: new RegExp(goal) });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('Draft: not saved');
    await item.click();
    expect(await frame.getByLabel('Goal').inputValue()).toBe(goal);

    await frame.getByLabel('Best next step', { exact: true }).fill('CFO names the budget owner in the call');
    await frame.getByLabel('Goal').focus();
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await page.reload();
    await page.locator(panelFrameSelector).waitFor();
    // Saved, so nothing is restored as a draft any more.
    await expect.poll(() => panel(page).getByText(goal).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await panel(page).getByRole('note').count()).toBe(0);
  });
});

describe('a new plan starts from what Salesforce knows', () => {
  it("starts at the time of the opportunity's next meeting", async () => {
    const withMeeting = seedOpportunities.find((o) => o.Id.startsWith('0065g00000Nwd02'));
    if (!withMeeting) throw new Error('the seed has an unplanned meeting on the warehouse pilot');
    const start = [...run.org.org.store.all('Event')]
      .filter((e) => e.WhatId === withMeeting.Id && Date.parse(String(e.StartDateTime)) > Date.now())
      .map((e) => String(e.StartDateTime))
      .sort()[0];
    await navigateInApp(page, recordPath(withMeeting.Id));
    const frame = panel(page);
    await frame.getByRole('button', { name: 'New call plan' }).click();
    const when = frame.getByRole('group', { name: 'Call date and time' });
    const typed = `${await when.getByLabel('Date').inputValue()}T${await when.getByLabel('Time').inputValue()}`;
    expect(new Date(typed).toISOString()).toBe(new Date(start ?? '').toISOString());
    expect(await frame.getByText(/Warehouse pilot scoping/).count()).toBeGreaterThan(0);
  });
});
