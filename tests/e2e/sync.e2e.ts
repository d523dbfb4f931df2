import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../demo/org/seed-data';
import { type DemoRun, panel, panelFrameSelector, signIn, startDemoRun } from './support/demo-session';

const rileys = seedOpportunities.filter((o) => o.OwnerId.startsWith('0055g00000Rly01'));
const recordPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;

let run: DemoRun;
let page: Page;

beforeAll(async () => {
  run = await startDemoRun();
  page = await run.browser.context.newPage();
});
afterAll(async () => run?.close());

/** The opportunity of Riley's with the most seeded plans: the panel must show them. */
function withSeededPlans() {
  const counts = rileys.map((o) => ({
    id: o.Id,
    plans: [...run.org.org.store.all('Call_Plan__c')].filter((p) => p.Opportunity__c === o.Id && p.IsDeleted !== true),
  }));
  const best = counts.sort((a, b) => b.plans.length - a.plans.length)[0];
  if (!best || best.plans.length === 0) throw new Error('the seed has plans on an opportunity of Riley');
  return best;
}

const orgPlan = (goal: string) =>
  [...run.org.org.store.all('Call_Plan__c')].find((p) => p.Goal__c === goal && p.IsDeleted !== true);

async function fault(body: unknown, method = 'POST') {
  const response = await fetch(`${run.org.url}/__demo/faults`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  expect(response.ok).toBe(true);
}

describe('sync in Chromium against the demo org', () => {
  it("the panel lists the opportunity's plans from Salesforce, and says it is in sync", async () => {
    const seeded = withSeededPlans();
    await signIn(page, run, 'riley@precall.demo', recordPath(seeded.id));
    await page.locator(panelFrameSelector).waitFor();
    const goal = String(seeded.plans[0]?.Goal__c);
    await expect.poll(() => panel(page).getByText(goal).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          panel(page)
            .getByText(/^In sync at /)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
  });

  it('a plan written on the record page appears in the demo org, read through its API', async () => {
    const frame = panel(page);
    const goal = 'Confirm the security review date with IT';
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill(goal);
    await frame.getByLabel('Best next step', { exact: true }).fill('Security review booked');
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await expect
      .poll(() => orgPlan(goal)?.Best_Next_Step__c ?? null, { timeout: 20_000 })
      .toBe('Security review booked');
    const { token } = run.org.org.signIn('riley@precall.demo');
    const soql = encodeURIComponent(`SELECT Goal__c, CreatedById FROM Call_Plan__c WHERE Goal__c = '${goal}'`);
    const answer = (await (
      await fetch(`${run.org.url}/services/data/v62.0/query?q=${soql}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { totalSize: number; records: { CreatedById: string }[] };
    expect(answer.totalSize).toBe(1);
    expect(answer.records[0]?.CreatedById).toBe(rileys[0]?.OwnerId);
  });

  it('an edit made in the demo org appears in the panel', async () => {
    const seeded = withSeededPlans();
    const plan = seeded.plans[0];
    const { token } = run.org.org.signIn('admin@precall.demo');
    const response = await fetch(`${run.org.url}/services/data/v62.0/sobjects/Call_Plan__c/${plan?.Id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Goal__c: 'Goal changed in Salesforce by the admin' }),
    });
    expect(response.status).toBe(204);
    await page.reload();
    await page.locator(panelFrameSelector).waitFor();
    await expect
      .poll(() => panel(page).getByText('Goal changed in Salesforce by the admin').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('an edit made offline is kept and syncs on reconnect', async () => {
    const frame = panel(page);
    await fault({ kind: 'drop', match: { path: '/services/' } });
    const goal = 'Written while Salesforce was unreachable';
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill(goal);
    await frame.getByLabel('Best next step', { exact: true }).fill('Reconnect and send');
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await frame.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => frame.getByText(/^Offline: your changes are kept/).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => frame.getByRole('button', { name: /1 waiting/ }).count(), { timeout: 20_000 }).toBe(1);
    expect(orgPlan(goal)).toBeUndefined();

    await fault(undefined, 'DELETE');
    await frame.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => orgPlan(goal)?.Goal__c ?? null, { timeout: 20_000 }).toBe(goal);
    await expect.poll(() => frame.getByText(/^In sync at /).count(), { timeout: 20_000 }).toBe(1);
  });

  it("the manager sees the rep's plan on the rep's opportunity", async () => {
    const seeded = withSeededPlans();
    const manager = await run.browser.context.newPage();
    // Morgan signs in on the same browser: his own session cookie, his own database.
    await signIn(manager, run, 'morgan@precall.demo', recordPath(seeded.id));
    await manager.locator(panelFrameSelector).waitFor();
    await expect.poll(() => panel(manager).getByText('Morgan Lee').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => panel(manager).getByText('Goal changed in Salesforce by the admin').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await manager.close();
  });
});
