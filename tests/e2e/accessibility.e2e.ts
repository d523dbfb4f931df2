import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../demo/org/seed-data';
import { type DemoRun, signIn, startDemoRun } from './support/demo-session';

let run: DemoRun;
let page: Page;

beforeAll(async () => {
  run = await startDemoRun();
  const lightning = await run.browser.context.newPage();
  await signIn(lightning, run, 'riley@precall.demo', `/lightning/r/Opportunity/${showcaseOpportunityId}/view`);
  // The panel as its own tab, so axe sees exactly the page the frame shows.
  const panelUrl = new URL(`chrome-extension://${run.browser.extensionId}/panel.html`);
  panelUrl.searchParams.set('origin', run.org.url);
  panelUrl.searchParams.set('opportunityId', showcaseOpportunityId);
  page = await run.browser.context.newPage();
  await page.goto(panelUrl.href);
  await page.getByRole('heading', { name: 'Call plans' }).waitFor();
});
afterAll(async () => run?.close());

async function violations() {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the panel is usable without a mouse and by assistive technology', () => {
  it('has no WCAG A/AA violations with the plan list', async () => {
    expect(await violations()).toEqual([]);
  });

  it('has none with a plan open, errors and help showing, and the outcome step', async () => {
    await page.getByRole('button', { name: 'New call plan' }).click();
    await page.getByLabel('Goal').fill('x'.repeat(256));
    await page.getByLabel('Best next step', { exact: true }).fill('Pilot order');
    await page.getByRole('button', { name: 'Show help' }).first().click();
    await page
      .getByText(/at most 255 characters/)
      .first()
      .waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: '2. Log the outcome' }).click();
    await page.getByText(/The outcome is logged after the call/).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('a rep can write a plan with the keyboard alone', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Call plans' }).waitFor();
    await page.getByRole('button', { name: 'New call plan' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBeTruthy();
    await page.getByLabel('Goal').focus();
    await page.keyboard.type('Agree the next workshop date');
    // Tab order follows the form: buyer's reason, then best next step, each after its help button.
    for (const _stop of ['help', "buyer's reason", 'help', 'best next step']) await page.keyboard.press('Tab');
    await page.keyboard.type('Workshop booked with the CFO');
    expect(await page.getByLabel('Best next step', { exact: true }).inputValue()).toBe('Workshop booked with the CFO');
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
  });
});
