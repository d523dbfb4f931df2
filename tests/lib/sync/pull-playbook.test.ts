import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import { playbookPulls } from '../../../lib/sync/pull-playbook';
import type { SalesforceClient } from '../../../lib/sync/salesforce-client';
import { defaultSyncOptions, type SyncContext } from '../../../lib/sync/sync-context';

const now = new Date('2026-03-10T09:00:00.000Z');

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`pull-playbook-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

const context = (): SyncContext => ({
  db,
  session: { userId: '0055g00000Mgn01AAB' } as Session,
  salesforce: {} as SalesforceClient,
  options: defaultSyncOptions,
  now: () => now,
  progress: () => {},
  checkpoint: () => {},
});

const [playbookPull, stagePull, objectionPull] = playbookPulls as [
  (typeof playbookPulls)[number],
  (typeof playbookPulls)[number],
  (typeof playbookPulls)[number],
];

describe('the queries the playbook pulls send', () => {
  const since = new Date('2026-03-09T08:00:00.000Z');
  it.each([
    ['playbooks, first pull: every one', playbookPull, null, 'FROM Playbook__c ORDER BY SystemModstamp, Id'],
    [
      'playbooks, then: only those changed since',
      playbookPull,
      since,
      'FROM Playbook__c WHERE (SystemModstamp >= 2026-03-09T08:00:00Z) ORDER BY SystemModstamp, Id',
    ],
    [
      'stages changed since',
      stagePull,
      since,
      'FROM Playbook_Stage__c WHERE (SystemModstamp >= 2026-03-09T08:00:00Z) ORDER BY SystemModstamp, Id',
    ],
    [
      'curated objections changed since',
      objectionPull,
      since,
      'FROM Playbook_Objection__c WHERE (SystemModstamp >= 2026-03-09T08:00:00Z) ORDER BY SystemModstamp, Id',
    ],
  ] as const)('%s', (_, step, from, tail) => {
    const soql = step.soql(context(), from);
    expect(soql.slice(soql.indexOf(' FROM ') + 1)).toBe(tail);
    expect(soql).toMatch(/^SELECT Id, IsDeleted, SystemModstamp, \S/);
  });

  it('learns deletions through queryAll', () => {
    expect(playbookPulls.map((step) => step.all)).toEqual([true, true, true]);
  });
});

describe("storing a pulled page of a manager's curated objections", () => {
  const pulled = (key: string, objection: string, change: Record<string, unknown> = {}) => ({
    Id: `a0T00000000000${key.slice(-1)}AAA`,
    IsDeleted: false,
    SystemModstamp: '2026-03-09T10:00:00.000+0000',
    Playbook_Objection_Key__c: key,
    Stage_Name__c: 'Negotiation',
    Objection__c: objection,
    Response__c: 'Start with one team',
    Sort_Order__c: 0,
    Playbook__r: { Playbook_Key__c: 'book-1' },
    ...change,
  });
  const local = (key: string, objection: string) => ({
    objectionKey: key,
    playbookKey: 'book-1',
    stageName: 'Negotiation',
    objection,
    response: 'Start with one team',
    sortOrder: 0,
    salesforceId: `a0T00000000000${key.slice(-1)}AAA`,
  });
  const waitingFor = (key: string, op: 'upsert' | 'delete') =>
    db.playbookOutbox.add({
      table: 'playbookObjections',
      key,
      op,
      salesforceId: null,
      playbookKey: 'book-1',
      at: now.toISOString(),
    });

  it("keeps the manager's edit still waiting to be sent, and takes Salesforce's version of the rest", async () => {
    await db.playbookObjections.bulkPut([local('curated-1', 'Edited here'), local('curated-2', 'Old wording')]);
    await waitingFor('curated-1', 'upsert');
    await objectionPull.store(context(), [
      pulled('curated-1', 'Changed in Salesforce'),
      pulled('curated-2', 'Changed in Salesforce'),
    ]);
    expect((await db.playbookObjections.get('curated-1'))?.objection).toBe('Edited here');
    expect((await db.playbookObjections.get('curated-2'))?.objection).toBe('Changed in Salesforce');
  });

  it('keeps a record deleted in Salesforce while an edit of it waits here; deletes it otherwise', async () => {
    await db.playbookObjections.bulkPut([local('curated-1', 'Edited here'), local('curated-2', 'Untouched')]);
    await waitingFor('curated-1', 'upsert');
    await objectionPull.store(context(), [
      pulled('curated-1', 'Edited here', { IsDeleted: true }),
      pulled('curated-2', 'Untouched', { IsDeleted: true }),
    ]);
    expect(await db.playbookObjections.toCollection().primaryKeys()).toEqual(['curated-1']);
  });
});
