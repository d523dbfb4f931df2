import type { FrameLocator, Page } from 'playwright-core';
import { type LaunchOptions, launchWithExtension, type PrecallBrowser } from '../../../demo/launch-chromium';
import { type DemoServer, startDemoServer } from '../../../demo/server';

export interface DemoRun {
  org: DemoServer;
  browser: PrecallBrowser;
  close(): Promise<void>;
}

/**
 * The demo org on a free port and Chromium with the demo build of Precall. The panel is docked in
 * the page unless asked otherwise: a framed panel is one playwright drives like any page, while
 * Chrome's side panel (the default for reps) is reached through support/side-panel.ts.
 */
export async function startDemoRun(options: LaunchOptions = {}): Promise<DemoRun> {
  const org = await startDemoServer({ port: 0, demoMode: true });
  const browser = await launchWithExtension(undefined, { placement: 'dock', ...options });
  return {
    org,
    browser,
    async close() {
      await browser.close();
      await org.close();
    },
  };
}

/** Signs the browser in as Salesforce's frontdoor does, then lands on `path`. */
export async function signIn(page: Page, run: DemoRun, username: string, path: string): Promise<void> {
  const url = new URL('/secur/frontdoor.jsp', run.org.url);
  url.searchParams.set('un', username);
  url.searchParams.set('retURL', path);
  await page.goto(url.href);
  await page.waitForURL((current) => current.pathname === new URL(path, run.org.url).pathname);
}

export const panelFrameSelector = '[data-precall-dock] iframe[data-precall-panel]';

export function panel(page: Page): FrameLocator {
  return page.frameLocator(panelFrameSelector);
}

/** Moves inside the Lightning-like app the way Lightning does: a click on an in-app link. */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    const link = document.createElement('a');
    link.href = target;
    link.textContent = 'go';
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
  await page.waitForURL((current) => `${current.pathname}${current.search}` === path);
}

/**
 * The demo story seeds plans and meetings on the team's deals, and sync brings them into every
 * profile. Tests that need a deal to carry only the plans they write clear its story first.
 */
export function clearStoryOf(org: DemoServer, opportunityIds: readonly string[]): void {
  const { store } = org.org;
  const ids = new Set(opportunityIds);
  const at = Date.now();
  for (const [object, field] of [
    ['Call_Plan__c', 'Opportunity__c'],
    ['Event', 'WhatId'],
  ] as const) {
    for (const record of [...store.all(object)]) {
      if (!record.IsDeleted && ids.has(record[field] as string)) store.markDeleted(object, record.Id, at, record);
    }
  }
}

/** Waits until the demo org holds a plan with this goal on each opportunity (sync's push landed). */
export async function waitForPlansInOrg(
  org: DemoServer,
  opportunityIds: readonly string[],
  goal: string,
): Promise<void> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const found = new Set<string>();
    for (const record of org.org.store.all('Call_Plan__c')) {
      if (!record.IsDeleted && record.Goal__c === goal) found.add(record.Opportunity__c as string);
    }
    if (opportunityIds.every((id) => found.has(id))) return;
    if (Date.now() > deadline) throw new Error(`the plans did not reach the demo org: ${goal}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
