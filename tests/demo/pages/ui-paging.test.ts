import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunityStages, seedOpportunities, userIds } from '../../../demo/org/seed-data';
import type { AccountListView, OpportunityListView, OpportunityRow, UiError } from '../../../demo/pages/ui-data/types';
import { to18 } from '../../../lib/model/record-id';
import { type PagesClient, startPagesClient, usernames } from './pages-client';

/** The list endpoints page and sort on the server, so a scrolled list never repeats or skips a row. */
let client: PagesClient;
const cookies = { riley: '', morgan: '', admin: '' };
const extra = 437;

beforeAll(async () => {
  client = await startPagesClient();
  const stages = opportunityStages.slice(0, 6);
  for (let i = 0; i < extra; i++) {
    client.org.store.Opportunity.push({
      Id: to18(`0065g00001${String(i).padStart(5, '0')}`),
      Name: `Volume Deal ${String(i % 97).padStart(3, '0')}`,
      AccountId: null,
      OwnerId: i % 2 === 0 ? userIds.riley : userIds.sam,
      StageName: stages[i % stages.length]?.name,
      // Few distinct amounts and some nulls, so ties are broken by id.
      Amount: i % 11 === 0 ? null : (i % 7) * 1000,
      CloseDate: '2026-04-01',
      IsClosed: false,
    });
  }
  cookies.riley = await client.signInAs(usernames.riley);
  cookies.morgan = await client.signInAs(usernames.morgan);
  cookies.admin = await client.signInAs(usernames.admin);
});
afterAll(() => client.server.close());

async function page<T>(path: string, cookie: string): Promise<T> {
  const response = await client.get(path, cookie);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Every row of a list, fetched page by page as the table does while scrolling. */
async function allPages(query: string, cookie: string, limit: number): Promise<OpportunityRow[]> {
  const rows: OpportunityRow[] = [];
  for (let offset = 0; ; offset += limit) {
    const view = await page<OpportunityListView>(
      `/demo-ui/opportunities?${query}&offset=${offset}&limit=${limit}`,
      cookie,
    );
    rows.push(...view.rows);
    if (offset + limit >= view.total) return rows;
  }
}

const total = seedOpportunities.length + extra;

describe('the opportunity list endpoint pages', () => {
  it('answers a first page of 50 with the true total', async () => {
    const view = await page<OpportunityListView>('/demo-ui/opportunities?filter=AllOpportunities', cookies.admin);
    expect(view.rows).toHaveLength(50);
    expect(view).toMatchObject({ total, offset: 0, limit: 50, sortBy: 'Name', sortDir: 'asc' });
  });

  it('pages through the whole list in name order, each row once', async () => {
    const rows = await allPages('filter=AllOpportunities', cookies.admin, 50);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    const collator = new Intl.Collator('en');
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1] as OpportunityRow, rows[i] as OpportunityRow];
      const order = collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
      expect(order, `${a.name} before ${b.name}`).toBeLessThan(0);
    }
  });

  it('sorts on the server, so pages of any size agree with one another', async () => {
    const query = 'filter=AllOpportunities&sortBy=Amount&sortDir=desc';
    const big = await allPages(query, cookies.admin, 200);
    const small = await allPages(query, cookies.admin, 37);
    expect(small.map((r) => r.id)).toEqual(big.map((r) => r.id));
    const amounts = big.map((r) => r.amount);
    // Descending, nulls last (SOQL's default for DESC).
    const firstNull = amounts.indexOf(null);
    expect(amounts.slice(firstNull).every((a) => a === null)).toBe(true);
    const known = amounts.slice(0, firstNull) as number[];
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });

  it('keeps sharing: a rep pages through only what they own', async () => {
    const rows = await allPages('filter=AllOpportunities&sortBy=CloseDate', cookies.riley, 100);
    const owned = client.org.store.Opportunity.filter((o) => o.OwnerId === userIds.riley).map((o) => o.Id);
    expect(rows.map((r) => r.id).sort()).toEqual(owned.sort());
    const first = await page<OpportunityListView>('/demo-ui/opportunities?filter=AllOpportunities', cookies.riley);
    expect(first.total).toBe(owned.length);
  });

  it('narrows to one Kanban column with stage, while stageTotals count every column', async () => {
    const all = await page<OpportunityListView>('/demo-ui/opportunities?filter=AllOpportunities', cookies.morgan);
    expect(all.stageTotals.map((s) => s.name)).toEqual(opportunityStages.map((s) => s.name));
    expect(all.stageTotals.reduce((sum, s) => sum + s.count, 0)).toBe(all.total);
    const prospecting = all.stageTotals.find((s) => s.name === 'Prospecting');
    const column = await page<OpportunityListView>(
      '/demo-ui/opportunities?filter=AllOpportunities&stage=Prospecting&limit=13',
      cookies.morgan,
    );
    expect(column.total).toBe(prospecting?.count);
    expect(column.rows).toHaveLength(13);
    expect(column.rows.every((r) => r.stage === 'Prospecting')).toBe(true);
    expect(column.stageTotals).toEqual(all.stageTotals);
  });

  it('answers past the end with no rows', async () => {
    const view = await page<OpportunityListView>(
      `/demo-ui/opportunities?filter=AllOpportunities&offset=${total}`,
      cookies.admin,
    );
    expect(view.rows).toEqual([]);
    expect(view.total).toBe(total);
  });

  it('refuses limits beyond 200 and malformed paging or sorting with 400', async () => {
    const ok = await page<OpportunityListView>(
      '/demo-ui/opportunities?filter=AllOpportunities&limit=200',
      cookies.admin,
    );
    expect(ok.rows).toHaveLength(200);
    for (const bad of [
      'limit=201',
      'limit=0',
      'limit=5000',
      'limit=ten',
      'offset=-1',
      'offset=1.5',
      'sortBy=Secret__c',
      'sortDir=up',
    ]) {
      for (const path of [`/demo-ui/opportunities?${bad}`, `/demo-ui/accounts?${bad}`]) {
        const response = await client.get(path, cookies.admin);
        expect(response.status, path).toBe(400);
        expect(((await response.json()) as UiError).errorCode).toBe('ILLEGAL_QUERY_PARAMETER_VALUE');
      }
    }
  });

  it('keeps Recently Viewed in its own order until a column is sorted', async () => {
    const recent = await page<OpportunityListView>('/demo-ui/opportunities?filter=Recent&limit=5', cookies.admin);
    expect(recent.sortBy).toBeNull();
    const sorted = await page<OpportunityListView>('/demo-ui/opportunities?filter=Recent&sortBy=Name', cookies.admin);
    expect(sorted.sortBy).toBe('Name');
  });
});

describe('the home page', () => {
  it('lists a handful of open deals, not the whole pipeline', async () => {
    const home = await page<{ opportunities: OpportunityRow[] }>('/demo-ui/home', cookies.riley);
    expect(home.opportunities).toHaveLength(10);
    expect(home.opportunities.every((o) => !o.isClosed)).toBe(true);
  });
});

describe('the account list endpoint pages', () => {
  it('pages and sorts accounts on the server', async () => {
    const asc = await page<AccountListView>('/demo-ui/accounts?limit=2', cookies.admin);
    const desc = await page<AccountListView>('/demo-ui/accounts?limit=200&sortBy=Name&sortDir=desc', cookies.admin);
    expect(asc.rows).toHaveLength(2);
    expect(asc.total).toBe(desc.total);
    expect(
      desc.rows
        .map((a) => a.id)
        .reverse()
        .slice(0, 2),
    ).toEqual(asc.rows.map((a) => a.id));
  });
});

describe('with 10,000 opportunities', () => {
  it('answers a page without touching every pair of rows', async () => {
    const stages = opportunityStages.slice(0, 6);
    for (let i = 0; i < 10_000 - total; i++) {
      client.org.store.Opportunity.push({
        Id: to18(`0065g00002${String(i).padStart(5, '0')}`),
        Name: `Bench Opportunity ${i + 1}`,
        OwnerId: userIds.sam,
        StageName: stages[i % stages.length]?.name,
        Amount: (i % 500) * 1000,
        CloseDate: '2026-05-01',
      });
    }
    const started = performance.now();
    const view = await page<OpportunityListView>(
      '/demo-ui/opportunities?filter=AllOpportunities&sortBy=Account.Name&sortDir=desc&offset=9950&limit=200',
      cookies.admin,
    );
    const ms = performance.now() - started;
    expect(view.total).toBe(10_000);
    expect(view.rows).toHaveLength(50);
    // Generous for slow machines: a quadratic answer takes tens of seconds here.
    expect(ms).toBeLessThan(2_000);
  });
});
