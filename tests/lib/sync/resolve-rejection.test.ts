import { afterEach, describe, expect, it } from 'vitest';
import type { SyncedTable } from '../../../lib/db/outbox-entry';
import { PrecallDb } from '../../../lib/db/precall-db';
import { savePlan } from '../../../lib/db/save-plan';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { callPlanSync } from '../../../lib/salesforce/map-call-plan';
import { objectionSync } from '../../../lib/salesforce/map-objection';
import { syncedFields } from '../../../lib/salesforce/map-synced-record';
import { resolveRejection } from '../../../lib/sync/resolve-rejection';

const now = new Date('2026-03-10T12:00:00Z');
const later = new Date('2026-03-10T13:00:00Z');
const owner = '0055g00000Rly01AAB';
const databases: PrecallDb[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** What a base copy keeps of a row: the fields sync sends, as Salesforce confirmed them. */
const confirmed = (object: Parameters<typeof syncedFields>[0], row: Record<string, unknown>) =>
  Object.fromEntries(syncedFields(object).map((mapping) => [mapping.local, row[mapping.local]]));

/** A plan with one objection, saved and, unless `inSalesforce` is false, confirmed by Salesforce. */
async function world(inSalesforce = true) {
  const db = new PrecallDb(`rejection-${crypto.randomUUID()}`);
  databases.push(db);
  const objection = { ...newObjection(0, true), objection: 'Too expensive', response: 'Show the payback' };
  const plan = {
    ...newCallPlan('0065g00000Opp01AAB', now),
    goal: 'Agree the pilot',
    bestNextStep: 'Signed pilot',
    objections: [objection],
  };
  await savePlan(db, plan, now, owner);
  if (inSalesforce) {
    const planRow = (await db.plans.get(plan.planKey)) ?? {};
    const objectionRow = (await db.objections.get(objection.objectionKey)) ?? {};
    await db.bases.bulkPut([
      {
        table: 'plans',
        key: plan.planKey,
        planKey: plan.planKey,
        salesforceId: 'a0A000000000001AAA',
        systemModstamp: now.toISOString(),
        values: confirmed(callPlanSync, planRow),
      },
      {
        table: 'objections',
        key: objection.objectionKey,
        planKey: plan.planKey,
        salesforceId: 'a0B000000000001AAA',
        systemModstamp: now.toISOString(),
        values: confirmed(objectionSync, objectionRow),
      },
    ] as never);
    await db.outbox.clear();
  }
  const reject = (table: SyncedTable, key: string) =>
    db.rejections.put({
      table,
      key,
      planKey: plan.planKey,
      seq: 1,
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Goal must name a date',
      fields: ['Goal__c'],
      at: now.toISOString(),
    });
  const outboxOf = async (table: SyncedTable, key: string) =>
    (await db.outbox.where('[table+key]').equals([table, key]).toArray()).map((entry) => entry.op);
  return { db, plan, objection, reject, outboxOf };
}

describe('resolveRejection', () => {
  it('refuses when the change is no longer refused', async () => {
    const { db, plan } = await world();
    await expect(resolveRejection(db, { table: 'plans', key: plan.planKey }, 'retry', later)).rejects.toThrow(
      'This change is no longer refused',
    );
  });

  it('retry sends the record again once, and clears the rejection', async () => {
    const { db, plan, reject, outboxOf } = await world();
    await reject('plans', plan.planKey);
    await resolveRejection(db, { table: 'plans', key: plan.planKey }, 'retry', later);
    expect(await outboxOf('plans', plan.planKey)).toEqual(['upsert']);
    expect(await db.outbox.where('[table+key]').equals(['plans', plan.planKey]).first()).toMatchObject({
      planKey: plan.planKey,
      at: later.toISOString(),
    });
    expect(await db.rejections.count()).toBe(0);
  });

  it('retry with the change still waiting adds nothing', async () => {
    const { db, plan, reject, outboxOf } = await world(false);
    await reject('plans', plan.planKey);
    await resolveRejection(db, { table: 'plans', key: plan.planKey }, 'retry', later);
    expect(await outboxOf('plans', plan.planKey)).toEqual(['upsert']);
  });

  it('discard takes back Salesforce’s fields of an edited plan, keeps the rest, and drops its waiting change', async () => {
    const { db, plan, reject, outboxOf, objection } = await world();
    await savePlan(db, { ...plan, goal: 'Refused goal' }, later, owner);
    await reject('plans', plan.planKey);
    await resolveRejection(db, { table: 'plans', key: plan.planKey }, 'discard', later);
    expect(await db.plans.get(plan.planKey)).toMatchObject({ goal: 'Agree the pilot', ownerId: owner });
    expect(await outboxOf('plans', plan.planKey)).toEqual([]);
    expect(await db.objections.get(objection.objectionKey)).toMatchObject({ objection: 'Too expensive' });
  });

  it('discard takes back an edited objection, leaving its plan alone', async () => {
    const { db, plan, objection, reject, outboxOf } = await world();
    await savePlan(
      db,
      { ...plan, goal: 'Kept edit', objections: [{ ...objection, objection: 'Refused' }] },
      later,
      owner,
    );
    await reject('objections', objection.objectionKey);
    await resolveRejection(db, { table: 'objections', key: objection.objectionKey }, 'discard', later);
    expect(await db.objections.get(objection.objectionKey)).toMatchObject({ objection: 'Too expensive' });
    expect(await outboxOf('objections', objection.objectionKey)).toEqual([]);
    expect(await db.plans.get(plan.planKey)).toMatchObject({ goal: 'Kept edit' });
    expect(await outboxOf('plans', plan.planKey)).toEqual(['upsert']);
  });

  it('discarding a plan Salesforce never had removes it with its objections', async () => {
    const { db, plan, objection, reject } = await world(false);
    await reject('plans', plan.planKey);
    await resolveRejection(db, { table: 'plans', key: plan.planKey }, 'discard', later);
    expect(await db.plans.get(plan.planKey)).toBeUndefined();
    expect(await db.objections.get(objection.objectionKey)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('discarding an objection Salesforce never had removes only it', async () => {
    const { db, plan, reject } = await world();
    const added = { ...newObjection(1, false), objection: 'New worry' };
    const saved = await db.plans.get(plan.planKey);
    await savePlan(db, { ...plan, goal: saved?.goal ?? '', objections: [...plan.objections, added] }, later, owner);
    await reject('objections', added.objectionKey);
    await resolveRejection(db, { table: 'objections', key: added.objectionKey }, 'discard', later);
    expect(await db.objections.get(added.objectionKey)).toBeUndefined();
    expect(await db.plans.get(plan.planKey)).toBeDefined();
    expect(await db.objections.count()).toBe(1);
  });

  it('a refused delete of a plan brings it back with its objections, as Salesforce has them', async () => {
    const { db, plan, objection, reject } = await world();
    await db.transaction('rw', db.plans, db.objections, db.outbox, async () => {
      await db.plans.delete(plan.planKey);
      await db.objections.delete(objection.objectionKey);
      await db.outbox.bulkAdd([
        {
          table: 'objections',
          key: objection.objectionKey,
          op: 'delete',
          planKey: plan.planKey,
          at: later.toISOString(),
        },
        { table: 'plans', key: plan.planKey, op: 'delete', planKey: plan.planKey, at: later.toISOString() },
      ]);
    });
    await reject('plans', plan.planKey);
    await reject('objections', objection.objectionKey);
    await resolveRejection(db, { table: 'plans', key: plan.planKey }, 'discard', later);
    expect(await db.plans.get(plan.planKey)).toMatchObject({ goal: 'Agree the pilot', planKey: plan.planKey });
    expect(await db.objections.get(objection.objectionKey)).toMatchObject({
      objection: 'Too expensive',
      objectionKey: objection.objectionKey,
      planKey: plan.planKey,
    });
    expect(await db.objections.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.count()).toBe(0);
  });

  it('a refused delete of an objection brings back that objection only', async () => {
    const { db, plan, objection, reject } = await world();
    await db.objections.delete(objection.objectionKey);
    await db.outbox.add({
      table: 'objections',
      key: objection.objectionKey,
      op: 'delete',
      planKey: plan.planKey,
      at: later.toISOString(),
    });
    await db.outbox.add({
      table: 'plans',
      key: plan.planKey,
      op: 'upsert',
      planKey: plan.planKey,
      at: later.toISOString(),
    });
    await reject('objections', objection.objectionKey);
    await resolveRejection(db, { table: 'objections', key: objection.objectionKey }, 'discard', later);
    expect(await db.objections.get(objection.objectionKey)).toMatchObject({
      objection: 'Too expensive',
      planKey: plan.planKey,
    });
    expect((await db.outbox.toArray()).map((entry) => [entry.table, entry.op])).toEqual([['plans', 'upsert']]);
  });
});
