import { keyPrefixes, normalizeRecordId } from '../../model/record-id';

/**
 * Where Lightning writes record ids, read as 18-character opportunity ids. Salesforce emits 15-
 * and 18-character forms (and any case in the checksum), so every id is normalised before it is
 * compared or used as a key.
 */
export function asOpportunityId(value: string | null | undefined): string | null {
  if (!value) return null;
  const id = normalizeRecordId(value.trim());
  return id?.startsWith(keyPrefixes.Opportunity) ? id : null;
}

/** `/lightning/r/Opportunity/<id>/view` and the short `/lightning/r/<id>/view`, with any query or hash. */
const recordView = /^\/lightning\/r\/(?:Opportunity\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view(?:[?#].*)?$/;

/**
 * The opportunity a link's `href` opens, when it opens its record page on this org (`origin`):
 * relative paths and absolute URLs on the same origin. Links to related lists, edit pages or
 * other orgs are not links to the opportunity.
 */
export function opportunityIdFromHref(href: string | null | undefined, origin: string): string | null {
  if (!href) return null;
  let path = href;
  if (!href.startsWith('/')) {
    if (!href.startsWith(`${origin}/`)) return null;
    path = href.slice(origin.length);
  } else if (href.startsWith('//')) {
    return null;
  }
  return asOpportunityId(recordView.exec(path)?.[1]);
}

const idClass = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/** A Kanban card's record id, written by Lightning as one of the card's class names. */
export function opportunityIdFromClassList(classList: DOMTokenList | readonly string[]): string | null {
  for (const name of classList) if (idClass.test(name)) return asOpportunityId(name);
  return null;
}
