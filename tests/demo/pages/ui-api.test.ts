import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities, userIds } from '../../../demo/org/seed-data';
import type {
  AccountRecordView,
  HomeView,
  OpportunityListView,
  OpportunityRecordView,
} from '../../../demo/pages/ui-data/types';
import { type PagesClient, startPagesClient, usernames } from './pages-client';

let client: PagesClient;
const cookies: Record<keyof typeof usernames, string> = { riley: '', sam: '', morgan: '', admin: '' };
beforeAll(async () => {
  client = await startPagesClient();
  for (const who of Object.keys(usernames) as (keyof typeof usernames)[]) {
    cookies[who] = await client.signInAs(usernames[who]);
  }
});
afterAll(() => client.server.close());

async function json<T>(path: string, cookie: string): Promise<T> {
  const response = await client.get(path, cookie);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

const rileysOpportunity = seedOpportunities.find((o) => o.OwnerId === userIds.riley);
const samsOpportunity = seedOpportunities.find((o) => o.OwnerId === userIds.sam);
if (!rileysOpportunity || !samsOpportunity) throw new Error('seed data lost its owners');

describe('the pages JSON endpoints', () => {
  it('answer 401 when signed out', async () => {
    for (const path of ['/demo-ui/session', '/demo-ui/opportunities', `/demo-ui/record/${rileysOpportunity.Id}`]) {
      const response = await client.get(path);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
    }
  });

  it('show a rep only the opportunities they own', async () => {
    const view = await json<OpportunityListView>('/demo-ui/opportunities?filter=AllOpportunities', cookies.riley);
    const owned = seedOpportunities.filter((o) => o.OwnerId === userIds.riley).map((o) => o.Id);
    expect(view.rows.map((r) => r.id).sort()).toEqual([...owned].sort());
    expect(new Set(view.rows.map((r) => r.owner?.name))).toEqual(new Set(['Riley Chen']));
  });

  it("show the manager the whole team's opportunities, with account and owner names", async () => {
    const view = await json<OpportunityListView>('/demo-ui/opportunities?filter=AllOpportunities', cookies.morgan);
    expect(view.rows).toHaveLength(seedOpportunities.length);
    const row = view.rows.find((r) => r.id === samsOpportunity.Id);
    expect(row?.owner).toEqual({ id: userIds.sam, name: 'Sam Okafor' });
    expect(row?.account?.name).toBe(seedAccounts.find((a) => a.Id === samsOpportunity.AccountId)?.Name);
    expect(view.label).toBe('All Opportunities');
    expect(view.stages.map((s) => s.name)).toContain('Closed Won');
  });

  it('narrow the manager to their own deals under My Opportunities (they own none)', async () => {
    const view = await json<OpportunityListView>('/demo-ui/opportunities?filter=MyOpportunities', cookies.morgan);
    expect(view.rows).toEqual([]);
  });

  it('list under Closing This Month only deals closing in the current month', async () => {
    const view = await json<OpportunityListView>('/demo-ui/opportunities?filter=ClosingThisMonth', cookies.admin);
    expect(view.rows.length).toBeGreaterThan(0);
    for (const row of view.rows) expect(row.closeDate).toMatch(/^2026-03-/);
  });

  it('fall back to Recently Viewed for an unknown list view', async () => {
    const view = await json<OpportunityListView>('/demo-ui/opportunities?filter=Nope', cookies.riley);
    expect(view.filterName).toBe('Recent');
  });

  it('return an opportunity record with its events, by 18- and 15-character id', async () => {
    for (const id of [rileysOpportunity.Id, rileysOpportunity.Id.slice(0, 15)]) {
      const view = await json<OpportunityRecordView>(`/demo-ui/record/${id}`, cookies.riley);
      expect(view.sobject).toBe('Opportunity');
      expect(view.opportunity.id).toBe(rileysOpportunity.Id);
      expect(view.opportunity.stage).toBe(rileysOpportunity.StageName);
      expect(view.events.length).toBeGreaterThan(0);
    }
  });

  it("answer 404 for another rep's record, an unknown id and a malformed one", async () => {
    for (const id of [samsOpportunity.Id, '0065g00000Zzz99AAA', 'not-an-id', '00Q5g00000Abc01AAA']) {
      const response = await client.get(`/demo-ui/record/${id}`, cookies.riley);
      expect(response.status, id).toBe(404);
      expect(await response.json()).toMatchObject({ errorCode: 'NOT_FOUND' });
    }
  });

  it("let the manager open a rep's record", async () => {
    const view = await json<OpportunityRecordView>(`/demo-ui/record/${samsOpportunity.Id}`, cookies.morgan);
    expect(view.opportunity.name).toBe(samsOpportunity.Name);
  });

  it('return an account with only the opportunities the viewer may see', async () => {
    const account = seedAccounts[0];
    const view = await json<AccountRecordView>(`/demo-ui/record/${account.Id}`, cookies.riley);
    expect(view.account.name).toBe(account.Name);
    const expected = seedOpportunities.filter((o) => o.AccountId === account.Id).map((o) => o.Id);
    expect(view.opportunities.map((o) => o.id).sort()).toEqual([...expected].sort());
  });

  it("give a rep's home their open opportunities only", async () => {
    const view = await json<HomeView>('/demo-ui/home', cookies.riley);
    expect(view.heading).toBe('My open opportunities');
    expect(view.opportunities.length).toBeGreaterThan(0);
    for (const o of view.opportunities) {
      expect(o.owner?.id).toBe(userIds.riley);
      expect(o.isClosed).toBe(false);
    }
  });

  it('return hostile opportunity names as plain JSON text', async () => {
    const hostile = `</script><img src=x onerror="alert('sf')">&amp;`;
    const stored = client.org.store.Opportunity.find((o) => o.Id === rileysOpportunity.Id);
    if (!stored) throw new Error('fake org lost the opportunity');
    const original = stored.Name;
    stored.Name = hostile;
    try {
      const record = await json<OpportunityRecordView>(`/demo-ui/record/${rileysOpportunity.Id}`, cookies.riley);
      expect(record.opportunity.name).toBe(hostile);
      const list = await json<OpportunityListView>('/demo-ui/opportunities?filter=AllOpportunities', cookies.riley);
      expect(list.rows.map((r) => r.name)).toContain(hostile);
    } finally {
      stored.Name = original;
    }
  });
});
