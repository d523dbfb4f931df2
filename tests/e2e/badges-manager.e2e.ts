import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExtensionDir, launchWithExtension, type PrecallBrowser } from '../../demo/launch-chromium';
import { seedOpportunities, userIds } from '../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { type CallPlan, newCallPlan } from '../../lib/model/call-plan';
import { clearStoryOf, waitForPlansInOrg } from './support/demo-session';

/**
 * Morgan, the manager, sees the plans Riley wrote in another browser profile. Riley's plans reach
 * Salesforce by sync's push, and Morgan's database by the pull by opportunity ids that badges
 * ask for (`BackgroundDeps.pullOpportunities`).
 */

const rileys = seedOpportunities.filter((o) => o.OwnerId === userIds.riley);
const [advancedDeal, stalledDeal] = rileys as [(typeof rileys)[number], (typeof rileys)[number]];
const active = 'div.windowViewMode-normal.active';

let org: DemoServer;
const profiles: string[] = [];
const browsers: PrecallBrowser[] = [];

async function openAs(username: string, path: string): Promise<Page> {
  const profile = await mkdtemp(join(tmpdir(), `precall-${username.split('@')[0]}-`));
  profiles.push(profile);
  const browser = await launchWithExtension(demoExtensionDir, { userDataDir: profile, placement: 'dock' });
  browsers.push(browser);
  const page = await browser.context.newPage();
  await page.goto(
    `${org.url}/secur/frontdoor.jsp?un=${encodeURIComponent(username)}&retURL=${encodeURIComponent(path)}`,
  );
  return page;
}

async function savePlans(browser: PrecallBrowser, plans: CallPlan[]): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/panel.html`);
  await page.evaluate(
    async ({ origin, plans }) => {
      const { runtime } = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      for (const plan of plans) await runtime.sendMessage({ precall: 1, type: 'plan:save', payload: { origin, plan } });
    },
    { origin: org.url, plans },
  );
  await page.close();
}

describe('Morgan sees Riley’s plans after sync', () => {
  beforeAll(async () => {
    org = await startDemoServer({ port: 0, demoMode: true });
    clearStoryOf(org, [advancedDeal.Id, stalledDeal.Id]);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await org?.close();
    for (const profile of profiles) await rm(profile, { recursive: true, force: true });
  });

  it('on the list view, with the card’s details', async () => {
    await openAs('riley@precall.demo', '/lightning/page/home');
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const plan = (id: string, changes: Partial<CallPlan>) => ({
      ...newCallPlan(id, new Date(Date.now() - 72 * 3600_000)),
      goal: 'Agree the rollout scope',
      bestNextStep: 'Signed order',
      ...changes,
    });
    await savePlans(browsers[0] as PrecallBrowser, [
      plan(advancedDeal.Id, { callAt: hoursAgo(30), outcome: 'Advance', commitment: 'Best', outcomeAt: hoursAgo(29) }),
      plan(stalledDeal.Id, {
        callAt: hoursAgo(30),
        outcome: 'Continuation',
        commitment: 'Below',
        outcomeAt: hoursAgo(29),
      }),
    ]);
    await waitForPlansInOrg(org, [advancedDeal.Id, stalledDeal.Id], 'Agree the rollout scope');
    const morgan = await openAs('morgan@precall.demo', '/lightning/o/Opportunity/list?filterName=AllOpportunities');
    const badge = (id: string) => morgan.locator(`${active} [data-precall-badge="${id}"]`);
    await expect.poll(() => badge(advancedDeal.Id).getAttribute('data-status'), { timeout: 30_000 }).toBe('advanced');
    expect(await badge(stalledDeal.Id).getAttribute('data-status')).toBe('stalled');
    await badge(advancedDeal.Id).locator('button').hover();
    await expect.poll(() => badge(advancedDeal.Id).locator('#card').textContent()).toContain('Agree the rollout scope');
  });
});
