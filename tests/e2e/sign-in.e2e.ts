import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type PrecallBrowser } from '../../demo/launch-chromium';
import { seedOpportunities } from '../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { panel, panelFrameSelector } from './support/demo-session';

const rileys = seedOpportunities.filter((o) => o.OwnerId.startsWith('0055g00000Rly01'));
const opportunity = rileys[0];
if (!opportunity) throw new Error('the seed has an opportunity for Riley');
const recordPath = `/lightning/r/Opportunity/${opportunity.Id}/view`;

let org: DemoServer;
let browser: PrecallBrowser;
let context: BrowserContext;
let port: string;
/** Lightning pages on one host, the REST API on its My Domain host: as in a real org. */
let lightning: string;
let myDomain: string;

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
  port = new URL(org.url).port;
  lightning = `http://acme.lightning.localhost:${port}`;
  myDomain = `http://acme.my.localhost:${port}`;
  browser = await launchWithExtension(undefined, { placement: 'dock' });
  context = browser.context;
});
afterAll(async () => {
  await browser?.close();
  await org?.close();
});
beforeEach(async () => {
  await control('/__demo/faults', undefined, 'DELETE');
  await control('/__demo/access', { reset: true });
  await context.clearCookies();
});

async function control(path: string, body?: unknown, method = 'POST'): Promise<void> {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

/**
 * The browser as Salesforce leaves it after a sign-in: the Lightning host has its own session
 * (the REST API refuses it), the My Domain host the API session.
 */
async function browserSignedIn(apiSid: string, lightningUser = 'riley@precall.demo'): Promise<void> {
  await context.addCookies([
    { name: 'sid', value: org.org.signIn(lightningUser, 'ui').token, url: lightning },
    { name: 'sid', value: apiSid, url: myDomain },
  ]);
}

async function apiSession(username: string): Promise<string> {
  return org.org.signIn(username).token;
}

async function openRecord(page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  await tab.goto(`${lightning}${recordPath}`);
  await tab.locator(panelFrameSelector).waitFor();
  return tab;
}

async function outcomeOf(page: Page): Promise<string | null> {
  const alert = panel(page).locator('[data-sign-in-outcome]');
  await alert.waitFor({ timeout: 15_000 });
  return alert.getAttribute('data-sign-in-outcome');
}

describe('sign-in outcomes reach the panel, found through the My Domain host', () => {
  it('signs in with the API host session, not the Lightning one', async () => {
    await browserSignedIn(await apiSession('riley@precall.demo'));
    const page = await openRecord();
    await expect.poll(() => panel(page).getByText('Riley Chen').count(), { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it('a stale session (restored after a restart): "open Salesforce in a tab", then signing in again works', async () => {
    const stale = await apiSession('riley@precall.demo');
    await control('/__demo/expire-token', { token: stale });
    await browserSignedIn(stale);
    const page = await openRecord();
    expect(await outcomeOf(page)).toBe('not-signed-in');
    expect(await panel(page).getByText('Open Salesforce in a tab to sign in').count()).toBe(1);
    // The rep signs in again in a tab: a fresh session on the My Domain host.
    await context.addCookies([{ name: 'sid', value: await apiSession('riley@precall.demo'), url: myDomain }]);
    await panel(page).getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => panel(page).getByText('Riley Chen').count(), { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it.each([
    [{ apiAccessControl: true }, 'api-access-control', /sign in to Precall with OAuth/],
    [{ usersWithoutApi: ['riley@precall.demo'] }, 'api-disabled-for-user', /API Enabled/],
    [{ apiDisabledForOrg: true }, 'api-disabled-for-org', /edition does not include API access/],
  ])('the org set to %o: the %s outcome in its words', async (settings, code, words) => {
    await control('/__demo/access', settings);
    await browserSignedIn(await apiSession('riley@precall.demo'));
    const page = await openRecord();
    expect(await outcomeOf(page)).toBe(code);
    expect(await panel(page).locator('[data-sign-in-outcome] strong').textContent()).toMatch(words);
    await page.close();
  });
});

describe('no user ever in another’s data', () => {
  it('two users of one org in turn, offline, each see only their own plans; an unconfirmed one sees none', async () => {
    const rileySid = await apiSession('riley@precall.demo');
    const samSid = await apiSession('sam@precall.demo');
    const page = await context.newPage();

    async function writePlanAs(sid: string, name: string, goal: string) {
      await browserSignedIn(sid);
      await openRecord(page);
      const frame = panel(page);
      await expect.poll(() => frame.getByText(name).count(), { timeout: 15_000 }).toBe(1);
      await frame.getByRole('button', { name: 'New call plan' }).click();
      await frame.getByLabel('Goal').fill(goal);
      await frame.getByLabel('Best next step', { exact: true }).fill('A signed order');
      await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    }
    await writePlanAs(rileySid, 'Riley Chen', "Riley's own goal");
    await writePlanAs(samSid, 'Sam Okafor', "Sam's own goal");

    // Salesforce unreachable from here on: only sessions confirmed before are known.
    await control('/__demo/faults', { kind: 'drop', match: { path: '/services/' } });
    await control('/__demo/faults', { kind: 'drop', match: { path: '/id/' } });

    await browserSignedIn(rileySid);
    await openRecord(page);
    await expect.poll(() => panel(page).getByText("Riley's own goal").count(), { timeout: 15_000 }).toBe(1);
    expect(await panel(page).getByText("Sam's own goal").count()).toBe(0);

    await browserSignedIn(samSid);
    await openRecord(page);
    await expect.poll(() => panel(page).getByText("Sam's own goal").count(), { timeout: 15_000 }).toBe(1);
    expect(await panel(page).getByText("Riley's own goal").count()).toBe(0);

    // A third user of the org, never confirmed: Precall says so rather than guess.
    await browserSignedIn(await apiSession('morgan@precall.demo'));
    await openRecord(page);
    expect(await outcomeOf(page)).toBe('identity-unconfirmed');
    expect(await panel(page).getByText("Riley's own goal").count()).toBe(0);
    expect(await panel(page).getByText("Sam's own goal").count()).toBe(0);
    await page.close();
  });
});

describe('a page of org A cannot make a framed panel speak for org B', () => {
  let orgB: DemoServer;
  beforeAll(async () => {
    orgB = await startDemoServer({ port: 0, demoMode: true, orgId: '00D5g00000OrgB1' });
  });
  afterAll(async () => orgB?.close());

  it('the panel framed by org A with ?origin=<org B> gets nothing of org B', async () => {
    const hostA = `http://orga.localhost:${port}`;
    const hostB = `http://orgb.localhost:${new URL(orgB.url).port}`;
    await context.addCookies([
      { name: 'sid', value: org.org.signIn('riley@precall.demo').token, url: hostA },
      { name: 'sid', value: orgB.org.signIn('riley@precall.demo').token, url: hostB },
    ]);
    // In org B, Riley writes a plan.
    const pageB = await context.newPage();
    await pageB.goto(`${hostB}${recordPath}`);
    const frameB = panel(pageB);
    await frameB.getByRole('button', { name: 'New call plan' }).click();
    await frameB.getByLabel('Goal').fill('Org B confidential goal');
    await frameB.getByLabel('Best next step', { exact: true }).fill('Org B next step');
    await expect.poll(() => frameB.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    // A page of org A frames the panel, naming org B.
    const pageA = await context.newPage();
    await pageA.goto(`${hostA}/lightning/page/home`);
    await pageA.evaluate(
      ({ src }) => {
        const frame = document.createElement('iframe');
        frame.id = 'forged';
        frame.src = src;
        frame.style.width = '600px';
        frame.style.height = '600px';
        document.body.append(frame);
      },
      {
        src: `chrome-extension://${browser.extensionId}/panel.html?origin=${encodeURIComponent(hostB)}&opportunityId=${opportunity.Id}`,
      },
    );
    const forged = pageA.frameLocator('#forged');
    await expect
      .poll(() => forged.getByText('A framed Precall page speaks only for the Salesforce page around it').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await forged.getByText('Org B confidential goal').count()).toBe(0);
    // Org B's own panel still has it.
    await pageB.reload();
    await expect.poll(() => panel(pageB).getByText('Org B confidential goal').count(), { timeout: 15_000 }).toBe(1);
  });
});
