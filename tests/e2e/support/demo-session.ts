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
