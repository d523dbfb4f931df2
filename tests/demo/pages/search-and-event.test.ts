import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities, userIds } from '../../../demo/org/seed-data';
import type { RecordView, SearchView } from '../../../demo/pages/ui-data/types';
import { type PagesClient, startPagesClient, usernames } from './pages-client';

let client: PagesClient;
const cookies = { riley: '', morgan: '', sam: '' };
beforeAll(async () => {
  client = await startPagesClient();
  cookies.riley = await client.signInAs(usernames.riley);
  cookies.morgan = await client.signInAs(usernames.morgan);
  cookies.sam = await client.signInAs(usernames.sam);
});
afterAll(() => client.server.close());

async function json<T>(path: string, cookie: string, status = 200): Promise<T> {
  const response = await client.get(path, cookie);
  expect(response.status, path).toBe(status);
  return (await response.json()) as T;
}

const search = (term: string, cookie: string) =>
  json<SearchView>(`/demo-ui/search?q=${encodeURIComponent(term)}`, cookie);

describe('global search', () => {
  it('finds the opportunities and accounts whose name holds every word, any case', async () => {
    const view = await search('NORTHWIND', cookies.morgan);
    expect(view.opportunities.map((o) => o.name)).toEqual([
      'Northwind – Fleet Telematics Rollout',
      'Northwind – Warehouse Pilot',
    ]);
    expect(view.accounts.map((a) => a.name)).toEqual(['Northwind Logistics']);
    expect((await search('northwind pilot', cookies.morgan)).opportunities.map((o) => o.name)).toEqual([
      'Northwind – Warehouse Pilot',
    ]);
  });

  it('matches an opportunity by its account’s name', async () => {
    const view = await search('logistics', cookies.morgan);
    expect(view.opportunities.map((o) => o.account?.name)).toEqual(['Northwind Logistics', 'Northwind Logistics']);
  });

  it('follows sharing: a rep finds only what they may see', async () => {
    const sams = seedOpportunities.find((o) => o.OwnerId === userIds.sam);
    const term = sams?.Name.split(' ')[0] ?? '';
    expect((await search(term, cookies.morgan)).opportunities.length).toBeGreaterThan(0);
    expect((await search(term, cookies.riley)).opportunities).toEqual([]);
  });

  it('finds nothing for a term under two characters, and keeps the term as text', async () => {
    expect(await search(' n ', cookies.morgan)).toEqual({ term: 'n', opportunities: [], accounts: [] });
    const hostile = await search('<img src=x onerror=alert(1)>', cookies.morgan);
    expect(hostile.term).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.opportunities).toEqual([]);
  });
});

describe('the Event record view', () => {
  it('links the opportunity it is related to, with its account and owner', async () => {
    const event = client.org.store.Event[0];
    if (!event) throw new Error('the fake org has no events');
    const view = await json<RecordView>(`/demo-ui/record/${event.Id.slice(0, 15)}`, cookies.riley);
    if (view.sobject !== 'Event') throw new Error(`not an event: ${view.sobject}`);
    const opportunity = seedOpportunities.find((o) => o.Id === event.WhatId);
    expect(view.event.related).toEqual({ id: opportunity?.Id, name: opportunity?.Name });
    expect(view.event.account?.id).toBe(seedAccounts.find((a) => a.Id === opportunity?.AccountId)?.Id);
    expect(view.event.owner?.name).toBe('Riley Chen');
  });

  it('is not found for someone sharing hides it from', async () => {
    const rileysEvent = client.org.store.Event.find((e) =>
      seedOpportunities.some((o) => o.Id === e.WhatId && o.OwnerId === userIds.riley),
    );
    if (!rileysEvent) throw new Error('the fake org has no event of Riley');
    await json(`/demo-ui/record/${rileysEvent.Id}`, cookies.riley, 200);
    await json(`/demo-ui/record/${rileysEvent.Id}`, cookies.sam, 404);
  });
});
