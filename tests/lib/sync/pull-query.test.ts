import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { pullQuery } from '../../../lib/sync/pull-query';
import type { QueryPage } from '../../../lib/sync/salesforce-client';
import { fakeSync, page } from './support/fake-salesforce';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`pull-query-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

const soql = 'SELECT Id FROM Call_Plan__c';
const more = (n: number) => `/services/data/v62.0/query/01g-${n}`;

/** Pages as Salesforce hands them out: the first to the query, each next one by its url. */
function paged(pages: QueryPage[]) {
  return fakeSync(db, {
    query: () => pages[0] as QueryPage,
    queryMore: (url) => pages[Number(url.slice(url.lastIndexOf('-') + 1))] as QueryPage,
  });
}

describe('reading a query page by page', () => {
  it.each([
    ['one page', [page(['a', 'b'])], ['query', 'page 1'], 2],
    [
      'three pages, each asked for once the one before is stored',
      [page(['a', 'b'], more(1)), page(['c'], more(2)), page(['d'])],
      [
        'query',
        'page 1',
        'checkpoint query page',
        'queryMore',
        'page 2',
        'checkpoint query page',
        'queryMore',
        'page 3',
      ],
      4,
    ],
    ['a page marked done, even with a next url', [{ ...page(['a'], more(1)), done: true }], ['query', 'page 1'], 1],
    ['a page not done but without a next url', [{ ...page(['a']), done: false }], ['query', 'page 1'], 1],
    ['no records at all', [page([])], ['query', 'page 1'], 0],
  ] as const)('%s', async (_, pages, expectedSteps, total) => {
    const { ctx, steps, calls } = paged([...pages]);
    const seenAt: number[] = [];
    const counted = await pullQuery(ctx, soql, { all: true }, async (records, got, seen) => {
      expect(records).toBe(got.records);
      seenAt.push(seen);
      steps.push(`page ${seenAt.length}`);
    });
    expect(counted).toBe(total);
    expect(steps).toEqual(expectedSteps);
    expect(calls[0]).toEqual({ kind: 'query', soql, all: true });
    expect(calls.slice(1)).toEqual(pages.slice(0, -1).map((_, i) => ({ kind: 'queryMore', url: more(i + 1) })));
    expect(seenAt.at(-1)).toBe(total);
  });

  it('counts the records seen so far with each page', async () => {
    const { ctx } = paged([page(['a', 'b'], more(1)), page(['c'], more(2)), page(['d', 'e', 'f'])]);
    const seenAt: number[] = [];
    await pullQuery(ctx, soql, { all: false }, async (_records, _page, seen) => {
      seenAt.push(seen);
    });
    expect(seenAt).toEqual([2, 3, 6]);
  });

  it('passes whether deleted records are wanted', async () => {
    const { ctx, calls } = paged([page([])]);
    await pullQuery(ctx, soql, { all: false }, async () => {});
    expect(calls).toEqual([{ kind: 'query', soql, all: false }]);
  });

  it('does not ask again for a first page already in hand', async () => {
    const { ctx, calls } = paged([page(['x']), page(['b'])]);
    const got: unknown[] = [];
    const counted = await pullQuery(
      ctx,
      soql,
      { all: true },
      async (records) => {
        got.push(...records);
      },
      page(['a'], more(1)),
    );
    expect(got).toEqual(['a', 'b']);
    expect(counted).toBe(2);
    expect(calls).toEqual([{ kind: 'queryMore', url: more(1) }]);
  });

  it('a stop at a page boundary leaves the next page unasked', async () => {
    const { ctx, calls } = paged([page(['a'], more(1)), page(['b'])]);
    ctx.checkpoint = (step) => {
      throw new Error(`stopped at ${step}`);
    };
    const got: unknown[] = [];
    await expect(
      pullQuery(ctx, soql, { all: true }, async (records) => {
        got.push(...records);
      }),
    ).rejects.toThrow('stopped at query page');
    expect(got).toEqual(['a']);
    expect(calls).toHaveLength(1);
  });
});
