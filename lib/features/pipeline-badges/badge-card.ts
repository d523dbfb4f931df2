import type { BadgeSummary } from '../../model/badge-summary';

/**
 * Fills a badge's card: the plan the status is about against what happened, objections
 * expected against raised, the coaching note, and "Open call plan". Every value is set as
 * text, never as markup.
 */
export function fillCard(
  card: HTMLElement,
  opportunityId: string,
  summary: BadgeSummary,
  onOpenPlan: () => void,
): void {
  const element = (tag: string, content?: string) => {
    const node = card.ownerDocument.createElement(tag);
    if (content !== undefined) node.textContent = content;
    return node;
  };
  const head = element('p', summary.accessibleName.slice('Call plan: '.length));
  const fields = element('dl');
  for (const [term, value] of summary.card?.fields ?? []) fields.append(element('dt', term), element('dd', value));
  const notes = (summary.card?.notes ?? ['No call plan yet.']).map((note) => element('p', note));
  const link = element('a', 'Open call plan') as HTMLAnchorElement;
  link.href = `/lightning/r/Opportunity/${opportunityId}/view`;
  link.addEventListener('click', onOpenPlan);
  card.setAttribute('aria-label', summary.accessibleName);
  card.replaceChildren(head, fields, ...notes, link);
}
