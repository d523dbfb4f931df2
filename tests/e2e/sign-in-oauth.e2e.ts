import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../demo/org/seed-data';
import { type DemoRun, panel, panelFrameSelector, signIn, startDemoRun } from './support/demo-session';

const opportunity = seedOpportunities.find((o) => o.OwnerId.startsWith('0055g00000Rly01'));
if (!opportunity) throw new Error('the seed has an opportunity for Riley');
const recordPath = `/lightning/r/Opportunity/${opportunity.Id}/view`;
const consumerKey = 'precall-eca-demo';

let run: DemoRun;
let options: Page;

beforeAll(async () => {
  run = await startDemoRun();
});
afterAll(async () => run?.close());

async function control(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${run.org.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

async function tokenRequests(): Promise<number> {
  const stats = (await (await fetch(`${run.org.url}/__demo/stats`)).json()) as Record<string, unknown>;
  const text = JSON.stringify(stats);
  return Number(/"oauth\.token":\s*(\d+)/.exec(text)?.[1] ?? 0);
}

describe('the OAuth fallback under API Access Control', () => {
  it('the panel offers it; the options page signs in with PKCE in a tab; the panel then works', async () => {
    await control('/__demo/access', { apiAccessControl: true, approvedClients: [consumerKey] });
    const page = await run.browser.context.newPage();
    await signIn(page, run, 'riley@precall.demo', recordPath);
    await page.locator(panelFrameSelector).waitFor();
    await expect
      .poll(() => panel(page).locator('[data-sign-in-outcome]').getAttribute('data-sign-in-outcome'), {
        timeout: 15_000,
      })
      .toBe('api-access-control');

    options = await run.browser.context.newPage();
    await options.goto(`chrome-extension://${run.browser.extensionId}/options.html`);
    await expect
      .poll(() => options.locator('[data-callback-url]').textContent())
      .toBe(`chrome-extension://${run.browser.extensionId}/oauth.html`);
    await options.getByLabel('Sign in at').selectOption('my-domain');
    await options.getByLabel('My Domain URL').fill(run.org.url);
    await options.getByLabel('Consumer key').fill(consumerKey);
    const callbackTab = run.browser.context.waitForEvent('page');
    await options.getByRole('button', { name: 'Sign in with Salesforce' }).click();
    const tab = await callbackTab;
    await expect
      .poll(() => tab.locator('[data-oauth-result]').textContent(), { timeout: 15_000 })
      .toBe('Signed in as Riley Chen');
    // The code never stays in the address bar.
    expect(new URL(tab.url()).search).toBe('');
    await tab.close();

    await page.reload();
    await expect.poll(() => panel(page).getByText('Riley Chen').count(), { timeout: 15_000 }).toBe(1);
    // The name shows with the session; the plans (and their New call plan button) load after it.
    await expect
      .poll(() => panel(page).getByRole('button', { name: 'New call plan' }).count(), { timeout: 15_000 })
      .toBe(1);

    await options.reload();
    await expect.poll(() => options.locator('[data-signed-in-via="oauth"]').count(), { timeout: 10_000 }).toBe(1);
  });

  it('refreshes twice with rotation when Salesforce ends the access token, and shows the API usage', async () => {
    for (let round = 0; round < 2; round++) {
      await control('/__demo/expire-token', { username: 'riley@precall.demo' });
      const before = await tokenRequests();
      await options.getByRole('button', { name: 'Check org' }).first().click();
      await expect
        .poll(() => options.locator('[data-check="API enabled"]').textContent(), { timeout: 15_000 })
        .toContain('Salesforce answers Precall');
      expect(await tokenRequests()).toBe(before + 1);
      await options.reload();
    }
    // A reused refresh token would have revoked the family: the sign-in is still alive.
    await options.getByRole('button', { name: 'Check org' }).first().click();
    await expect
      .poll(() => options.locator('[data-check="Call_Plan__c fields"]').textContent(), { timeout: 15_000 })
      .toContain('visible');
    await expect.poll(() => options.locator('[data-api-usage]').count(), { timeout: 10_000 }).toBe(1);
    expect(await options.locator('[data-api-usage]').textContent()).toMatch(/API usage: \d+ of 15,000 calls/);
    expect(await options.locator('[data-check="Permission set"]').textContent()).toContain('Assigned: Precall_User');
  });

  it('finishes a sign-in whose worker was stopped while the rep signed in at Salesforce', async () => {
    const context = run.browser.context;
    // The browser's Salesforce session has ended: the authorize page asks the rep to sign in,
    // and while they do, Chrome stops the idle worker.
    await context.clearCookies({ name: 'sid' });
    await options.reload();
    await options.getByLabel('Sign in at').selectOption('my-domain');
    await options.getByLabel('My Domain URL').fill(run.org.url);
    await options.getByLabel('Consumer key').fill(consumerKey);
    const callbackTab = context.waitForEvent('page');
    await options.getByRole('button', { name: 'Sign in with Salesforce' }).click();
    const tab = await callbackTab;
    await tab.waitForURL((url) => url.pathname === '/login');

    const devtools = await context.newCDPSession(options);
    const stopped = new Promise<void>((resolve) => {
      devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.includes(run.browser.extensionId) && v.runningStatus === 'stopped'))
          resolve();
      });
    });
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await devtools.detach();

    await tab.getByRole('button', { name: /Riley Chen/ }).click();
    // The callback wakes a new worker, which finds the flow (and its verifier) in storage.
    await expect
      .poll(() => tab.locator('[data-oauth-result]').textContent(), { timeout: 20_000 })
      .toBe('Signed in as Riley Chen');
    await tab.close();
  });

  it('an org check names the permission set to assign when Precall’s objects are hidden', async () => {
    await control('/__demo/access', { usersWithoutPermissionSet: ['riley@precall.demo'] });
    await options.reload();
    await options.getByRole('button', { name: 'Check org' }).first().click();
    await expect
      .poll(() => options.locator('[data-check="Call_Plan__c visible"]').textContent(), { timeout: 15_000 })
      .toContain('Precall User');
    expect(await options.locator('[data-check="Permission set"]').textContent()).toContain(
      'Neither Precall User nor Precall Manager is assigned to you',
    );

    // The panel says the same, and keeps what the rep writes in the browser.
    const page = await run.browser.context.newPage();
    // The browser session the OAuth sign-in was bound to (a new Salesforce login asks for it anew).
    await page.goto(new URL(recordPath, run.org.url).href);
    await page.locator(panelFrameSelector).waitFor();
    await expect
      .poll(() => panel(page).locator('[data-sign-in-outcome="objects-not-visible"]').textContent(), {
        timeout: 20_000,
      })
      .toContain('Precall User');
    await page.close();
  });
});
