import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../../../lib/db/outbox-entry';
import { PrecallDb } from '../../../lib/db/precall-db';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { callPlanSync } from '../../../lib/salesforce/map-call-plan';
import { objectionSync } from '../../../lib/salesforce/map-objection';
import type { RemoteRecord } from '../../../lib/salesforce/map-synced-record';
import { storeRemoteRecords } from '../../../lib/sync/store-remote-records';

const rep = '0055g00000Rly01AAB';
const now = new Date('2026-03-10T09:00:00.000Z');
const modstamp = '2026-03-09T12:00:00.000Z';
let db: PrecallDb;
let ids = 0;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => vi.restoreAllMocks());

/** A plan of the rep's, as stored here: the row carries its owner, which decides what the rep may write. */
function plan(goal: string): CallPlan & { ownerId: string } {
  const made = newCallPlan('0065g00000Nwd01AAB', now);
  return {
    ...made,
    ownerId: rep,
    goal,
    objections: [{ ...newObjection(0, true), objection: `${goal}: too expensive` }],
  };
}

function valuesOf(fields: readonly { local: string }[], row: object): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field.local, source[field.local] ?? null]));
}

/** The plan and its objections as a pull brings them, at `stamp`. */
function pulled(callPlan: CallPlan, stamp = modstamp, changes: Partial<CallPlan> = {}): RemoteRecord[] {
  const changed = { ...callPlan, ...changes };
  ids += 1;
  return [
    {
      table: 'plans',
      key: callPlan.planKey,
      planKey: callPlan.planKey,
      salesforceId: `a0P5g0000${String(ids).padStart(9, '0')}`,
      systemModstamp: stamp,
      isDeleted: false,
      values: valuesOf(callPlanSync.fields, changed),
    },
    ...callPlan.objections.map(
      (objection, index): RemoteRecord => ({
        table: 'objections',
        key: objection.objectionKey,
        planKey: callPlan.planKey,
        salesforceId: `a0Q5g0000${String(ids * 10 + index).padStart(9, '0')}`,
        systemModstamp: stamp,
        isDeleted: false,
        // As a pull maps it: the plan named through the parent's External ID.
        values: { ...valuesOf(objectionSync.fields, objection), [objectionSync.parent?.local ?? '']: callPlan.planKey },
      }),
    ),
  ];
}

const plansFirst = (records: RemoteRecord[]) => [
  ...records.filter((r) => r.table === 'plans'),
  ...records.filter((r) => r.table === 'objections'),
];

/** A waiting change of the rep's to `key`, as the panel's save queues it (with what a push sent, if one did). */
async function queue(
  table: 'plans' | 'objections',
  key: string,
  planKey: string,
  entry: Partial<Pick<OutboxEntry, 'op' | 'sent'>> = {},
) {
  await db.outbox.add({ table, key, op: 'upsert', planKey, at: now.toISOString(), ...entry });
}

/** A conflict on the plan the rep has yet to decide, against the first pulled version. */
async function openConflict(planKey: string) {
  await db.conflicts.put({
    table: 'plans',
    key: planKey,
    planKey,
    fields: [],
    remoteDeleted: false,
    remoteModstamp: modstamp,
    detectedAt: now.toISOString(),
  });
}

const later = '2026-03-09T14:00:00.000Z';
const deletedAt = (records: RemoteRecord[], stamp = later) =>
  records.map((record) => ({ ...record, isDeleted: true, systemModstamp: stamp }));

describe('storing a pulled page', () => {
  it('stores records new to this client with their last synced copy, in one write per table', async () => {
    const plans = [plan('Pilot'), plan('Renewal'), plan('Upsell')];
    const page = plansFirst(plans.flatMap((p) => pulled(p)));
    const puts = vi.spyOn(db.plans, 'put');

    const outcome = await storeRemoteRecords(db, rep, page, now);

    expect(outcome).toEqual({ changed: 6, conflicts: 0 });
    expect((await db.plans.toArray()).map((p) => p.goal).sort()).toEqual(['Pilot', 'Renewal', 'Upsell']);
    expect(await db.objections.count()).toBe(3);
    const bases = await db.bases.toArray();
    expect(bases).toHaveLength(6);
    expect(bases.every((base) => base.systemModstamp === modstamp)).toBe(true);
    expect(puts).not.toHaveBeenCalled();
  });

  it('writes nothing for records pulled again unchanged (the overlap window)', async () => {
    const page = plansFirst(pulled(plan('Pilot')));
    await storeRemoteRecords(db, rep, page, now);
    const writes = [
      vi.spyOn(db.plans, 'put'),
      vi.spyOn(db.plans, 'bulkPut'),
      vi.spyOn(db.objections, 'put'),
      vi.spyOn(db.objections, 'bulkPut'),
      vi.spyOn(db.bases, 'put'),
      vi.spyOn(db.bases, 'bulkPut'),
    ];

    expect(await storeRemoteRecords(db, rep, page, now)).toEqual({ changed: 0, conflicts: 0 });
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });

  it('takes a newer Salesforce version of a record the rep has not touched', async () => {
    const callPlan = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    const newer = pulled(callPlan, '2026-03-09T13:00:00.000Z', { goal: 'Pilot, signed' });

    expect(await storeRemoteRecords(db, rep, newer.slice(0, 1), now)).toEqual({ changed: 1, conflicts: 0 });
    expect((await db.plans.get(callPlan.planKey))?.goal).toBe('Pilot, signed');
    expect((await db.bases.get(['plans', callPlan.planKey]))?.systemModstamp).toBe('2026-03-09T13:00:00.000Z');
  });

  it('merges against the rep’s waiting edit, beside new records of the same page', async () => {
    const edited = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(edited)), now);
    await db.plans.update(edited.planKey, { walkAway: 'No pilot without a sponsor' });
    await queue('plans', edited.planKey, edited.planKey);
    const fresh = plan('Renewal');
    const page = plansFirst([
      ...pulled(edited, '2026-03-09T13:00:00.000Z', { goal: 'Pilot, signed' }),
      ...pulled(fresh),
    ]);

    // The edited plan merged, the new plan and its objection; the edited plan's objection came again unchanged.
    expect(await storeRemoteRecords(db, rep, page, now)).toEqual({ changed: 3, conflicts: 0 });
    expect(await db.plans.get(edited.planKey)).toMatchObject({
      goal: 'Pilot, signed',
      walkAway: 'No pilot without a sponsor',
    });
    expect((await db.plans.get(fresh.planKey))?.goal).toBe('Renewal');
    expect(await db.outbox.count()).toBe(1);
  });

  it('a plan deleted in Salesforce and untouched here goes with its objections, though they are on the same page', async () => {
    const gone = plan('Pilot');
    const first = plansFirst(pulled(gone));
    await storeRemoteRecords(db, rep, first, now);
    const deleted = first.map((record) => ({ ...record, isDeleted: true, systemModstamp: '2026-03-09T14:00:00.000Z' }));

    // The plan counts as changed; its objections went with it.
    expect(await storeRemoteRecords(db, rep, deleted, now)).toEqual({ changed: 1, conflicts: 0 });
    expect(await db.plans.count()).toBe(0);
    expect(await db.objections.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
  });

  it('an objection of a plan the rep deleted here follows its plan: no row comes back', async () => {
    const callPlan = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    await db.plans.delete(callPlan.planKey);
    await db.objections.where('planKey').equals(callPlan.planKey).delete();
    await queue('plans', callPlan.planKey, callPlan.planKey, { op: 'delete' });
    const objectionOnly = pulled(callPlan, '2026-03-09T13:00:00.000Z').filter((r) => r.table === 'objections');

    const renamed = objectionOnly.map((record) => ({
      ...record,
      values: { ...record.values, objection: 'Pilot: the price went up' },
    }));

    await storeRemoteRecords(db, rep, renamed, now);
    expect(await db.objections.count()).toBe(0);
    // Its last synced copy follows Salesforce, so restoring the plan brings back Salesforce's text.
    const base = await db.bases.get(['objections', objectionOnly[0]?.key ?? '']);
    expect(base?.systemModstamp).toBe('2026-03-09T13:00:00.000Z');
    expect(base?.values).toEqual(renamed[0]?.values);
  });

  it('an objection deleted in Salesforce while its plan was deleted here is forgotten', async () => {
    const callPlan = plan('Pilot');
    const first = plansFirst(pulled(callPlan));
    await storeRemoteRecords(db, rep, first, now);
    await db.plans.delete(callPlan.planKey);
    await db.objections.where('planKey').equals(callPlan.planKey).delete();
    await queue('plans', callPlan.planKey, callPlan.planKey, { op: 'delete' });
    const objectionKey = callPlan.objections[0]?.objectionKey ?? '';

    await storeRemoteRecords(db, rep, deletedAt(first.filter((r) => r.table === 'objections')), now);
    expect(await db.bases.get(['objections', objectionKey])).toBeUndefined();
    expect(await db.objections.count()).toBe(0);
    // The plan's own deletion still waits to go to Salesforce.
    expect(await db.bases.get(['plans', callPlan.planKey])).toBeDefined();
  });
});

describe('deletions in Salesforce', () => {
  it('ignore a record this client never synced, and one the rep has since created again', async () => {
    const never = plan('Never synced here');
    expect(await storeRemoteRecords(db, rep, deletedAt(pulled(never)).slice(0, 1), now)).toEqual({
      changed: 0,
      conflicts: 0,
    });
    const again = plan('Created again');
    await storeRemoteRecords(db, rep, plansFirst(pulled(again)), now);
    // An older Salesforce record of the same plan (another id) reported deleted.
    const older = deletedAt(pulled(again)).slice(0, 1);
    expect(await storeRemoteRecords(db, rep, older, now)).toEqual({ changed: 0, conflicts: 0 });
    expect((await db.plans.get(again.planKey))?.goal).toBe('Created again');
    expect(await db.conflicts.count()).toBe(0);
  });

  it('become a conflict for a plan the rep is changing, replacing an earlier refusal', async () => {
    const edited = plan('Pilot');
    const first = plansFirst(pulled(edited));
    await storeRemoteRecords(db, rep, first, now);
    await db.plans.update(edited.planKey, { goal: 'Pilot, rescoped' });
    await queue('plans', edited.planKey, edited.planKey);
    await db.rejections.put({
      table: 'plans',
      key: edited.planKey,
      planKey: edited.planKey,
      seq: 1,
      code: 'STRING_TOO_LONG',
      message: 'Goal: data value too large',
      fields: ['Goal__c'],
      at: now.toISOString(),
    });

    expect(await storeRemoteRecords(db, rep, deletedAt(first).slice(0, 1), now)).toEqual({ changed: 0, conflicts: 1 });
    expect(await db.conflicts.get(['plans', edited.planKey])).toEqual({
      table: 'plans',
      key: edited.planKey,
      planKey: edited.planKey,
      fields: [],
      remoteDeleted: true,
      remoteModstamp: later,
      detectedAt: now.toISOString(),
    });
    expect((await db.plans.get(edited.planKey))?.goal).toBe('Pilot, rescoped');
    expect(await db.rejections.count()).toBe(0);
  });

  it('remove an untouched objection, and leave a changed one as a conflict', async () => {
    const callPlan = { ...plan('Pilot') };
    callPlan.objections = [
      { ...newObjection(0, true), objection: 'Too expensive' },
      { ...newObjection(1, true), objection: 'No sponsor' },
    ];
    const first = plansFirst(pulled(callPlan));
    await storeRemoteRecords(db, rep, first, now);
    const [untouched, changed] = callPlan.objections;
    await db.objections.update(changed?.objectionKey ?? '', { response: 'The CFO sponsors it' });
    await queue('objections', changed?.objectionKey ?? '', callPlan.planKey);

    const outcome = await storeRemoteRecords(db, rep, deletedAt(first.slice(1)), now);
    expect(outcome).toEqual({ changed: 1, conflicts: 1 });
    expect(await db.objections.get(untouched?.objectionKey ?? '')).toBeUndefined();
    expect(await db.bases.get(['objections', untouched?.objectionKey ?? ''])).toBeUndefined();
    expect((await db.objections.get(changed?.objectionKey ?? ''))?.response).toBe('The CFO sponsors it');
    expect(await db.conflicts.get(['objections', changed?.objectionKey ?? ''])).toMatchObject({
      remoteDeleted: true,
      fields: [],
    });
  });

  it("keep the objections of a plan in conflict over its deletion, for the rep's choice", async () => {
    const edited = plan('Pilot');
    const first = plansFirst(pulled(edited));
    await storeRemoteRecords(db, rep, first, now);
    await db.plans.update(edited.planKey, { goal: 'Pilot, rescoped' });
    await queue('plans', edited.planKey, edited.planKey);
    const objectionKey = edited.objections[0]?.objectionKey ?? '';

    expect(await storeRemoteRecords(db, rep, deletedAt(first), now)).toEqual({ changed: 0, conflicts: 1 });
    expect(await db.objections.get(objectionKey)).toBeDefined();
    // Its last synced copy goes: restoring the plan creates the objection again.
    expect(await db.bases.get(['objections', objectionKey])).toBeUndefined();
    expect(await db.conflicts.get(['objections', objectionKey])).toBeUndefined();
  });
});

describe('a record deleted here while Salesforce changed it', () => {
  async function deletedHere() {
    const callPlan = plan('Pilot');
    const first = plansFirst(pulled(callPlan));
    await storeRemoteRecords(db, rep, first, now);
    await db.plans.delete(callPlan.planKey);
    await queue('plans', callPlan.planKey, callPlan.planKey, { op: 'delete' });
    return callPlan;
  }

  it('is left deleted when Salesforce changed nothing since, its last synced copy brought up to date', async () => {
    const callPlan = await deletedHere();
    const same = pulled(callPlan, later).slice(0, 1);
    expect(await storeRemoteRecords(db, rep, same, now)).toEqual({ changed: 0, conflicts: 0 });
    expect(await db.plans.get(callPlan.planKey)).toBeUndefined();
    expect((await db.bases.get(['plans', callPlan.planKey]))?.systemModstamp).toBe(later);
    expect(await db.conflicts.count()).toBe(0);
  });

  it("becomes a conflict naming each field Salesforce changed: what it was, and Salesforce's value", async () => {
    const callPlan = await deletedHere();
    const changed = pulled(callPlan, later, { goal: 'Pilot, signed' }).slice(0, 1);
    expect(await storeRemoteRecords(db, rep, changed, now)).toEqual({ changed: 0, conflicts: 1 });
    expect(await db.plans.get(callPlan.planKey)).toBeUndefined();
    expect(await db.conflicts.get(['plans', callPlan.planKey])).toEqual({
      table: 'plans',
      key: callPlan.planKey,
      planKey: callPlan.planKey,
      fields: [{ field: 'goal', base: 'Pilot', local: null, remote: 'Pilot, signed' }],
      remoteDeleted: false,
      localDeleted: true,
      remoteModstamp: later,
      detectedAt: now.toISOString(),
    });
    // The last synced copy stays the one the rep deleted from, so the conflict keeps its base.
    expect((await db.bases.get(['plans', callPlan.planKey]))?.values.goal).toBe('Pilot');
  });
});

describe('merging a changed record', () => {
  it('keeps the rep’s own time of change on a plan in conflict', async () => {
    const edited = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(edited)), now);
    const editedAt = '2026-03-10T08:30:00.000Z';
    await db.plans.update(edited.planKey, { goal: 'Pilot, rescoped', updatedAt: editedAt });
    await queue('plans', edited.planKey, edited.planKey);
    const theirs = pulled(edited, later, { goal: 'Pilot, signed', updatedAt: later }).slice(0, 1);

    expect(await storeRemoteRecords(db, rep, theirs, now)).toEqual({ changed: 0, conflicts: 1 });
    expect(await db.plans.get(edited.planKey)).toMatchObject({ goal: 'Pilot, rescoped', updatedAt: editedAt });
    expect((await db.conflicts.get(['plans', edited.planKey]))?.fields).toEqual([
      { field: 'goal', base: 'Pilot', local: 'Pilot, rescoped', remote: 'Pilot, signed' },
    ]);
  });

  it('takes a plan changed in Salesforce with its time of change when the rep changed nothing', async () => {
    const callPlan = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    await openConflict(callPlan.planKey);
    const theirs = pulled(callPlan, later, { goal: 'Pilot, signed', updatedAt: later }).slice(0, 1);

    expect(await storeRemoteRecords(db, rep, theirs, now)).toEqual({ changed: 1, conflicts: 0 });
    expect(await db.plans.get(callPlan.planKey)).toMatchObject({ goal: 'Pilot, signed', updatedAt: later });
    // Nothing is left to decide: the conflict goes.
    expect(await db.conflicts.count()).toBe(0);
  });

  it('queues a local value Salesforce lacks when nothing waits to send it', async () => {
    const callPlan = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    // The rep's choice in a conflict left a value here and nothing in the outbox.
    await db.plans.update(callPlan.planKey, { goal: 'Pilot, as the rep chose' });
    await openConflict(callPlan.planKey);
    const theirs = pulled(callPlan, later, { bestNextStep: 'Pilot order signed' }).slice(0, 1);

    await storeRemoteRecords(db, rep, theirs, now);
    expect(await db.plans.get(callPlan.planKey)).toMatchObject({
      goal: 'Pilot, as the rep chose',
      bestNextStep: 'Pilot order signed',
    });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        table: 'plans',
        key: callPlan.planKey,
        op: 'upsert',
        planKey: callPlan.planKey,
        at: now.toISOString(),
      }),
    ]);
  });

  it('reads an instant Salesforce writes another way as the same, and writes nothing for it', async () => {
    const callPlan = { ...plan('Pilot'), callAt: '2026-03-12T10:00:00.000Z' };
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    const puts = vi.spyOn(db.plans, 'put');
    const sameInstant = pulled(callPlan, later, { callAt: '2026-03-12T10:00:00.000+0000' }).slice(0, 1);

    expect(await storeRemoteRecords(db, rep, sameInstant, now)).toEqual({ changed: 0, conflicts: 0 });
    expect(puts).not.toHaveBeenCalled();
    expect((await db.bases.get(['plans', callPlan.planKey]))?.systemModstamp).toBe(later);
  });
});

describe('a record pulled again', () => {
  it('in a newer version with the same values brings its last synced copy up to date, and nothing else', async () => {
    const callPlan = plan('Pilot');
    const first = plansFirst(pulled(callPlan));
    await storeRemoteRecords(db, rep, first, now);
    const puts = vi.spyOn(db.plans, 'put');
    // Salesforce touched the record (a formula, an automation) without changing a synced field.
    const touched = first.slice(0, 1).map((record) => ({ ...record, systemModstamp: later }));

    expect(await storeRemoteRecords(db, rep, touched, now)).toEqual({ changed: 0, conflicts: 0 });
    expect(puts).not.toHaveBeenCalled();
    expect((await db.bases.get(['plans', callPlan.planKey]))?.systemModstamp).toBe(later);
  });

  it('as another Salesforce record of the same plan takes that record as its last synced copy', async () => {
    const callPlan = plan('Pilot');
    const first = plansFirst(pulled(callPlan));
    await storeRemoteRecords(db, rep, first, now);
    const recreated = first.slice(0, 1).map((record) => ({ ...record, salesforceId: 'a0P5g0000099999999' }));

    await storeRemoteRecords(db, rep, recreated, now);
    expect((await db.bases.get(['plans', callPlan.planKey]))?.salesforceId).toBe('a0P5g0000099999999');
  });

  it('unchanged, queues an objection the rep changed here with nothing waiting to send it', async () => {
    const callPlan = plan('Pilot');
    const first = plansFirst(pulled(callPlan));
    await storeRemoteRecords(db, rep, first, now);
    const objectionKey = callPlan.objections[0]?.objectionKey ?? '';
    await db.objections.update(objectionKey, { response: 'A phased rollout' });

    await storeRemoteRecords(db, rep, first, now);
    expect((await db.objections.get(objectionKey))?.response).toBe('A phased rollout');
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ table: 'objections', key: objectionKey, op: 'upsert', planKey: callPlan.planKey }),
    ]);
  });
});

describe('merging an objection', () => {
  it('keeps the rep’s waiting edit beside Salesforce’s change, in the objections table', async () => {
    const callPlan = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    const objection = callPlan.objections[0];
    const objectionKey = objection?.objectionKey ?? '';
    await db.objections.update(objectionKey, { response: 'A phased rollout' });
    await queue('objections', objectionKey, callPlan.planKey);
    const theirs = pulled(callPlan, later).filter((r) => r.table === 'objections');
    const changed = theirs.map((record) => ({
      ...record,
      values: { ...record.values, objection: 'Pilot: the price went up' },
    }));

    expect(await storeRemoteRecords(db, rep, changed, now)).toEqual({ changed: 1, conflicts: 0 });
    expect(await db.objections.get(objectionKey)).toMatchObject({
      objection: 'Pilot: the price went up',
      response: 'A phased rollout',
    });
    expect(await db.plans.get(objectionKey)).toBeUndefined();
  });
});

describe("the rep's own write coming back", () => {
  it('is no conflict when its answer was lost, and the rep’s later edit stays', async () => {
    const callPlan = plan('Pilot');
    await storeRemoteRecords(db, rep, plansFirst(pulled(callPlan)), now);
    // Sent "Pilot, scoped"; the answer was lost; the rep has typed on since.
    await db.plans.update(callPlan.planKey, { goal: 'Pilot, scoped for Q3' });
    await queue('plans', callPlan.planKey, callPlan.planKey, { sent: { goal: 'Pilot, scoped' } });
    const echo = pulled(callPlan, later, { goal: 'Pilot, scoped' }).slice(0, 1);

    expect(await storeRemoteRecords(db, rep, echo, now)).toEqual({ changed: 0, conflicts: 0 });
    expect((await db.plans.get(callPlan.planKey))?.goal).toBe('Pilot, scoped for Q3');
    expect(await db.conflicts.count()).toBe(0);
  });
});
