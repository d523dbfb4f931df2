import type { QueryPage } from './salesforce-client';
import type { SyncContext } from './sync-context';

/**
 * Runs a query and hands each page to `onPage` before asking for the next one (nextRecordsUrl),
 * so a stopped worker loses at most the page in hand. A first page already in hand (asked with
 * other queries in one request) is not asked again.
 */
export async function pullQuery(
  ctx: SyncContext,
  soql: string,
  options: { all: boolean },
  onPage: (records: unknown[], page: QueryPage, seen: number) => Promise<void>,
  firstPage?: QueryPage,
): Promise<number> {
  let page = firstPage ?? (await ctx.salesforce.query(soql, options));
  let seen = 0;
  for (;;) {
    seen += page.records.length;
    await onPage(page.records, page, seen);
    if (page.done || !page.nextRecordsUrl) return seen;
    ctx.checkpoint('query page');
    page = await ctx.salesforce.queryMore(page.nextRecordsUrl);
  }
}
