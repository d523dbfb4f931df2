import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities } from '../../demo/org/seed-data';
import { to18 } from '../../lib/model/record-id';
import { type DemoRun, navigateInApp, signIn, startDemoRun } from './support/demo-session';

/**
 * Morgan, the manager, browses every kind of Lightning page the demo org renders, with the
 * seeded story untouched: each opportunity link shows one badge, for the record it links, with
 * the status the story gives it; hidden pages and console tabs show none; 15-character links
 * resolve to their 18-character record.
 */

/**
 * The seeded story's status of each opportunity (demo/org/story-seed.ts), by its id's tail:
 * the plan ahead wins over earlier outcomes, an overdue outcome over everything, a meeting on
 * the calendar nobody planned for over the last outcome (Int01's continuation shows as its
 * coming discovery meeting).
 */
const storyStatuses: Record<string, string> = {
  Nwd01: 'planned', // the CFO call in two days
  Nwd02: 'meeting-no-plan', // warehouse pilot scoping tomorrow, no plan
  Glx01: 'outcome-due', // the call three days ago has no outcome
  Glx02: 'advanced',
  Acm01: 'planned',
  Acm02: 'advanced', // an order
  Int01: 'meeting-no-plan',
  Int02: 'outcome-due', // yesterday's call
  Umb01: 'planned',
  Umb02: 'lost', // a no-sale
  Stk01: 'planned',
  Stk02: 'meeting-no-plan',
};
const statusOf = (id: string) => storyStatuses[id.slice(10, 15)];
const deal = (tail: string) => {
  const found = seedOpportunities.find((o) => o.Id.slice(10, 15) === tail);
  if (!found) throw new Error(`no seed opportunity ${tail}`);
  return found;
};

const standardPage = 'div.windowViewMode-normal.active';
const consolePage = 'section.oneConsoleTab.active div.windowViewMode-maximized.active';

interface SeenBadge {
  /** `data-precall-badge`: the 18-character id the badge is for. */
  id: string;
  status: string | null;
  /** The id as the link before the badge writes it (15 or 18 characters). */
  linkId: string | null;
  /** Inside the page the user sees now. */
  shown: boolean;
}

let run: DemoRun;
let page: Page;

beforeAll(async () => {
  run = await startDemoRun();
  page = await run.browser.context.newPage();
  await signIn(page, run, 'morgan@precall.demo', '/lightning/o/Opportunity/list?filterName=AllOpportunities');
});
afterAll(async () => run?.close());

/** Every badge in the document, open shadow roots included, with the link it follows. */
function badgesInDocument(shownPage: string): Promise<SeenBadge[]> {
  return page.evaluate((shownSelector) => {
    const hosts: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.hasAttribute('data-precall-badge')) hosts.push(element);
        else if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const shown = document.querySelector(shownSelector);
    const inside = (node: Node) => {
      let current: Node | null = node;
      while (current) {
        if (shown?.contains(current)) return true;
        const root = current.getRootNode();
        current = root instanceof ShadowRoot ? root.host : null;
      }
      return false;
    };
    return hosts.map((host) => {
      const link = host.previousElementSibling;
      const href = link?.getAttribute('href') ?? '';
      return {
        id: host.getAttribute('data-precall-badge') ?? '',
        status: host.getAttribute('data-status'),
        linkId:
          link?.getAttribute('data-recordid') ??
          /\/lightning\/r\/(?:Opportunity\/)?(\w+)\/view/.exec(href)?.[1] ??
          null,
        shown: inside(host),
      };
    });
  }, shownPage);
}

/** The record ids of the opportunity links under `selector` in the shown page, as written. */
function linkIds(selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((links) =>
      links.map(
        (link) =>
          link.getAttribute('data-recordid') ?? /\/r\/(\w+)\/view/.exec(link.getAttribute('href') ?? '')?.[1] ?? '',
      ),
    );
}

/**
 * Waits until the shown page has one badge per expected link, each with the story's status, and
 * no badge anywhere else in the document (hidden pages, other console tabs).
 */
async function expectBadges(shownPage: string, expectedLinkIds: string[]): Promise<SeenBadge[]> {
  const expected = expectedLinkIds.map((linkId) => ({ id: to18(linkId), linkId, status: statusOf(linkId) }));
  const sorted = <T extends { id: string; linkId: string | null }>(list: T[]) =>
    [...list].sort((a, b) => `${a.id}${a.linkId}`.localeCompare(`${b.id}${b.linkId}`));
  let seen: SeenBadge[] = [];
  await expect
    .poll(
      async () => {
        seen = await badgesInDocument(shownPage);
        return sorted(seen.map(({ id, linkId, status }) => ({ id, linkId, status })));
      },
      { timeout: 30_000 },
    )
    .toEqual(sorted(expected));
  expect(seen.every((badge) => badge.shown)).toBe(true);
  return seen;
}

describe('Morgan’s badges on every page the demo org renders, from the seeded story', () => {
  it('list view table: every deal of the team, with the story’s status', async () => {
    const rows = `${standardPage} tr[data-row-key-value] th[scope="row"] a[data-recordid]`;
    await expect.poll(async () => (await linkIds(rows)).length).toBe(seedOpportunities.length);
    await expectBadges(standardPage, await linkIds(rows));
  });

  it('split view: one badge per list item, the 15-character item resolved to its record', async () => {
    await page.locator(`${standardPage} button[title="Display as Split View"]`).click();
    await page.locator(`${standardPage} .slds-split-view__list-item`).first().waitFor();
    const ids = await linkIds(`${standardPage} a.slds-split-view__list-item-action`);
    expect(ids).toHaveLength(seedOpportunities.length);
    expect(ids.filter((id) => id.length === 15)).toHaveLength(1);
    await expectBadges(standardPage, ids);
    // Choosing a deal shows it beside the list; its own lookups are no opportunity links.
    await page.locator(`${standardPage} a.slds-split-view__list-item-action`).nth(2).click();
    await page.locator(`${standardPage} .splitViewDetail records-lwc-highlights-panel`).waitFor();
    await expectBadges(standardPage, ids);
  });

  it('global search from the header: the opportunities found, none on the account found', async () => {
    await page.locator('form.globalSearch input[name="searchInput"]').fill('northwind');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/lightning/search' && url.search === '?searchInput=northwind');
    // Each object's table inserts its rows on its own, after a pause, as Lightning's do.
    const found = `${standardPage} [data-object="Opportunities"] th[scope="row"] a[data-recordid]`;
    await expect
      .poll(async () => (await linkIds(found)).map(to18).sort())
      .toEqual([deal('Nwd01').Id, deal('Nwd02').Id].sort());
    await page.locator(`${standardPage} [data-object="Accounts"] tr[data-row-key-value]`).first().waitFor();
    const ids = await linkIds(found);
    await expectBadges(standardPage, ids);
  });

  it('account page: the related list links by 15-character ids, badged as their 18-character records', async () => {
    const northwind = seedAccounts.find((a) => a.Name.startsWith('Northwind'));
    await navigateInApp(page, `/lightning/r/Account/${northwind?.Id}/view`);
    await page.locator(`${standardPage} lst-related-list-view-manager tr[data-row-key-value]`).first().waitFor();
    const ids = await linkIds(`${standardPage} lst-related-list-view-manager th[scope="row"] a[data-recordid]`);
    expect(ids.sort()).toEqual([deal('Nwd01').Id.slice(0, 15), deal('Nwd02').Id.slice(0, 15)].sort());
    const seen = await expectBadges(standardPage, ids);
    expect(seen.map((b) => b.id).sort()).toEqual([deal('Nwd01').Id, deal('Nwd02').Id].sort());
  });

  it('a lookup on another record: the Event’s Related To links its opportunity', async () => {
    const event = [...run.org.org.store.all('Event')].find((e) => !e.IsDeleted && e.WhatId === deal('Glx01').Id);
    if (!event) throw new Error('the story has no meeting on Globex – Plant Maintenance Suite');
    await navigateInApp(page, `/lightning/r/${event.Id}/view`);
    await page.locator(`${standardPage} records-lwc-highlights-panel`).waitFor();
    const ids = await linkIds(`${standardPage} force-lookup a[data-recordid^="006"]`);
    // Related To shows in the highlights and in the details.
    expect(ids).toEqual([deal('Glx01').Id, deal('Glx01').Id]);
    await expectBadges(standardPage, ids);
  });

  it('home after all that: its own deals only, nothing left on the pages kept hidden', async () => {
    await navigateInApp(page, '/lightning/page/home');
    await page.locator(`${standardPage} .homeOpportunities a[data-recordid]`).first().waitFor();
    expect(await page.locator('div.windowViewMode-normal:not(.active)').count()).toBeGreaterThan(2);
    const ids = await linkIds(`${standardPage} .homeOpportunities a[data-recordid]`);
    await expectBadges(standardPage, ids);
  });

  it('back and forward show the kept pages again, each with its own badges', async () => {
    await page.goBack();
    await page.waitForURL((url) => url.pathname.startsWith('/lightning/r/00U'));
    await expectBadges(standardPage, [deal('Glx01').Id, deal('Glx01').Id]);
    await page.goBack();
    await page.waitForURL((url) => url.pathname.startsWith('/lightning/r/Account/'));
    await expectBadges(standardPage, [deal('Nwd01').Id.slice(0, 15), deal('Nwd02').Id.slice(0, 15)]);
    await page.goForward();
    await page.goForward();
    await page.waitForURL((url) => url.pathname === '/lightning/page/home');
    await expectBadges(standardPage, await linkIds(`${standardPage} .homeOpportunities a[data-recordid]`));
  });

  it('console: badges in the shown workspace tab only, and back when its tab shows again', async () => {
    await page.locator('.appLauncher > button').click();
    await page.locator('.appLauncherMenu a[data-app="standard__LightningSalesConsole"]').click();
    await page.locator(`${consolePage} tr[data-row-key-value]`).first().waitFor();
    const listIds = await linkIds(`${consolePage} tr[data-row-key-value] th[scope="row"] a[data-recordid]`);
    await expectBadges(consolePage, listIds);

    const globex = seedAccounts.find((a) => a.Name.startsWith('Globex'));
    await navigateInApp(page, `/lightning/r/Account/${globex?.Id}/view`);
    await page.locator(`${consolePage} lst-related-list-view-manager tr[data-row-key-value]`).first().waitFor();
    const accountIds = await linkIds(`${consolePage} lst-related-list-view-manager th[scope="row"] a[data-recordid]`);
    expect(accountIds.map(to18).sort()).toEqual([deal('Glx01').Id, deal('Glx02').Id].sort());
    await expectBadges(consolePage, accountIds);

    // A second workspace tab: the account's tab stays mounted, hidden, its page still .active.
    await navigateInApp(page, `/lightning/r/Opportunity/${deal('Glx02').Id}/view`);
    await page.locator(`${consolePage} records-lwc-highlights-panel`).waitFor();
    expect(await page.locator('section.oneConsoleTab:not(.active) div.windowViewMode-maximized.active').count()).toBe(
      2,
    );
    await expectBadges(consolePage, []);

    // Back to the account's tab by its tab: the same links get their badges again.
    await page.locator('.oneConsoleTabItem a[title="Globex Manufacturing"]').click();
    await expectBadges(consolePage, accountIds);

    // Closing the shown tab goes back to the list view's tab; the closed tab's badges go with it.
    await page.locator('.oneConsoleTabItem button[title="Close Globex Manufacturing"]').click();
    await page.waitForURL((url) => url.pathname === '/lightning/o/Opportunity/list');
    expect(await page.locator('section.oneConsoleTab').count()).toBe(2);
    await expectBadges(consolePage, listIds);
  });
});
