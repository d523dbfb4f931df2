import type { Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../../demo/server';

export type { DemoServer };

export const startOrg = () => startDemoServer({ port: 0, demoMode: true });

export async function demoControl<T = unknown>(
  org: DemoServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${org.url}/__demo/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__demo/${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const recordPath = (opportunityId: string) => `/lightning/r/Opportunity/${opportunityId}/view`;
export const listPath = '/lightning/o/Opportunity/list?filterName=AllOpportunities';

/** Signs the browser in as Salesforce's frontdoor does and lands on `path`. */
export async function signIn(page: Page, org: DemoServer, username: string, path: string): Promise<void> {
  await page.goto(`${org.url}/secur/frontdoor.jsp?un=${username}&retURL=${encodeURIComponent(path)}`);
  await page.waitForURL((url) => url.pathname === new URL(path, org.url).pathname);
}

/** Salesforce API requests by kind since the last reset (the demo org's statistics). */
export async function apiRequests(org: DemoServer, username: string): Promise<Record<string, number>> {
  const stats = await demoControl<{ byUser: Record<string, { byKind: Record<string, number> } | undefined> }>(
    org,
    'GET',
    'stats',
  );
  return stats.byUser[username]?.byKind ?? {};
}

/**
 * Resolves once the page's main thread has had two idle periods of 40 ms in a row. (A string:
 * functions declared inside an evaluated function would carry the bundler's helpers along.)
 */
export const idleExpression = `new Promise((resolve) => {
  let quiet = 0;
  const check = (deadline) => {
    quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
    if (quiet >= 2) resolve(true);
    else requestIdleCallback(check);
  };
  requestIdleCallback(check);
})`;

export async function mainThreadIdle(page: Page): Promise<void> {
  await page.evaluate(idleExpression);
}
