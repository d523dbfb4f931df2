// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities } from '../../../../demo/org/seed-data';
import { to18 } from '../../../../lib/model/record-id';
import { lightning } from '../../../../lib/salesforce/lightning/adapter';
import { type PageFixture, pageFixtures, readPageFixture } from '../../../fixtures/pages/page-fixtures';
import { mountPage } from '../../features/pipeline-badges/mount-page';

/**
 * The adapter on the saved pages of the demo org's newer page kinds (split view, search, a
 * lookup on an Event, the account related list by 15-character ids, the console), each mounted
 * at the URL it was saved from (index.json).
 */
const index = (await import('../../../fixtures/pages/index.json')).default as { file: string; path: string }[];
const pathOf = (file: PageFixture) => index.find((entry) => entry.file === file)?.path ?? '/';

function linksOn(file: PageFixture) {
  mountPage(readPageFixture(file), pathOf(file));
  return lightning
    .shownPages(document)
    .flatMap((page) => lightning.linkHolders(page))
    .flatMap((holder) => lightning.opportunityLinks(holder));
}
const sortedIds = (links: { opportunityId: string }[]) => links.map((l) => l.opportunityId).sort();
const idsOf = (predicate: (o: (typeof seedOpportunities)[number]) => boolean) =>
  seedOpportunities
    .filter(predicate)
    .map((o) => o.Id)
    .sort();
const northwind = seedAccounts[0].Id;

describe('the Lightning adapter on the demo org’s saved pages', () => {
  it('split view: one link per list item, every deal once, the 15-character item as its 18-character record', () => {
    const links = linksOn(pageFixtures.opportunityListSplitView);
    expect(sortedIds(links)).toEqual(idsOf(() => true));
    const short = links.find((l) => l.link.getAttribute('data-recordid')?.length === 15);
    expect(short?.opportunityId).toBe(to18(short?.link.getAttribute('data-recordid') ?? ''));
    // The chosen deal's record beside the list links only its account and owner.
    const detail = document.querySelector('div.windowViewMode-normal.active .splitViewDetail');
    expect(detail && links.some((l) => detail.contains(l.link))).toBe(false);
  });

  it('search results: the opportunities found, not the account found', () => {
    expect(sortedIds(linksOn(pageFixtures.searchResults))).toEqual(idsOf((o) => o.AccountId === northwind));
  });

  it('account related list: links written with 15-character ids resolve to the rows’ 18-character records', () => {
    const links = linksOn(pageFixtures.accountRelatedList);
    expect(links.map((l) => l.link.getAttribute('data-recordid')?.length)).toEqual([15, 15]);
    expect(sortedIds(links)).toEqual(idsOf((o) => o.AccountId === northwind));
  });

  it('an Event’s Related To lookup, in the highlights and in the details: two links to one deal', () => {
    const links = linksOn(pageFixtures.eventRecord);
    expect(links.map((l) => l.opportunityId)).toEqual([seedOpportunities[0]?.Id, seedOpportunities[0]?.Id]);
    expect(new Set(links.map((l) => l.link)).size).toBe(2);
  });

  it('console: only the shown workspace tab, though the hidden tabs keep their .active pages', () => {
    const links = linksOn(pageFixtures.consoleWorkspaces);
    expect(document.querySelectorAll('div.windowViewMode-maximized.active')).toHaveLength(3);
    expect(lightning.shownPages(document)).toHaveLength(1);
    expect(sortedIds(links)).toEqual(idsOf((o) => o.AccountId === northwind));
  });

  it('console: showing the list view’s tab instead shows its links, and the account’s go', () => {
    linksOn(pageFixtures.consoleWorkspaces);
    const tabs = document.querySelectorAll('section.oneConsoleTab');
    tabs[2]?.classList.remove('active');
    tabs[0]?.classList.add('active');
    const links = lightning
      .shownPages(document)
      .flatMap((page) => lightning.linkHolders(page))
      .flatMap((holder) => lightning.opportunityLinks(holder));
    expect(sortedIds(links)).toEqual(idsOf(() => true));
  });
});
