import { beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { SyncConflict } from '../../../lib/db/sync-conflict';
import type { SyncRejection } from '../../../lib/db/sync-rejection';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { pendingChanges } from '../../../lib/sync/pending-changes';

const now = new Date('2026-03-10T09:00:00.000Z');
const northwind = '0065g00000Nwd01AAB';
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});

/** A stored plan with one objection, "Too expensive", its call at `callAt`. */
async function storedPlan(goal: string, callAt: string, opportunityId = northwind) {
  const { objections, ...plan } = { ...newCallPlan(opportunityId, now), goal, callAt };
  const objection = { ...newObjection(0, true), objection: 'Too expensive', planKey: plan.planKey };
  await db.plans.put(plan as never);
  await db.objections.put(objection as never);
  return { planKey: plan.planKey, objectionKey: objection.objectionKey };
}

/** Salesforce confirmed the record, then the rep deleted it here: only its last synced copy names it. */
async function deleteHereAfterSync(table: 'plans' | 'objections', key: string, planKey: string) {
  const row = await db[table].get(key);
  await db.bases.put({
    table,
    key,
    planKey,
    salesforceId: table === 'plans' ? 'a0P5g000000000001' : 'a0Q5g000000000001',
    systemModstamp: '2026-03-09T12:00:00.000Z',
    values: { ...row },
  });
  await db[table].delete(key);
}

const waiting = (planKey: string, table: 'plans' | 'objections' = 'plans', key = planKey) =>
  db.outbox.add({ table, key, op: 'upsert', planKey, at: now.toISOString() });

function rejection(planKey: string, changes: Partial<SyncRejection> = {}): SyncRejection {
  return {
    table: 'plans',
    key: planKey,
    planKey,
    seq: 1,
    code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    message: 'Goal must name the buyer',
    fields: ['Goal__c'],
    at: now.toISOString(),
    ...changes,
  };
}

function conflict(planKey: string, changes: Partial<SyncConflict> = {}): SyncConflict {
  return {
    table: 'plans',
    key: planKey,
    planKey,
    fields: [{ field: 'bestNextStep', base: 'Pilot', local: 'Signed pilot', remote: 'Paid pilot' }],
    remoteDeleted: false,
    remoteModstamp: '2026-03-09T12:00:00.000Z',
    detectedAt: now.toISOString(),
    ...changes,
  };
}

describe('pending changes, one row per plan', () => {
  it('lists nothing when nothing waits', async () => {
    await storedPlan('Pilot', '2026-03-11T09:00:00.000Z');
    expect(await pendingChanges(db)).toEqual([]);
  });

  it('names a waiting plan by its goal, call and opportunity, once however many entries wait', async () => {
    const { planKey, objectionKey } = await storedPlan('Agree the pilot', '2026-03-11T09:00:00.000Z');
    await db.opportunities.put({
      id: northwind,
      name: 'Northwind renewal',
      stageName: 'Proposal/Price Quote',
      closeDate: null,
      amount: null,
      ownerId: '0055g00000Rly01AAB',
      accountId: null,
      accountName: null,
      isClosed: false,
      isWon: false,
      fetchedAt: now.toISOString(),
    });
    await waiting(planKey);
    await waiting(planKey, 'objections', objectionKey);

    expect(await pendingChanges(db)).toEqual([
      {
        planKey,
        opportunityId: northwind,
        opportunityName: 'Northwind renewal',
        goal: 'Agree the pilot',
        callAt: '2026-03-11T09:00:00.000Z',
        state: 'waiting',
        deletedHere: false,
        problems: [],
      },
    ]);
  });

  it('names a plan deleted here by its last synced copy', async () => {
    const { planKey } = await storedPlan('Agree the pilot', '2026-03-11T09:00:00.000Z');
    await deleteHereAfterSync('plans', planKey, planKey);
    await db.outbox.add({ table: 'plans', key: planKey, op: 'delete', planKey, at: now.toISOString() });

    const [change] = await pendingChanges(db);
    expect(change).toMatchObject({ deletedHere: true, goal: 'Agree the pilot', opportunityId: northwind });
    expect(change?.opportunityName).toBeNull();
  });

  it('a plan known by nothing but its key still shows, without names', async () => {
    await db.outbox.add({ table: 'plans', key: 'gone', op: 'delete', planKey: 'gone', at: now.toISOString() });
    expect(await pendingChanges(db)).toMatchObject([
      { planKey: 'gone', opportunityId: null, opportunityName: null, goal: '', callAt: null, deletedHere: true },
    ]);
  });

  it("shows a refusal with Salesforce's words and the fields in the form's words", async () => {
    const { planKey, objectionKey } = await storedPlan('Pilot', '2026-03-11T09:00:00.000Z');
    await db.rejections.put(rejection(planKey));
    await db.rejections.put(
      rejection(planKey, {
        table: 'objections',
        key: objectionKey,
        code: 'STRING_TOO_LONG',
        message: 'Response: data value too large',
        fields: ['Response__c', 'Unknown_Field__c'],
      }),
    );

    const [change] = await pendingChanges(db);
    expect(change?.state).toBe('rejected');
    expect(change?.problems).toHaveLength(2);
    expect(change?.problems).toEqual(
      expect.arrayContaining([
        {
          kind: 'rejected',
          table: 'plans',
          key: planKey,
          record: 'Call plan',
          code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Goal must name the buyer',
          fields: ['Goal'],
        },
        {
          kind: 'rejected',
          table: 'objections',
          key: objectionKey,
          record: 'Objection “Too expensive”',
          code: 'STRING_TOO_LONG',
          message: 'Response: data value too large',
          fields: ['Planned response', 'Unknown_Field__c'],
        },
      ]),
    );
  });

  it('shows a conflict with the three values of each field, before any refusal of the same plan', async () => {
    const { planKey } = await storedPlan('Pilot', '2026-03-11T09:00:00.000Z');
    await db.rejections.put(rejection(planKey));
    await db.conflicts.put(conflict(planKey));

    const [change] = await pendingChanges(db);
    expect(change?.state).toBe('conflict');
    expect(change?.problems.map((problem) => problem.kind)).toEqual(['conflict', 'rejected']);
    expect(change?.problems[0]).toEqual({
      kind: 'conflict',
      table: 'plans',
      key: planKey,
      record: 'Call plan',
      remoteDeleted: false,
      localDeleted: false,
      fields: [
        { field: 'bestNextStep', label: 'Best next step', base: 'Pilot', local: 'Signed pilot', remote: 'Paid pilot' },
      ],
    });
  });

  it.each([
    ['deleted in Salesforce while edited here', { remoteDeleted: true }, { remoteDeleted: true, localDeleted: false }],
    ['deleted here while changed in Salesforce', { localDeleted: true }, { remoteDeleted: false, localDeleted: true }],
  ])('says which side deleted an objection: %s', async (_name, sides, expected) => {
    const { planKey, objectionKey } = await storedPlan('Pilot', '2026-03-11T09:00:00.000Z');
    await deleteHereAfterSync('objections', objectionKey, planKey);
    await db.conflicts.put(conflict(planKey, { table: 'objections', key: objectionKey, fields: [], ...sides }));

    const [change] = await pendingChanges(db);
    // The objection's row is gone here: its last synced copy still names it.
    expect(change?.problems).toEqual([
      {
        kind: 'conflict',
        table: 'objections',
        key: objectionKey,
        record: 'Objection “Too expensive”',
        fields: [],
        ...expected,
      },
    ]);
  });

  it('an objection without words is named as such', async () => {
    const { planKey, objectionKey } = await storedPlan('Pilot', '2026-03-11T09:00:00.000Z');
    await db.objections.update(objectionKey, { objection: '' });
    await db.rejections.put(rejection(planKey, { table: 'objections', key: objectionKey }));
    expect((await pendingChanges(db))[0]?.problems[0]).toMatchObject({ record: 'Objection' });
  });

  it('orders conflicts first, then refusals, then waiting plans, each by call time', async () => {
    const late = await storedPlan('Waiting late', '2026-03-13T09:00:00.000Z');
    const early = await storedPlan('Waiting early', '2026-03-11T09:00:00.000Z');
    const refused = await storedPlan('Refused', '2026-03-10T10:00:00.000Z');
    const conflicted = await storedPlan('In conflict', '2026-03-14T09:00:00.000Z');
    const otherConflict = await storedPlan('In conflict too', '2026-03-12T09:00:00.000Z');
    await waiting(late.planKey);
    await waiting(early.planKey);
    await db.rejections.put(rejection(refused.planKey));
    await db.conflicts.put(conflict(conflicted.planKey));
    await db.conflicts.put(conflict(otherConflict.planKey));

    const changes = await pendingChanges(db);
    expect(changes.map((change) => change.goal)).toEqual([
      'In conflict too',
      'In conflict',
      'Refused',
      'Waiting early',
      'Waiting late',
    ]);
    // Each plan holds its own problems only.
    expect(changes.map((change) => change.problems.length)).toEqual([1, 1, 1, 0, 0]);
  });
});
