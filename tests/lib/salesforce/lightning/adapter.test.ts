// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../../../demo/org/seed-data';
import { lightning } from '../../../../lib/salesforce/lightning/adapter';
import {
  type HandBuiltPage,
  handBuiltPages,
  readHandBuiltPage,
} from '../../../fixtures/pages/hand-built/hand-built-pages';
import { pageFixtures, readPageFixture } from '../../../fixtures/pages/page-fixtures';
import { mountPage } from '../../features/pipeline-badges/mount-page';

/** Every opportunity link the adapter finds in the shown page's link holders. */
function linksOnPage() {
  return lightning
    .shownPages(document)
    .flatMap((page) => lightning.linkHolders(page))
    .flatMap((holder) => lightning.opportunityLinks(holder));
}

const ids = (links: { opportunityId: string }[]) => links.map((l) => l.opportunityId);
const to18 = (tail: string) => `006Hs00000${tail}IAP`;

describe('the Lightning adapter on pages built by hand from Lightning’s documented structure', () => {
  it.each<[HandBuiltPage, string, string[]]>([
    [
      handBuiltPages.lwcListView,
      '/lightning/o/Opportunity/list?filterName=Recent',
      [to18('AAAA1'), to18('AAAA2'), to18('AAAA3')],
    ],
    [handBuiltPages.consoleWorkspaces, '/lightning/page/home', [to18('DDDD1'), to18('DDDD2')]],
    [
      handBuiltPages.kanbanBoard,
      '/lightning/o/Opportunity/list?filterName=Recent',
      [to18('EEEE1'), to18('EEEE2'), to18('EEEE3')],
    ],
    [handBuiltPages.searchResults, '/one/one.app', [to18('HHHH1'), to18('HHHH2')]],
    [
      handBuiltPages.recordLookups,
      '/lightning/r/Contact/003Hs00000JJJJ1IAP/view',
      [to18('JJJJ1'), to18('KKKK1'), to18('KKKK2')],
    ],
  ])('%s: every opportunity link once, 18-character ids, nothing else', (file, path, expected) => {
    mountPage(readHandBuiltPage(file), path);
    const found = ids(linksOnPage());
    expect([...found].sort()).toEqual(expected);
    expect(new Set(found).size).toBe(found.length);
  });

  it('descends into a native shadow root for the name cell', () => {
    mountPage(readHandBuiltPage(handBuiltPages.lwcListView), '/lightning/o/Opportunity/list');
    const alpha = linksOnPage().find((l) => l.opportunityId === to18('AAAA1'));
    expect(alpha?.link.getRootNode() instanceof ShadowRoot).toBe(true);
  });

  it('ignores the hidden workspace tabs of a console, though their pages keep .active', () => {
    mountPage(readHandBuiltPage(handBuiltPages.consoleWorkspaces), '/lightning/page/home');
    expect(document.querySelectorAll('div.windowViewMode-maximized.active')).toHaveLength(3);
    expect(lightning.shownPages(document)).toHaveLength(1);
  });

  it('a recycled row whose name link does not show its new record yet gives no link', () => {
    mountPage(readHandBuiltPage(handBuiltPages.lwcListView), '/lightning/o/Opportunity/list');
    const row = document.querySelector('tr[data-row-key-value="006Hs00000AAAA2IAP"]');
    row?.setAttribute('data-row-key-value', '006Hs00000ZZZZ9IAP');
    expect(ids(linksOnPage()).sort()).toEqual([to18('AAAA1'), to18('AAAA3')]);
    row?.querySelector('a')?.setAttribute('href', '/lightning/r/006Hs00000ZZZZ9IAP/view');
    row?.querySelector('a')?.setAttribute('data-recordid', '006Hs00000ZZZZ9IAP');
    expect(ids(linksOnPage()).sort()).toEqual([to18('AAAA1'), to18('AAAA3'), to18('ZZZZ9')]);
  });

  it('an item linking several opportunities gives each one link, the first, however often it repeats', () => {
    const link = (tail: string, label: string) => `<a href="/lightning/r/Opportunity/${to18(tail)}/view">${label}</a>`;
    mountPage(
      `<html><body><div class="oneCenterStage"><div class="windowViewMode-normal active"><flexipage-component2><ul>
        <li>${link('AAAA1', 'first')} ${link('BBBB1', 'second')} ${link('AAAA1', 'again')} ${link('CCCC1', 'third')} ${link('BBBB1', 'again')} ${link('CCCC1', 'again')}</li>
        <li>${link('AAAA1', 'other item')}</li>
      </ul></flexipage-component2></div></div></body></html>`,
      '/lightning/page/home',
    );
    expect(linksOnPage().map((l) => [l.opportunityId, l.link.textContent])).toEqual([
      [to18('AAAA1'), 'first'],
      [to18('BBBB1'), 'second'],
      [to18('CCCC1'), 'third'],
      [to18('AAAA1'), 'other item'],
    ]);
  });

  it('link holders are the outermost ones: a list view inside a page component is not watched twice', () => {
    mountPage(
      `<html><body><div class="oneCenterStage"><div class="windowViewMode-normal active">
        <flexipage-component2 id="outer"><lst-list-view-manager><div class="forceListViewManager"></div></lst-list-view-manager></flexipage-component2>
        <div class="forceSearchResultsRegion" id="search"></div>
        <flexipage-component2 id="beside"></flexipage-component2>
      </div></div></body></html>`,
      '/lightning/page/home',
    );
    const [page] = lightning.shownPages(document);
    expect(lightning.linkHolders(page as Element).map((holder) => holder.id)).toEqual(['outer', 'search', 'beside']);
  });

  it('a page without Lightning’s containers gives nothing (fails closed)', () => {
    mountPage('<html><body><a href="/lightning/r/006Hs00000AAAA1IAP/view">x</a></body></html>', '/lightning/page/home');
    expect(lightning.shownPages(document)).toEqual([]);
  });
});

describe('the Lightning adapter on saved demo pages', () => {
  const idsOf = (file: (typeof pageFixtures)[keyof typeof pageFixtures], path: string) => {
    mountPage(readPageFixture(file), path);
    return ids(linksOnPage());
  };

  it('table list view: one link per row, the row key’s record, the 15-character link normalised', () => {
    const found = idsOf(pageFixtures.opportunityListTable, '/lightning/o/Opportunity/list?filterName=AllOpportunities');
    const rows = [...document.querySelectorAll('div.windowViewMode-normal.active tr[data-row-key-value]')];
    expect([...found].sort()).toEqual(rows.map((r) => r.getAttribute('data-row-key-value')).sort());
    expect(found).toHaveLength(seedOpportunities.length);
  });

  it('Kanban: one link per card, the card’s id', () => {
    const found = idsOf(
      pageFixtures.opportunityListKanban,
      '/lightning/o/Opportunity/list?filterName=AllOpportunities',
    );
    expect([...found].sort()).toEqual(seedOpportunities.map((o) => o.Id).sort());
  });

  it('account page: its opportunities in the related list', () => {
    const found = idsOf(pageFixtures.accountRelatedList, '/lightning/r/Account/0015g00000Nwd01AAB/view');
    expect([...found].sort()).toEqual(
      seedOpportunities
        .filter((o) => o.AccountId === '0015g00000Nwd01AAB')
        .map((o) => o.Id)
        .sort(),
    );
  });

  it('home: the open opportunities, not the earlier page kept mounted', () => {
    const home = idsOf(pageFixtures.home, '/lightning/page/home');
    expect(home.length).toBeGreaterThan(0);
    const afterNavigation = idsOf(pageFixtures.recordAfterNavigation, '/lightning/r/0065g00000Acm01AAB/view');
    expect(afterNavigation).not.toEqual(expect.arrayContaining(home));
  });
});
