import type { Page } from 'playwright-core';
import { to18 } from '../../lib/model/record-id';
import { seedAccounts, seedOpportunities, seedUsers } from '../org/seed-data';

export interface SnapshotPlan {
  file: string;
  username: string;
  path: string;
  shows: string;
  /** Brings the page to the state to save, waiting for the rows that arrive asynchronously. */
  ready(page: Page): Promise<void>;
}

const [morgan, riley] = [seedUsers[0].Username, seedUsers[1].Username];
const showcase = seedOpportunities[0]?.Id ?? '';
const northwind = seedAccounts[0].Id;
const active = 'div.windowViewMode-normal.active';
const shownConsoleTab = 'section.oneConsoleTab.active div.windowViewMode-maximized.active';
/** The fake org's first meeting (tests/demo/pages/fake-org.ts), on the showcase opportunity. */
const showcaseMeeting = to18('00U5g00000E0a00');

const waitFor =
  (selector: string, within = active) =>
  async (page: Page) => {
    await page.locator(`${within} ${selector}`).first().waitFor();
  };

/** Moves inside the app as a click on a Lightning link does (pushState, earlier pages kept). */
async function navigate(page: Page, path: string) {
  await page.evaluate((target) => {
    const link = document.createElement('a');
    link.href = target;
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
}

/** The pages the extension's selector tests read, each in the state a content script meets. */
export const snapshotPlans: SnapshotPlan[] = [
  {
    file: 'opportunity-record.html',
    username: riley,
    path: `/lightning/r/Opportunity/${showcase}/view`,
    shows: 'Opportunity record page (long URL): highlights, path, details, key fields, activity',
    ready: waitFor('records-lwc-highlights-panel'),
  },
  {
    file: 'opportunity-record-short-url.html',
    username: riley,
    path: `/lightning/r/${showcase.slice(0, 15)}/view`,
    shows: 'Opportunity record page opened by the short URL with a 15-character id',
    ready: waitFor('records-lwc-highlights-panel'),
  },
  {
    file: 'opportunity-list-table.html',
    username: morgan,
    path: '/lightning/o/Opportunity/list?filterName=AllOpportunities',
    shows: "Opportunity list view, table display, the manager's whole team",
    ready: waitFor('tbody tr[data-row-key-value]'),
  },
  {
    file: 'opportunity-list-kanban.html',
    username: morgan,
    path: '/lightning/o/Opportunity/list?filterName=AllOpportunities',
    shows: 'The same list view switched to Kanban with the display switcher (the URL does not change)',
    async ready(page) {
      await waitFor('tbody tr[data-row-key-value]')(page);
      await page.locator(`${active} button[title="Display as Kanban"]`).click();
      await waitFor('.pipelineViewCard')(page);
    },
  },
  {
    file: 'account-record-related-list.html',
    username: riley,
    path: `/lightning/r/Account/${northwind}/view`,
    shows: 'Account record page with its Opportunities related list',
    ready: waitFor('lst-related-list-view-manager tr[data-row-key-value]'),
  },
  {
    file: 'home.html',
    username: riley,
    path: '/lightning/page/home',
    shows: "Home with the rep's open opportunities as record links",
    ready: waitFor('.homeOpportunities a[data-recordid]'),
  },
  {
    file: 'record-after-navigation.html',
    username: riley,
    path: '/lightning/page/home',
    shows: 'Home, then a click on an opportunity: the home container stays mounted without .active',
    async ready(page) {
      await waitFor('.homeOpportunities a[data-recordid]')(page);
      await page.locator(`${active} .homeOpportunities a[data-recordid]`).first().click();
      await waitFor('records-lwc-highlights-panel')(page);
    },
  },
  {
    file: 'record-not-found.html',
    username: riley,
    path: `/lightning/r/Opportunity/${seedOpportunities.find((o) => o.OwnerId !== seedUsers[1].Id)?.Id ?? ''}/view`,
    shows: "Another rep's opportunity: Lightning's record-not-found page",
    ready: waitFor('.forceRecordNotFound'),
  },
  {
    file: 'opportunity-list-split-view.html',
    username: morgan,
    path: '/lightning/o/Opportunity/list?filterName=AllOpportunities',
    shows: 'The list view switched to Split View, a deal chosen: its record beside the list (the URL does not change)',
    async ready(page) {
      await waitFor('tbody tr[data-row-key-value]')(page);
      await page.locator(`${active} button[title="Display as Split View"]`).click();
      await page.locator(`${active} a.slds-split-view__list-item-action`).nth(1).click();
      await waitFor('.splitViewDetail records-lwc-highlights-panel')(page);
    },
  },
  {
    file: 'search-results.html',
    username: morgan,
    path: '/lightning/search?searchInput=northwind',
    shows: 'Global search results for "northwind": an Opportunities table and an Accounts table',
    ready: waitFor('.forceSearchResultsRegion [data-object="Accounts"] tr[data-row-key-value]'),
  },
  {
    file: 'event-record.html',
    username: riley,
    path: `/lightning/r/${showcaseMeeting}/view`,
    shows: 'An Event record page: its Related To lookup (highlights and details) links the opportunity',
    ready: waitFor('records-lwc-highlights-panel'),
  },
  {
    file: 'console-workspaces.html',
    username: morgan,
    path: '/lightning/app/standard__LightningSalesConsole',
    shows:
      'Sales Console: the list view tab, then an opportunity and an account opened in workspace tabs; the earlier tabs stay mounted, hidden, each with its .active page',
    async ready(page) {
      await waitFor('tr[data-row-key-value]', shownConsoleTab)(page);
      await navigate(page, `/lightning/r/Opportunity/${seedOpportunities[3]?.Id}/view`);
      await waitFor('records-lwc-highlights-panel', shownConsoleTab)(page);
      await navigate(page, `/lightning/r/Account/${northwind}/view`);
      await waitFor('lst-related-list-view-manager tr[data-row-key-value]', shownConsoleTab)(page);
    },
  },
];
