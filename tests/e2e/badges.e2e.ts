import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities, userIds } from '../../demo/org/seed-data';
import { type CallPlan, newCallPlan } from '../../lib/model/call-plan';
import { clearStoryOf, type DemoRun, navigateInApp, signIn, startDemoRun } from './support/demo-session';

/**
 * Pipeline badges in Chromium on the demo org, with the built extension. Riley's plans are
 * written through the background in Riley's own profile; every page kind then shows the right
 * badge for each opportunity (the manager's view of the same plans needs sync's pull: see
 * badges-manager.e2e.ts).
 */
const rileys = seedOpportunities.filter((o) => o.OwnerId === userIds.riley);
if (rileys.length < 4) throw new Error('the seed has four opportunities for Riley');
const [advancedDeal, stalledDeal, plannedDeal] = rileys as [SeedDeal, SeedDeal, SeedDeal];
type SeedDeal = (typeof seedOpportunities)[number];
const goal = 'Agree the rollout scope with the CFO <b>now</b>';
const active = 'div.windowViewMode-normal.active';
const listPath = '/lightning/o/Opportunity/list?filterName=AllOpportunities';

let run: DemoRun;
let page: Page;

function plan(opportunityId: string, changes: Partial<CallPlan>): CallPlan {
  const now = new Date();
  return {
    ...newCallPlan(opportunityId, new Date(now.getTime() - 72 * 3600_000)),
    goal,
    bestNextStep: 'Signed order for phase one',
    minimumNextStep: 'Pricing workshop booked',
    ...changes,
  };
}

beforeAll(async () => {
  run = await startDemoRun();
  clearStoryOf(
    run.org,
    rileys.slice(0, 4).map((o) => o.Id),
  );
  page = await run.browser.context.newPage();
  await signIn(page, run, 'riley@precall.demo', '/lightning/page/home');
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
  const plans = [
    plan(advancedDeal.Id, {
      callAt: hoursAgo(30),
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Workshop on Friday',
      outcomeAt: hoursAgo(28),
      coachNote: 'Good advance: confirm the budget owner at the workshop',
    }),
    plan(stalledDeal.Id, {
      callAt: hoursAgo(50),
      outcome: 'Continuation',
      commitment: 'Below',
      actualNextStep: 'Send references',
      outcomeAt: hoursAgo(49),
    }),
    plan(plannedDeal.Id, { callAt: new Date(Date.now() + 48 * 3600_000).toISOString() }),
  ];
  // Through the background, as the panel saves them: an extension page of this profile sends them.
  const extensionPage = await run.browser.context.newPage();
  await extensionPage.goto(
    `chrome-extension://${run.browser.extensionId}/panel.html?origin=${encodeURIComponent(run.org.url)}&opportunityId=${advancedDeal.Id}`,
  );
  const replies = await extensionPage.evaluate(
    async ({ origin, plans }) => {
      const { runtime } = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const results: unknown[] = [];
      for (const plan of plans)
        results.push(await runtime.sendMessage({ precall: 1, type: 'plan:save', payload: { origin, plan } }));
      return results;
    },
    { origin: run.org.url, plans },
  );
  expect(replies.every((r) => (r as { ok: boolean }).ok)).toBe(true);
  await extensionPage.close();
});
afterAll(async () => run?.close());

const badge = (id: string) => page.locator(`${active} [data-precall-badge="${id}"]`);

async function expectStatuses() {
  await expect.poll(() => badge(advancedDeal.Id).getAttribute('data-status'), { timeout: 15_000 }).toBe('advanced');
  expect(await badge(stalledDeal.Id).getAttribute('data-status')).toBe('stalled');
  expect(await badge(plannedDeal.Id).getAttribute('data-status')).toBe('planned');
}

async function expectOneBadgePerLink(links: string) {
  const ids = await page
    .locator(`${active} [data-precall-badge]`)
    .evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-precall-badge')));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(await page.locator(links).count());
}

describe('Riley’s badges on every page kind', () => {
  it('list view (table): one badge per row, for the row’s record, with status in words', async () => {
    await navigateInApp(page, listPath);
    await expectStatuses();
    await expectOneBadgePerLink(`${active} tr[data-row-key-value]`);
    const button = badge(advancedDeal.Id).locator('button');
    expect(await button.getAttribute('aria-label')).toBe('Call plan: advanced, 1 of 1 goals met');
    expect(await button.textContent()).toContain('1/1 met');
    const other = rileys.find((o) => ![advancedDeal, stalledDeal, plannedDeal].includes(o));
    if (other) expect(await badge(other.Id).getAttribute('data-status')).toBe('no-plan');
  });

  it('the badge keeps its row’s height', async () => {
    const row = page.locator(`${active} tr[data-row-key-value="${advancedDeal.Id}"]`);
    const plain = page.locator(`${active} thead tr`).first();
    const [withBadge, header] = await Promise.all([row.boundingBox(), plain.boundingBox()]);
    const rowHeight = await row.evaluate((tr) => Number.parseFloat(getComputedStyle(tr).height));
    expect(withBadge?.height).toBeCloseTo(rowHeight, 0);
    expect(header).not.toBeNull();
  });

  it('hover opens the card: plan against outcome, coaching note, Open call plan; hostile text as text', async () => {
    await badge(advancedDeal.Id).locator('button').hover();
    const card = badge(advancedDeal.Id).locator('#card');
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    const text = await card.textContent();
    expect(text).toContain(goal);
    expect(text).toContain('Signed order for phase one');
    expect(text).toContain('Advance');
    expect(text).toContain('Workshop on Friday');
    expect(text).toContain('Coaching note: Good advance');
    expect(await card.locator('b').count()).toBe(0);
    expect(await card.getByRole('link', { name: 'Open call plan' }).getAttribute('href')).toBe(
      `/lightning/r/Opportunity/${advancedDeal.Id}/view`,
    );
  });

  it('Kanban: one badge per card', async () => {
    await page.mouse.move(0, 0);
    await page.locator(`${active} button[title="Display as Kanban"]`).click();
    await page.locator(`${active} .pipelineViewCard`).first().waitFor();
    await expectStatuses();
    await expectOneBadgePerLink(`${active} .pipelineViewCard`);
  });

  it('account page: the Opportunities related list', async () => {
    const account = seedAccounts.find((a) => a.Id === advancedDeal.AccountId);
    await navigateInApp(page, `/lightning/r/Account/${account?.Id}/view`);
    await expect.poll(() => badge(advancedDeal.Id).getAttribute('data-status'), { timeout: 15_000 }).toBe('advanced');
    await expectOneBadgePerLink(`${active} lst-related-list-view-manager tr[data-row-key-value]`);
  });

  it('home: Riley’s open opportunities, and no badge left on the pages kept hidden', async () => {
    await navigateInApp(page, '/lightning/page/home');
    await expectStatuses();
    const hidden = await page.locator('div.windowViewMode-normal:not(.active) [data-precall-badge]').count();
    expect(hidden).toBe(0);
  });

  it('keyboard focus opens the card too', async () => {
    // Tab from the link into its badge, as a keyboard user moves along the list.
    await badge(advancedDeal.Id).evaluate((host) => (host.previousElementSibling as HTMLElement).focus());
    await page.keyboard.press('Tab');
    const card = badge(advancedDeal.Id).locator('#card');
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await card.textContent()).toContain('Workshop on Friday');
  });

  it('axe finds no serious or critical violation on a page with badges and an open card', async () => {
    const results = await new AxeBuilder({ page })
      .include('precall-badge')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
});
