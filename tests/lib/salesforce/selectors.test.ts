import { describe, expect, it } from 'vitest';
import { opportunityIdOf } from '../../../lib/salesforce/page-detection';
import { selectors } from '../../../lib/salesforce/selectors';
import { loadPageFixture, type PageFixture, pageFixtures } from '../../fixtures/pages/page-fixtures';

const firstMatch = (root: ParentNode, alternatives: readonly string[]) =>
  alternatives.map((selector) => root.querySelector(selector)).find((element) => element !== null) ?? null;

const allPages = Object.values(pageFixtures);
const recordPages: PageFixture[] = [pageFixtures.opportunityRecord, pageFixtures.opportunityRecordShortUrl];
const listPages: PageFixture[] = [
  pageFixtures.opportunityListTable,
  pageFixtures.opportunityListKanban,
  pageFixtures.home,
];

describe('selectors against saved pages', () => {
  it.each(allPages)('%s: the global header is found, so the panel docks below it', (file) => {
    expect(firstMatch(loadPageFixture(file), selectors.globalHeader)).not.toBeNull();
  });

  it.each(allPages)('%s: exactly one page container is active', (file) => {
    const document = loadPageFixture(file);
    const active = selectors.activePage.flatMap((selector) => [...document.querySelectorAll(selector)]);
    expect(active).toHaveLength(1);
  });

  it('after a navigation the earlier page stays mounted but is not the active one', () => {
    const document = loadPageFixture(pageFixtures.recordAfterNavigation);
    expect(document.querySelectorAll('div.windowViewMode-normal').length).toBeGreaterThan(1);
    expect(document.querySelectorAll('div.windowViewMode-normal.active')).toHaveLength(1);
  });

  it.each(recordPages)('%s: the record home is inside the active page, and the URL names the opportunity', (file) => {
    const document = loadPageFixture(file);
    const active = firstMatch(document, selectors.activePage);
    expect(active && firstMatch(active, selectors.recordHome)).not.toBeNull();
    expect(opportunityIdOf(new URL(document.location.href))).toBe('0065g00000Nwd01AAB');
  });

  it.each(listPages)('%s: no record home, no opportunity in the URL', (file) => {
    const document = loadPageFixture(file);
    const active = firstMatch(document, selectors.activePage);
    expect(active && firstMatch(active, selectors.recordHome)).toBeNull();
    expect(opportunityIdOf(new URL(document.location.href))).toBeNull();
  });

  it('an account record page has a record home but names no opportunity', () => {
    const document = loadPageFixture(pageFixtures.accountRelatedList);
    expect(firstMatch(document, selectors.recordHome)).not.toBeNull();
    expect(opportunityIdOf(new URL(document.location.href))).toBeNull();
  });
});
