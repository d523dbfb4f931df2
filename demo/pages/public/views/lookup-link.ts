import type { RecordLink } from '../../ui-data/types.ts';
import { h, shadowHost } from '../dom.ts';

/** Lightning links records by the short form `/lightning/r/<id>/view`. */
export function recordHref(id: string): string {
  return `/lightning/r/${id}/view`;
}

/**
 * A lookup value as Lightning renders it: `force-lookup records-hoverable-link a[data-recordid]`.
 * `shortId` writes the 15-character id form, which Salesforce also emits, so id normalisation
 * gets exercised.
 */
export function lookupLink(link: RecordLink, options: { shortId?: boolean } = {}): HTMLElement {
  const id = options.shortId ? link.id.slice(0, 15) : link.id;
  return h(
    'force-lookup',
    { 'data-refid': 'recordId' },
    h(
      'div',
      { class: 'slds-grid' },
      h(
        'records-hoverable-link',
        { class: 'slds-truncate' },
        h(
          'div',
          { class: 'slds-truncate' },
          h(
            'a',
            {
              href: recordHref(id),
              'data-recordid': id,
              'data-special-link': 'true',
              class: 'slds-truncate',
              title: link.name,
            },
            h('span', {}, link.name),
          ),
        ),
      ),
    ),
  );
}

export function optionalLookup(link: RecordLink | null): Node | string {
  return link ? lookupLink(link) : '';
}

/** Styles a native shadow root needs, since the page's stylesheet does not reach inside it. */
const shadowCellCss = `
:host { display: block; min-width: 0; }
force-lookup, records-hoverable-link { display: block; min-width: 0; }
.slds-truncate { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; }
a { color: #0176d3; text-decoration: none; }
a:hover { text-decoration: underline; color: #014486; }
`;

/** The name cell of a list row lives in a real open shadow root, as in Lightning's mixed shadow mode. */
export function shadowNameCell(link: RecordLink, options: { shortId?: boolean } = {}): HTMLElement {
  return shadowHost('lightning-primitive-custom-cell', {}, shadowCellCss, lookupLink(link, options));
}
