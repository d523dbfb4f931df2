import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExtensionDir, launchWithExtension, type PrecallBrowser } from '../../demo/launch-chromium';
import { showcaseOpportunityId } from '../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { panel, panelFrameSelector } from './support/demo-session';

const recordPath = `/lightning/r/Opportunity/${showcaseOpportunityId}/view`;
const goal = 'Confirm the budget owner before the pricing review';

let org: DemoServer;
let profile: string;
let browser: PrecallBrowser | undefined;
/** One browser session throughout, as a restored cookie: a session never confirmed is never trusted offline. */
let rileysSession: string;

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
  rileysSession = org.org.signIn('riley@precall.demo').token;
  profile = await mkdtemp(join(tmpdir(), 'precall-profile-'));
});
afterAll(async () => {
  await browser?.close();
  await org?.close();
  await rm(profile, { recursive: true, force: true });
});

async function openAsRiley(): Promise<Page> {
  browser = await launchWithExtension(demoExtensionDir, { userDataDir: profile, placement: 'dock' });
  const page = await browser.context.newPage();
  await page.goto(`${org.url}/secur/frontdoor.jsp?sid=${rileysSession}&retURL=${encodeURIComponent(recordPath)}`);
  await page.locator(panelFrameSelector).waitFor();
  return page;
}

async function controlOrg(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${org.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

describe('plans live in the browser first', () => {
  it('a plan written before a browser restart is there after it', async () => {
    const page = await openAsRiley();
    const frame = panel(page);
    await frame.getByRole('button', { name: 'New call plan' }).click();
    await frame.getByLabel('Goal').fill(goal);
    await frame.getByLabel('Best next step', { exact: true }).fill('Budget owner joins the next call');
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await browser?.close();

    const reopened = await openAsRiley();
    await expect.poll(() => panel(reopened).getByText(goal).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await browser?.close();
  });

  it('with Salesforce unreachable, the plans are still there and editable', async () => {
    // The Lightning page is up (as a loaded tab would be) but every API call dies on the wire.
    await controlOrg('/__demo/faults', { kind: 'drop', match: { path: '/services/' } });
    await controlOrg('/__demo/faults', { kind: 'drop', match: { path: '/id/' } });
    const page = await openAsRiley();
    const frame = panel(page);
    await expect.poll(() => frame.getByText(goal).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await frame.getByText(goal).first().click();
    await frame.getByLabel('Walk-away').fill('No budget owner by the end of the month');
    await expect.poll(() => frame.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
  });
});
