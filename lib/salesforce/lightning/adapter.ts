import { changedRecordRoot, findOpportunityLinks, type OpportunityLink, scanRootOf } from './opportunity-links';
import { linkHolders, pageStages, pageSwitches, shownPageContainers } from './page-containers';
import { opportunityIdOf } from './page-detection';
import { selectors } from './selectors';

export type { OpportunityLink } from './opportunity-links';

/**
 * All Precall knows about Lightning's page structure, behind one small interface that page
 * features use (as Sourcegraph's code-host adapters do): when Lightning changes, this folder
 * changes and the features do not.
 */
export interface PageAdapter {
  /** The page containers the user sees now; hidden earlier pages and console tabs excluded. */
  shownPages(document: Document): Element[];
  /** Elements whose children are page containers or workspace tabs (watched shallowly). */
  pageStages(document: Document): Element[];
  /** Elements whose `class` or `hidden` says which page shows (watched shallowly). */
  pageSwitches(document: Document): Element[];
  /** The outermost components of a page that can hold opportunity links. */
  linkHolders(page: Element): Element[];
  /** Opportunity links under `root`, open shadow roots included; `onShadowRoot` hears of each root entered. */
  opportunityLinks(root: Element | ShadowRoot, onShadowRoot?: (shadowRoot: ShadowRoot) => void): OpportunityLink[];
  /** The element to look at again when `node` changed: its row, card or list item, or itself. */
  scanRootOf(node: Element): Element;
  /** Attributes whose change can point a link at another record (recycled rows and cards). */
  recordAttributes: readonly string[];
  /** What to look at again after `attribute` changed on `target`; null when it cannot matter. */
  changedRecordRoot(target: Element, attribute: string): Element | null;
  /** The opportunity a record page shows, from its URL (its own links need no badge). */
  opportunityOfPage(url: URL): string | null;
}

export const lightning: PageAdapter = {
  shownPages: shownPageContainers,
  pageStages,
  pageSwitches,
  linkHolders,
  opportunityLinks: findOpportunityLinks,
  scanRootOf,
  recordAttributes: selectors.recordAttributes,
  changedRecordRoot,
  opportunityOfPage: opportunityIdOf,
};
