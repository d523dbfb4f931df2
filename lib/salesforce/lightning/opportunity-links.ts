import { asOpportunityId, opportunityIdFromClassList, opportunityIdFromHref } from './record-ids';
import { selectors } from './selectors';
import { composedClosest, deepQueryAll } from './shadow-dom';

const rowHeaderOrRow = `${selectors.rowHeaderCell}, ${selectors.keyedRow}`;

/** A link on a Lightning page to an opportunity, with the 18-character id of the record it shows. */
export interface OpportunityLink {
  link: Element;
  opportunityId: string;
}

/**
 * Every link to an opportunity under `root`, open shadow roots included: by URL
 * (`/lightning/r/Opportunity/006…/view`, `/lightning/r/006…/view`, legacy and Classic forms) or
 * by `data-recordid`. A datatable row's own link follows the row key and a Kanban card's title
 * follows the card's id: while Lightning recycles a row, the link that does not match its row
 * yet is skipped until it does. Each record item (row, card, list item) gets one link per id.
 */
export function findOpportunityLinks(
  root: Element | ShadowRoot,
  onShadowRoot?: (shadowRoot: ShadowRoot) => void,
): OpportunityLink[] {
  const origin = originOf(root);
  const found: OpportunityLink[] = [];
  // Most items hold one opportunity: its id alone, a set only for an item that holds several.
  const itemIds = new Map<Element, string | Set<string>>();
  for (const link of deepQueryAll(root, selectors.recordLinks, onShadowRoot)) {
    const { opportunityId, row } = classify(link, origin);
    if (!opportunityId) continue;
    const item = row ?? composedClosest(link, selectors.recordItems);
    if (item) {
      const ids = itemIds.get(item);
      if (ids === opportunityId || (typeof ids === 'object' && ids.has(opportunityId))) continue;
      if (ids === undefined) itemIds.set(item, opportunityId);
      else if (typeof ids === 'string') itemIds.set(item, new Set([ids, opportunityId]));
      else ids.add(opportunityId);
    }
    found.push({ link, opportunityId });
  }
  return found;
}

/** A document's origin, read once: a list's pass looks at every row on its own. */
const origins = new WeakMap<Document, string>();
function originOf(root: Element | ShadowRoot): string {
  const document = root.ownerDocument;
  let origin = origins.get(document);
  if (origin === undefined) {
    origin = document.defaultView?.location.origin ?? '';
    origins.set(document, origin);
  }
  return origin;
}

/** The record a link shows now, or null when it shows none or its row is mid-recycle. */
export function opportunityOfLink(link: Element, origin: string): string | null {
  return classify(link, origin).opportunityId;
}

/** The record a link shows now, with the keyed row whose own link it is (that row is its item). */
function classify(link: Element, origin: string): { opportunityId: string | null; row: Element | null } {
  const own = ownOpportunity(link, origin);
  const governing = governingId(link);
  if (governing === undefined) return { opportunityId: own, row: null };
  const { id, row } = governing;
  return { opportunityId: id === null || (own && own !== id) ? null : id, row };
}

/** What the link itself names: `data-recordid` wins (a lookup to another object is no opportunity). */
function ownOpportunity(link: Element, origin: string): string | null {
  const recordId = link.getAttribute('data-recordid');
  if (recordId) return asOpportunityId(recordId);
  return opportunityIdFromHref(link.getAttribute('href'), origin);
}

/**
 * The id a row or card imposes on its own link, with the row: undefined when the link is no
 * row's or card's own link, a null id when that row or card is not an opportunity.
 */
function governingId(link: Element): { id: string | null; row: Element | null } | undefined {
  // One climb that stops at the row: the nearest of a header cell and a keyed row says both
  // whether the link is in a row and whether it is the row's own. Only links outside every row
  // climb on, to a card or to the top.
  const nearest = composedClosest(link, rowHeaderOrRow);
  if (nearest?.matches(selectors.keyedRow)) return undefined;
  const row = nearest && composedClosest(nearest, selectors.keyedRow);
  if (row) return { id: asOpportunityId(row.getAttribute(selectors.rowKeyAttribute)), row };
  const card = composedClosest(link, selectors.kanbanCard);
  if (card && deepQueryAll(card, selectors.recordLinks)[0] === link) {
    return { id: opportunityIdFromClassList(card.classList), row: null };
  }
  return undefined;
}

/** The smallest element to look at again when `node` changed: its record item, or itself. */
export function scanRootOf(node: Element): Element {
  return composedClosest(node, selectors.recordItems) ?? node;
}

/**
 * The element to look at again after `attribute` changed on `target`, or null when that change
 * cannot point a link at another record (a class change anywhere but on a Kanban card).
 */
export function changedRecordRoot(target: Element, attribute: string): Element | null {
  if (attribute === 'class' && !target.matches(selectors.kanbanCard)) return null;
  return scanRootOf(target);
}
