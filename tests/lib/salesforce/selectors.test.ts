import { describe, expect, it } from 'vitest';
import { opportunityIdOf } from '../../../lib/salesforce/page-detection';
import { selectors } from '../../../lib/salesforce/selectors';
import { loadPageFixture, type PageFixture, pageFixtures } from '../../fixtures/pages/page-fixtures';

const firstMatch = (root: ParentNode, alternatives: readonly string[]) =>
  alternatives.map((selector) => root.querySelector(selector)).find((element) => element !== null) ?? null;

const allPages = Object.values(pageFixtures);
/** The opportunity each saved page's URL names, by the detectors' reading. */
const opportunityOfPage: Record<PageFixture, string | null> = {
  [pageFixtures.opportunityRecord]: '0065g00000Nwd01AAB',
  [pageFixtures.opportunityRecordShortUrl]: '0065g00000Nwd01AAB',
  [pageFixtures.recordAfterNavigation]: '0065g00000Acm01AAB',
  // An opportunity the rep may not see: detection goes by the URL alone.
  [pageFixtures.recordNotFound]: '0065g00000Int01AAB',
  [pageFixtures.opportunityListTable]: null,
  [pageFixtures.opportunityListKanban]: null,
  [pageFixtures.accountRelatedList]: null,
  [pageFixtures.home]: null,
  [pageFixtures.opportunityListSplitView]: null,
  [pageFixtures.searchResults]: null,
  [pageFixtures.eventRecord]: null,
  // The console's shown tab is an account; its hidden tabs hold an opportunity and a list view.
  [pageFixtures.consoleWorkspaces]: null,
};

describe('selectors against saved pages', () => {
  it.each(allPages)('%s: the global header is found, so the panel docks below it', (file) => {
    expect(firstMatch(loadPageFixture(file), selectors.globalHeader)).not.toBeNull();
  });
});

describe('page detection on the URLs the saved pages came from', () => {
  it.each(allPages)('%s', (file) => {
    const document = loadPageFixture(file);
    expect(opportunityIdOf(new URL(document.location.href))).toBe(opportunityOfPage[file]);
  });
});
