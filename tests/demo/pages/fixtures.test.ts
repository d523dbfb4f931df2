import { describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities, showcaseOpportunityId, userIds } from '../../../demo/org/seed-data';
import { loadPageFixture, pageFixtures } from '../../fixtures/pages/page-fixtures';

/** The saved pages keep the markup promised to content scripts (salesforce-reference §4.3/§4.5). */
const active = 'div.windowViewMode-normal.active';
const idLike = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll(element.shadowRoot, selector));
  }
  return found;
}

describe('page fixtures', () => {
  it.each(Object.values(pageFixtures).filter((file) => file !== pageFixtures.consoleWorkspaces))(
    '%s is a Lightning page with one active container',
    (file) => {
      const doc = loadPageFixture(file);
      expect(doc.querySelector('#auraLoadingBox')).not.toBeNull();
      expect(doc.querySelectorAll(active)).toHaveLength(1);
      expect(doc.querySelectorAll('script')).toHaveLength(0);
    },
  );

  it('the console keeps every workspace tab mounted, each with its .active page, one tab shown', () => {
    const doc = loadPageFixture(pageFixtures.consoleWorkspaces);
    expect(doc.querySelectorAll('div.windowViewMode-normal')).toHaveLength(0);
    const tabs = [...doc.querySelectorAll('#oneCenterStage > div.tabsetBody > section.oneConsoleTab')];
    expect(tabs).toHaveLength(3);
    expect(tabs.map((tab) => tab.classList.contains('active'))).toEqual([false, false, true]);
    for (const tab of tabs)
      expect(tab.querySelectorAll(':scope > div.windowViewMode-maximized.active')).toHaveLength(1);
    // The hidden tabs still hold opportunity links: the list view and the opportunity's own page.
    expect(tabs[0]?.querySelectorAll('tr[data-row-key-value]').length).toBe(seedOpportunities.length);
    expect(tabs[1]?.querySelector('one-record-home-flexipage2')?.getAttribute('data-record-id')).toBe(
      seedOpportunities[3]?.Id,
    );
    expect(tabs[2]?.querySelector('lst-related-list-view-manager tr[data-row-key-value]')).not.toBeNull();
    const tabLabels = [...doc.querySelectorAll('.tabBarItems .oneConsoleTabItem a')].map((a) => a.textContent);
    expect(tabLabels).toEqual(['Opportunities', seedOpportunities[3]?.Name, seedAccounts[0].Name]);
  });

  it('the split view lists every deal as a split view item, one by its 15-character id, a deal chosen beside it', () => {
    const page = loadPageFixture(pageFixtures.opportunityListSplitView).querySelector(active);
    const links = [
      ...(page?.querySelectorAll('li.slds-split-view__list-item > a.slds-split-view__list-item-action') ?? []),
    ];
    expect(links).toHaveLength(seedOpportunities.length);
    const ids = links.map((a) => a.getAttribute('data-recordid') ?? '');
    expect(ids.filter((id) => id.length === 15)).toHaveLength(1);
    for (const link of links)
      expect(link.getAttribute('href')).toBe(`/lightning/r/${link.getAttribute('data-recordid')}/view`);
    expect(links.filter((a) => a.getAttribute('aria-selected') === 'true')).toHaveLength(1);
    expect(page?.querySelector('.splitViewDetail one-record-home-flexipage2')).not.toBeNull();
  });

  it('search results group the records found by object, opportunities and accounts in their own tables', () => {
    const page = loadPageFixture(pageFixtures.searchResults).querySelector(active);
    const rowsOf = (object: string) =>
      [
        ...(page?.querySelectorAll(`.forceSearchResultsRegion [data-object="${object}"] tr[data-row-key-value]`) ?? []),
      ].map((tr) => tr.getAttribute('data-row-key-value'));
    expect(rowsOf('Opportunities').sort()).toEqual(
      seedOpportunities
        .filter((o) => o.Name.startsWith('Northwind'))
        .map((o) => o.Id)
        .sort(),
    );
    expect(rowsOf('Accounts')).toEqual([seedAccounts[0].Id]);
  });

  it('the Event record page links its opportunity by the Related To lookup', () => {
    const page = loadPageFixture(pageFixtures.eventRecord).querySelector(active);
    const relatedTo = [
      ...(page?.querySelectorAll('force-lookup records-hoverable-link a[data-recordid^="006"]') ?? []),
    ];
    expect(relatedTo.map((a) => a.getAttribute('data-recordid'))).toEqual([
      showcaseOpportunityId,
      showcaseOpportunityId,
    ]);
    expect(page?.querySelector('records-record-layout-item[field-label="Related To"] a')?.textContent).toBe(
      seedOpportunities[0]?.Name,
    );
  });

  it.each([pageFixtures.opportunityRecord, pageFixtures.opportunityRecordShortUrl])(
    '%s has the record page components and fields',
    (file) => {
      const page = loadPageFixture(file).querySelector(active);
      expect(
        page?.querySelector(`one-record-home-flexipage2[data-record-id="${showcaseOpportunityId}"]`),
      ).not.toBeNull();
      expect(page?.querySelector('records-lwc-highlights-panel h1 lightning-formatted-text')?.textContent).toBe(
        seedOpportunities[0]?.Name,
      );
      const labels = [...(page?.querySelectorAll('records-record-layout-item .test-id__field-label') ?? [])].map(
        (l) => l.textContent,
      );
      expect(labels).toEqual(expect.arrayContaining(['Stage', 'Amount', 'Close Date', 'Next Step', 'Probability (%)']));
      expect(page?.querySelectorAll('record_flexipage-record-field')).toHaveLength(6);
      const account = page?.querySelector(
        'records-lwc-highlights-panel force-lookup records-hoverable-link a[data-recordid]',
      );
      expect(account?.getAttribute('href')).toBe(`/lightning/r/${seedAccounts[0].Id}/view`);
      expect(page?.querySelector('.slds-path__item.slds-is-current')?.textContent).toBe(
        seedOpportunities[0]?.StageName,
      );
    },
  );

  it('the table list view keys rows by id, keeps the name link in a shadow root and one 15-character link', () => {
    const page = loadPageFixture(pageFixtures.opportunityListTable).querySelector(active);
    if (!page) throw new Error('no active page');
    const rows = [...page.querySelectorAll('lst-customized-datatable tbody tr[data-row-key-value]')];
    expect(rows).toHaveLength(seedOpportunities.length);
    for (const row of rows) {
      expect(row.querySelector('th[scope="row"] a[data-recordid]')).toBeNull();
      const host = row.querySelector('th[scope="row"] lightning-primitive-custom-cell');
      const link = host?.shadowRoot?.querySelector('force-lookup records-hoverable-link a[data-recordid]');
      expect(link?.getAttribute('data-recordid')?.slice(0, 15)).toBe(
        row.getAttribute('data-row-key-value')?.slice(0, 15),
      );
    }
    // Selectors do not cross shadow boundaries: find the hosts first, then look inside each.
    const nameIds = [...page.querySelectorAll('th[scope="row"] lightning-primitive-custom-cell')]
      .flatMap((host) => (host.shadowRoot ? deepQueryAll(host.shadowRoot, 'a[data-recordid]') : []))
      .map((a) => a.getAttribute('data-recordid') ?? '');
    expect(nameIds).toHaveLength(seedOpportunities.length);
    expect(nameIds.filter((id) => id.length === 15)).toHaveLength(1);
    expect(nameIds.every((id) => idLike.test(id))).toBe(true);
  });

  it('the Kanban display has stage columns and cards whose class names carry the id', () => {
    const doc = loadPageFixture(pageFixtures.opportunityListKanban);
    expect(doc.querySelectorAll(`${active} .runtime_sales_pipelineboardPipelineViewColumn`)).toHaveLength(8);
    expect(doc.querySelector(`${active} tr[data-row-key-value]`)).toBeNull();
    const cards = [
      ...doc.querySelectorAll(
        `${active} li.runtime_sales_pipelineboardPipelineViewCardStencil > div.pipelineViewCard > div.pipelineViewCardInnerWrapper`,
      ),
    ];
    expect(cards).toHaveLength(seedOpportunities.length);
    for (const wrapper of cards) {
      const id = wrapper.parentElement?.className.split(/\s+/).find((c) => /^006[A-Za-z0-9]{12,15}$/.test(c));
      expect(id).toHaveLength(18);
    }
  });

  it('the account page has an Opportunities related list keyed by 18-character ids, linked by 15-character ones', () => {
    const page = loadPageFixture(pageFixtures.accountRelatedList).querySelector(active);
    const rows = [...(page?.querySelectorAll('lst-related-list-view-manager tr[data-row-key-value]') ?? [])];
    const expected = seedOpportunities.filter((o) => o.AccountId === seedAccounts[0].Id).map((o) => o.Id);
    expect(rows.map((r) => r.getAttribute('data-row-key-value')).sort()).toEqual([...expected].sort());
    const linkIds = rows.flatMap((row) =>
      // The name cell is a native shadow root: selectors stop at its host, so look inside it.
      deepQueryAll(row.querySelector('th[scope="row"]') as Element, 'a[data-recordid]').map((a) =>
        a.getAttribute('data-recordid'),
      ),
    );
    expect(linkIds.sort()).toEqual(expected.map((id) => id.slice(0, 15)).sort());
  });

  it("home links the rep's open opportunities", () => {
    const page = loadPageFixture(pageFixtures.home).querySelector(active);
    const links = [...(page?.querySelectorAll('force-lookup records-hoverable-link a[data-recordid]') ?? [])];
    const open = seedOpportunities.filter((o) => o.OwnerId === userIds.riley && !o.StageName.startsWith('Closed'));
    expect(links).toHaveLength(open.length);
    for (const link of links)
      expect(link.getAttribute('href')).toBe(`/lightning/r/${link.getAttribute('data-recordid')}/view`);
  });

  it('after navigation the earlier page stays mounted without .active', () => {
    const doc = loadPageFixture(pageFixtures.recordAfterNavigation);
    const containers = doc.querySelectorAll('div.windowViewMode-normal');
    expect(containers).toHaveLength(2);
    expect(containers[0]?.classList.contains('active')).toBe(false);
    expect(containers[0]?.querySelector('.homeOpportunities')).not.toBeNull();
    expect(doc.querySelector(`${active} records-lwc-highlights-panel`)).not.toBeNull();
  });

  it('an invisible record shows the not-found page', () => {
    const doc = loadPageFixture(pageFixtures.recordNotFound);
    expect(doc.querySelector(`${active} .forceRecordNotFound`)?.textContent).toContain('Record not found');
  });
});
