import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExtensionDir, launchWithExtension, type PrecallBrowser } from '../../demo/launch-chromium';
import { seedOpportunities, showcaseOpportunityId } from '../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { type CallPlan, newCallPlan, newObjection } from '../../lib/model/call-plan';
import { clearStoryOf, panel, panelFrameSelector, waitForPlansInOrg } from './support/demo-session';

/**
 * The playbook end to end, each user in a browser profile of their own: Morgan defines the
 * playbook for "Proposal/Price Quote" on Precall's playbook page; it reaches Salesforce and
 * Riley's browser; Riley opens an opportunity at that stage, sees the checklist, completes the
 * plan and it turns ready; Morgan sees the adherence of Riley's calls.
 */

const stage = 'Proposal/Price Quote';
const recordPath = `/lightning/r/Opportunity/${showcaseOpportunityId}/view`;
const historyGoal = 'Agree the pricing with the CFO';

let org: DemoServer;
const profiles: string[] = [];
const browsers: PrecallBrowser[] = [];

async function openAs(username: string, path: string): Promise<{ browser: PrecallBrowser; page: Page }> {
  const profile = await mkdtemp(join(tmpdir(), `precall-${username.split('@')[0]}-`));
  profiles.push(profile);
  const browser = await launchWithExtension(demoExtensionDir, { userDataDir: profile, placement: 'dock' });
  browsers.push(browser);
  const page = await browser.context.newPage();
  await page.goto(
    `${org.url}/secur/frontdoor.jsp?un=${encodeURIComponent(username)}&retURL=${encodeURIComponent(path)}`,
  );
  await page.waitForURL((current) => current.pathname === path);
  return { browser, page };
}

const playbookPage = (browser: PrecallBrowser) =>
  `chrome-extension://${browser.extensionId}/playbook.html?origin=${encodeURIComponent(org.url)}`;

async function waitInOrg(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not in the demo org: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const live = (sobject: string) => [...org.org.store.all(sobject)].filter((record) => record.IsDeleted !== true);

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
  // Only the calls this test plans count in the adherence it reads.
  clearStoryOf(
    org,
    seedOpportunities.map((o) => o.Id),
  );
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await org?.close();
  for (const profile of profiles) await rm(profile, { recursive: true, force: true });
});

describe('the team playbook', () => {
  let morgan: { browser: PrecallBrowser; page: Page };

  // Two browsers and their syncs on a shared machine: each step waits on conditions, within these.
  const stepTimeout = 150_000;

  it(
    `Morgan defines the playbook for "${stage}" and it reaches Salesforce`,
    async () => {
      morgan = await openAs('morgan@precall.demo', '/lightning/page/home');
      const page = await morgan.browser.context.newPage();
      await page.goto(playbookPage(morgan.browser));
      await page.getByRole('button', { name: "Start your team's playbook" }).click({ timeout: 45_000 });
      await page.getByLabel('Playbook name').fill('Team West');
      const proposal = page.getByRole('region', { name: stage });
      await proposal.getByRole('button', { name: `Add requirements for ${stage}` }).click();
      await proposal.getByRole('checkbox', { name: 'Minimum next step' }).check();
      await proposal.getByRole('checkbox', { name: 'Budget confirmed' }).check();
      await proposal.getByLabel('Expected objections, at least').fill('1');
      await proposal.getByLabel('Guidance for the rep').fill('Price only once the decision process is known.');
      await proposal.getByRole('button', { name: 'Add an objection' }).click();
      await proposal.getByLabel('Objection 1').fill('Too expensive');
      await proposal.getByLabel('Recommended response').fill('Walk through the ROI study');

      await waitInOrg(
        () =>
          live('Playbook_Stage__c').some((s) => s.Stage_Name__c === stage && s.Confirm_Budget__c === true) &&
          live('Playbook_Objection__c').some((o) => o.Response__c === 'Walk through the ROI study'),
        'the playbook',
      );
      expect(live('Playbook__c').map((p) => p.Name)).toEqual(['Team West']);
      await page.close();
    },
    stepTimeout,
  );

  it(
    'Riley opens an opportunity at that stage, sees the checklist, completes the plan, and it turns ready',
    async () => {
      const riley = await openAs('riley@precall.demo', recordPath);
      const { page } = riley;
      await page.locator(panelFrameSelector).waitFor();
      const frame = panel(page);
      await frame.getByRole('button', { name: 'New call plan' }).click({ timeout: 30_000 });
      const checklist = frame.getByRole('region', { name: 'Playbook' });
      // Riley's first sync brings the team's playbook; the panel asks again after it.
      await expect
        .poll(() => checklist.getByRole('status').textContent(), { timeout: 45_000 })
        .toMatch(/^Not ready: \d of 5 still to do$/);
      expect(await checklist.getByText('Price only once the decision process is known.').count()).toBe(1);

      await frame.getByLabel('Goal').fill('Agree the rollout scope with the CFO');
      await frame.getByLabel('Best next step', { exact: true }).fill('Signed order for phase one');
      await frame.getByLabel('Minimum next step').fill('Pricing workshop booked');
      await checklist.getByRole('button', { name: 'Add "Too expensive"' }).click();
      await expect.poll(() => checklist.getByRole('status').textContent()).toBe('Not ready: 1 of 5 still to do');
      await frame.getByLabel('Budget').selectOption('Confirmed');
      await expect.poll(() => checklist.getByRole('status').textContent()).toBe('Ready for the call');
      await waitForPlansInOrg(org, [showcaseOpportunityId], 'Agree the rollout scope with the CFO');

      // Last week's call, planned to the playbook before it was held, with its outcome.
      const day = 24 * 3600_000;
      const held: CallPlan = {
        ...newCallPlan(showcaseOpportunityId, new Date(Date.now() - 3 * day)),
        callAt: new Date(Date.now() - 2 * day).toISOString(),
        goal: historyGoal,
        bestNextStep: 'Signed order',
        minimumNextStep: 'Pricing workshop booked',
        budget: 'Confirmed',
        objections: [
          {
            ...newObjection(0, true),
            objection: 'Too expensive',
            response: 'Walk through the ROI study',
            raised: true,
            handled: 'Yes',
          },
        ],
        outcome: 'Advance',
        commitment: 'Best',
        outcomeAt: new Date(Date.now() - 2 * day + 3600_000).toISOString(),
      };
      const extensionPage = await riley.browser.context.newPage();
      await extensionPage.goto(`chrome-extension://${riley.browser.extensionId}/panel.html`);
      const reply = await extensionPage.evaluate(
        async ({ origin, plan }) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({
            precall: 1,
            type: 'plan:save',
            payload: { origin, plan },
          }),
        { origin: org.url, plan: held },
      );
      expect(reply).toMatchObject({ ok: true });
      await extensionPage.close();
      await waitForPlansInOrg(org, [showcaseOpportunityId], historyGoal);
      // Its objection goes once Salesforce has the plan.
      await waitInOrg(
        () => live('Call_Plan_Objection__c').some((o) => o.Objection__c === 'Too expensive' && o.Raised__c === true),
        "the held call's objection",
      );
    },
    stepTimeout,
  );

  it(
    "Morgan sees the adherence of Riley's calls and how the curated objection fared",
    async () => {
      const page = await morgan.browser.context.newPage();
      await page.goto(playbookPage(morgan.browser));
      const adherence = page.getByRole('region', { name: 'Adherence' });
      const rileyRow = adherence.getByRole('row', { name: /Riley Chen/ });
      await expect.poll(() => rileyRow.textContent(), { timeout: 90_000 }).toContain('1 of 1 ready (100 %)');
      const objectionRow = adherence.getByRole('row', { name: /Too expensive/ });
      await expect.poll(() => objectionRow.textContent()).toContain('Walk through the ROI study: handled 1 of 1');
      expect(await adherence.getByText(/^1 calls, 1 outcomes logged, advance rate 100 %/).count()).toBe(1);
    },
    stepTimeout,
  );
});
