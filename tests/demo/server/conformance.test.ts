import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRecord } from '../../../demo/org/record-factory';
import { showcaseOpportunityId, userIds } from '../../../demo/org/seed-data';
import type { DemoServer } from '../../../demo/server';
import { to18 } from '../../../lib/model/record-id';
import { connectionAs, control, newKey, planValues, startTestOrg, users } from './demo-server-fixture';

type StatsSnapshot = { byKind: Record<string, number> };
type SaveResult = {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
};

/** salesforce-reference.md §6: the emulator conformance checklist, one test per item, with jsforce. */
describe('demo org conformance with jsforce (salesforce-reference.md §6)', () => {
  let server: DemoServer;
  let admin: Connection;
  let riley: Connection;

  beforeAll(async () => {
    server = await startTestOrg();
    admin = connectionAs(server, users.admin);
    riley = connectionAs(server, users.riley);
  });
  afterAll(() => server.close());

  it('1. pages 2,501 rows: 2000 then a locator ending -2000; autoFetch takes exactly 2 GETs', async () => {
    const seeded = await control<{ opportunityIds: string[] }>(server, 'POST', 'seed', {
      opportunities: 1,
      plans: 2501,
      owners: [users.riley],
    });
    const soql = `SELECT Id FROM Call_Plan__c WHERE Opportunity__c = '${seeded.opportunityIds[0]}'`;
    const first = await admin.query(soql);
    expect(first.done).toBe(false);
    expect(first.totalSize).toBe(2501);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g[a-zA-Z0-9]{15}-2000$/);

    await control(server, 'DELETE', 'stats');
    const all = await admin.query(soql, { autoFetch: true, maxFetch: 10000 });
    expect(all.records).toHaveLength(2501);
    expect(new Set(all.records.map((r) => r.Id)).size).toBe(2501);
    const stats = await control<StatsSnapshot>(server, 'GET', 'stats');
    expect(stats.byKind).toEqual({ query: 1, queryMore: 1 });
  });

  it('2. collection create with a duplicate key: per-record DUPLICATE_VALUE; allOrNone rolls all back', async () => {
    const key = newKey();
    const records = [
      planValues(showcaseOpportunityId, key),
      planValues(showcaseOpportunityId),
      planValues(showcaseOpportunityId, key.toUpperCase()),
    ];
    const results = (await riley.sobject('Call_Plan__c').create(records)) as SaveResult[];
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(results[2]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'DUPLICATE_VALUE',
          message: `duplicate value found: Plan_Key__c duplicates value on record with id: ${results[0]?.id?.slice(0, 15)}`,
          fields: [],
        },
      ],
    });

    const fresh = [planValues(showcaseOpportunityId), planValues(showcaseOpportunityId)];
    const clash = planValues(showcaseOpportunityId, key);
    const rolledBack = (await riley
      .sobject('Call_Plan__c')
      .create([...fresh, clash], { allOrNone: true })) as SaveResult[];
    expect(rolledBack.map((r) => r.success)).toEqual([false, false, false]);
    expect(rolledBack[0]?.errors[0]?.statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(rolledBack[0]?.errors[0]?.message).toBe(
      'Record rolled back because not all records were valid and the request was using AllOrNone header',
    );
    expect(rolledBack[2]?.errors[0]?.statusCode).toBe('DUPLICATE_VALUE');
    const persisted = await riley.query(
      `SELECT COUNT() FROM Call_Plan__c WHERE Plan_Key__c IN ('${fresh[0]?.Plan_Key__c}', '${fresh[1]?.Plan_Key__c}')`,
    );
    expect(persisted.totalSize).toBe(0);
  });

  it('3. upsert: 201 created, then 200 created:false, then 300 MULTIPLE_CHOICES for two matches', async () => {
    const key = newKey();
    const { Plan_Key__c: _key, ...body } = planValues(showcaseOpportunityId, key);
    const created = await riley.sobject('Call_Plan__c').upsert({ ...body, Plan_Key__c: key }, 'Plan_Key__c');
    expect(created).toMatchObject({ success: true, created: true, errors: [] });
    const updated = await riley
      .sobject('Call_Plan__c')
      .upsert({ Goal__c: 'Changed goal', Plan_Key__c: key }, 'Plan_Key__c');
    expect(updated).toMatchObject({ success: true, created: false, errors: [] });
    expect((updated as { id: string }).id).toBe((created as { id: string }).id);

    // Plan_Key__c is unique, so Salesforce itself never holds two: the twin is put in the store directly.
    const object = server.org.store.objectOf('Call_Plan__c');
    if (!object) throw new Error('no schema');
    const twin = newRecord(
      server.org.store,
      server.org.ids,
      object,
      planValues(showcaseOpportunityId, key.toLowerCase()),
      {
        by: userIds.riley,
        at: server.org.clock.stamp(),
      },
    );
    server.org.store.put('Call_Plan__c', twin);
    await expect(
      riley.sobject('Call_Plan__c').upsert({ Goal__c: 'x', Plan_Key__c: key }, 'Plan_Key__c'),
    ).rejects.toMatchObject({
      name: 'MULTIPLE_CHOICES',
    });
  });

  it('4. update answers 204 (jsforce returns {id, success, errors}) and SystemModstamp advances', async () => {
    const created = (await riley.sobject('Call_Plan__c').create(planValues(showcaseOpportunityId))) as SaveResult;
    const id = created.id as string;
    const before = (await riley.sobject('Call_Plan__c').retrieve(id)) as { SystemModstamp: string };
    const result = await riley.sobject('Call_Plan__c').update({ Id: id, Goal__c: 'New goal' });
    expect(result).toEqual({ id, success: true, errors: [] });
    const after = (await riley.sobject('Call_Plan__c').retrieve(id)) as { SystemModstamp: string; Goal__c: string };
    expect(after.Goal__c).toBe('New goal');
    expect(Date.parse(after.SystemModstamp.replace('+0000', 'Z'))).toBeGreaterThan(
      Date.parse(before.SystemModstamp.replace('+0000', 'Z')),
    );
  });

  it('5. destroy: 204, then ENTITY_IS_DELETED, hidden from query, shown by queryAll and /deleted', async () => {
    const start = new Date(Date.now() - 60 * 60 * 1000);
    const created = (await riley.sobject('Call_Plan__c').create(planValues(showcaseOpportunityId))) as SaveResult;
    const id = created.id as string;
    expect(await riley.sobject('Call_Plan__c').destroy(id)).toEqual({ id, success: true, errors: [] });
    await expect(riley.sobject('Call_Plan__c').retrieve(id)).rejects.toMatchObject({
      name: 'ENTITY_IS_DELETED',
      message: 'entity is deleted',
    });
    const live = await riley.query(`SELECT Id FROM Call_Plan__c WHERE Id = '${id}'`);
    expect(live.totalSize).toBe(0);
    const all = await riley.query(`SELECT Id, IsDeleted FROM Call_Plan__c WHERE Id = '${id}'`, { scanAll: true });
    expect(all.records).toMatchObject([{ Id: id, IsDeleted: true }]);
    const deleted = await riley.sobject('Call_Plan__c').deleted(start, new Date(Date.now() + 2 * 60 * 1000));
    expect(deleted.deletedRecords.map((r) => r.id)).toContain(id);
  });

  it('6a. expired token: refreshFn runs once for concurrent requests, emits refresh, retries succeed', async () => {
    const { token } = server.org.signIn(users.riley);
    let refreshes = 0;
    const conn = new Connection({
      instanceUrl: server.url,
      accessToken: token,
      version: '62.0',
      refreshFn: (_conn, callback) => {
        refreshes += 1;
        setTimeout(() => callback(null, server.org.signIn(users.riley).token), 20);
      },
    });
    const refreshed: string[] = [];
    conn.on('refresh', (accessToken: string) => refreshed.push(accessToken));
    await control(server, 'POST', 'expire-token', { token });
    const results = await Promise.all([
      conn.query('SELECT Id FROM Opportunity'),
      conn.query('SELECT Id FROM Account'),
      conn.sobject('Opportunity').retrieve(showcaseOpportunityId),
    ]);
    expect(results[0].totalSize).toBeGreaterThan(0);
    expect(refreshes).toBe(1);
    expect(refreshed).toHaveLength(1);
    expect(conn.accessToken).toBe(refreshed[0]);
  });

  it('6b. expired token without refreshFn throws INVALID_SESSION_ID', async () => {
    const conn = connectionAs(server, users.riley);
    await control(server, 'POST', 'expire-token', { token: conn.accessToken });
    await expect(conn.query('SELECT Id FROM Opportunity')).rejects.toMatchObject({
      name: 'INVALID_SESSION_ID',
      errorCode: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid',
    });
  });

  it('7. exhausted limit: 403 REQUEST_LIMIT_EXCEEDED and conn.limitInfo follows Sforce-Limit-Info', async () => {
    const conn = connectionAs(server, users.riley);
    await control(server, 'POST', 'limits', { used: 100, max: 15000 });
    await conn.query('SELECT Id FROM Opportunity LIMIT 1');
    expect(conn.limitInfo).toEqual({ apiUsage: { used: 101, limit: 15000 } });
    await control(server, 'POST', 'limits', { used: 15000 });
    await expect(conn.query('SELECT Id FROM Opportunity')).rejects.toMatchObject({
      name: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
    });
    expect(conn.limitInfo.apiUsage).toEqual({ used: 15000, limit: 15000 });
    await control(server, 'POST', 'limits', { used: 0 });
  });

  it('8. bad SOQL is MALFORMED_QUERY, an unknown field INVALID_FIELD, an unknown sObject NOT_FOUND', async () => {
    await expect(riley.query('SELECT Id FORM Call_Plan__c')).rejects.toMatchObject({ name: 'MALFORMED_QUERY' });
    await expect(riley.query('SELECT Id, Foo__c FROM Call_Plan__c')).rejects.toMatchObject({
      name: 'INVALID_FIELD',
      message: expect.stringContaining("No such column 'Foo__c' on entity 'Call_Plan__c'"),
    });
    await expect(riley.sobject('Foo__c').describe()).rejects.toMatchObject({
      name: 'NOT_FOUND',
      message: 'The requested resource does not exist',
    });
  });

  it('9. over 200 records: EXCEEDED_ID_LIMIT; with allowRecursive, sequential 200-record calls', async () => {
    const many = Array.from({ length: 250 }, () => planValues(showcaseOpportunityId));
    await expect(riley.sobject('Call_Plan__c').create(many)).rejects.toMatchObject({
      name: 'EXCEEDED_ID_LIMIT',
      message: 'record limit reached. cannot submit more than 200 records into this call',
    });
    await control(server, 'DELETE', 'stats');
    const results = (await riley
      .sobject('Call_Plan__c')
      .upsert(many, 'Plan_Key__c', { allowRecursive: true })) as (SaveResult & {
      created: boolean;
    })[];
    expect(results).toHaveLength(250);
    expect(results.every((r) => r.success && r.created)).toBe(true);
    const stats = await control<StatsSnapshot>(server, 'GET', 'stats');
    expect(stats.byKind['collections.upsert']).toBe(2);
    const again = (await riley
      .sobject('Call_Plan__c')
      .upsert(many.slice(0, 3), 'Plan_Key__c', { allowRecursive: true })) as {
      created: boolean;
      id: string;
    }[];
    expect(again.map((r) => r.created)).toEqual([false, false, false]);
    expect(again.map((r) => r.id)).toEqual(results.slice(0, 3).map((r) => r.id));
  });

  it('10. every id is 18 characters with its checksum; 15-character ids work in URLs and SOQL', async () => {
    const created = (await riley.sobject('Call_Plan__c').create(planValues(showcaseOpportunityId))) as SaveResult;
    const id = created.id as string;
    const opportunities = await riley.query<{ Id: string; AccountId: string; OwnerId: string }>(
      'SELECT Id, AccountId, OwnerId FROM Opportunity',
    );
    for (const record of opportunities.records) {
      for (const value of [record.Id, record.AccountId, record.OwnerId]) expect(to18(value.slice(0, 15))).toBe(value);
    }
    const plans = await riley.query<{ Id: string; Opportunity__c: string; CreatedById: string }>(
      'SELECT Id, Opportunity__c, CreatedById FROM Call_Plan__c LIMIT 50',
    );
    for (const record of plans.records) {
      for (const value of [record.Id, record.Opportunity__c, record.CreatedById]) {
        expect(value).toHaveLength(18);
        expect(to18(value.slice(0, 15))).toBe(value);
      }
    }
    const id15 = id.slice(0, 15);
    const byUrl = (await riley.sobject('Call_Plan__c').retrieve(id15)) as { Id: string };
    expect(byUrl.Id).toBe(id);
    const bySoql = await riley.query(`SELECT Id FROM Call_Plan__c WHERE Id = '${id15}'`);
    expect(bySoql.records.map((r) => r.Id)).toEqual([id]);
  });
});
