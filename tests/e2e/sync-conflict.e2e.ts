import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../demo/org/seed-data';
import {
  clearStoryOf,
  type DemoRun,
  panel,
  panelFrameSelector,
  signIn,
  startDemoRun,
  waitForPlansInOrg,
} from './support/demo-session';

const riley = 'riley@precall.demo';
const opportunity = seedOpportunities.find((o) => o.OwnerId.startsWith('0055g00000Rly01'));
const recordPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;

const firstGoal = 'Agree the pilot scope with the CFO';
const rileysGoal = 'Agree the pilot scope and its budget with the CFO';
const salesforceGoal = 'Agree the pilot price with procurement';

let run: DemoRun;
let page: Page;

beforeAll(async () => {
  run = await startDemoRun();
  page = await run.browser.context.newPage();
});
afterAll(async () => run?.close());

const plansInOrg = () =>
  [...run.org.org.store.all('Call_Plan__c')].filter(
    (p) => p.Opportunity__c === opportunity?.Id && p.IsDeleted !== true,
  );

async function demo(method: string, path: string, body?: unknown) {
  const response = await fetch(`${run.org.url}/__demo/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

describe('a conflict in Chromium: shown in Pending Changes, resolved by the rep', () => {
  it('Riley edits a goal offline, Salesforce changes it too; Riley keeps hers and both sides agree', async () => {
    if (!opportunity) throw new Error('the seed has an opportunity of Riley');
    clearStoryOf(run.org, [opportunity.Id]);
    await signIn(page, run, riley, recordPath(opportunity.Id));
    await page.locator(panelFrameSelector).waitFor();
    const frame = panel(page);

    // A plan written and synced: Salesforce and this browser share its goal.
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill(firstGoal);
    await frame.getByLabel('Best next step', { exact: true }).fill('Pilot order signed');
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await waitForPlansInOrg(run.org, [opportunity.Id], firstGoal);
    await expect.poll(() => frame.getByText(/^In sync at /).count(), { timeout: 20_000 }).toBe(1);
    const [stored] = plansInOrg();
    expect(plansInOrg()).toHaveLength(1);

    // Riley's browser loses Salesforce; she changes the goal meanwhile.
    await demo('POST', 'faults', { kind: 'drop', match: { path: '/services/', user: riley } });
    await frame.getByLabel('Goal').fill(rileysGoal);
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await frame.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => frame.getByText(/^Offline: your changes are kept/).count(), { timeout: 20_000 }).toBe(1);
    expect(plansInOrg()[0]?.Goal__c).toBe(firstGoal);

    // The same field changed in Salesforce, through its REST API.
    const { token } = run.org.org.signIn('admin@precall.demo');
    const patched = await fetch(`${run.org.url}/services/data/v62.0/sobjects/Call_Plan__c/${stored?.Id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Goal__c: salesforceGoal }),
    });
    expect(patched.status).toBe(204);

    // Back online, sync runs: the conflict is shown with both values, nothing is overwritten.
    await demo('DELETE', 'faults');
    await frame.getByRole('button', { name: 'Sync now' }).click();
    const toResolve = frame.getByRole('button', { name: /1 to resolve/ });
    await expect.poll(() => toResolve.count(), { timeout: 20_000 }).toBe(1);
    expect(plansInOrg()[0]?.Goal__c).toBe(salesforceGoal);
    await toResolve.click();
    const changes = frame.getByRole('region', { name: 'Pending changes' });
    await expect.poll(() => changes.getByText('Changed in Salesforce too').count(), { timeout: 10_000 }).toBe(1);
    const goalChoice = changes.getByRole('group', { name: 'Goal' });
    const mine = goalChoice.getByRole('radio', { name: new RegExp(`^Mine\\s*${rileysGoal}$`) });
    const theirs = goalChoice.getByRole('radio', { name: new RegExp(`^Salesforce\\s*${salesforceGoal}$`) });
    expect(await mine.isChecked()).toBe(true);
    expect(await theirs.isChecked()).toBe(false);

    // Riley keeps hers: it goes to Salesforce, and the panel says all is in sync.
    await changes.getByRole('button', { name: 'Keep these values' }).click();
    await expect.poll(() => plansInOrg()[0]?.Goal__c, { timeout: 20_000 }).toBe(rileysGoal);
    await expect.poll(() => changes.getByText('Every change is in Salesforce.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => frame.getByText(/^In sync at /).count(), { timeout: 20_000 }).toBe(1);
    expect(await frame.getByRole('button', { name: /to resolve|waiting/ }).count()).toBe(0);
    expect(plansInOrg()).toHaveLength(1);

    // After a reload, the panel shows what Salesforce holds.
    await page.reload();
    await page.locator(panelFrameSelector).waitFor();
    await expect.poll(() => panel(page).getByText(rileysGoal).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await panel(page).getByText(salesforceGoal).count()).toBe(0);
  }, 180_000);
});
