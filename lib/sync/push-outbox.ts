import type { BaseCopy } from '../db/base-copy';
import type { PendingRecord } from '../db/pending-records';
import { pendingRecords } from '../db/pending-records';
import type { PrecallDb } from '../db/precall-db';
import { syncTables } from '../db/sync-tables';
import { callPlanSync } from '../salesforce/map-call-plan';
import { objectionSync } from '../salesforce/map-objection';
import { type SyncedObject, upsertRecordOf, writableFields } from '../salesforce/map-synced-record';
import type { FieldMapping } from '../salesforce/plan-fields';
import { classifyRecordErrors, type RecordVerdict } from './classify-result';
import { changedFields } from './merge-record';
import { pullQuery } from './pull-query';
import type { SaveResult } from './salesforce-client';
import { chunks } from './soql';
import type { SyncContext } from './sync-context';
import { SyncFailure } from './sync-failure';
import { writerOf } from './writer-of';

/** sObject Collections take at most 200 records a request. */
export const maxRecordsPerRequest = 200;

export interface PushReport {
  /** Records Salesforce confirmed (saved, deleted, or nothing left to send). */
  acknowledged: number;
  rejected: number;
  /** Records kept for the next run (rolled back, locked, parent not confirmed yet). */
  waiting: number;
  requests: number;
}

interface Upsert {
  pending: PendingRecord;
  object: SyncedObject;
  insert: boolean;
  fields: FieldMapping[];
  local: Record<string, unknown>;
}

interface Delete {
  pending: PendingRecord;
  salesforceId: string;
}

/**
 * Sends the outbox to Salesforce. Each changed record goes once, as it is now: upserted on its
 * External ID (all the fields this user may write when Salesforce never confirmed it, else only
 * those that differ from the last synced copy), or deleted by its Salesforce id. Plans go before
 * their objections, ≤ 200 records a request, allOrNone false. Every answer is handled per record:
 * confirmed ones leave the outbox (exactly the entries sent) with the new synced copy in the same
 * transaction; rejected ones stay with Salesforce's reason for the rep; the rest wait for the
 * next run. Records in conflict, and rejected ones the rep has not changed since, are not sent.
 */
export async function pushOutbox(ctx: SyncContext): Promise<PushReport> {
  const report: PushReport = { acknowledged: 0, rejected: 0, waiting: 0, requests: 0 };
  const { db } = ctx;
  const pending = await sendable(db);
  if (pending.length === 0) return report;

  const plan = await planPush(ctx, pending);
  await findUnanswered(ctx, plan, report);
  const total = plan.settled.length + plan.plans.length + plan.objections.length + plan.deletes.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    ctx.progress({ phase: 'push', done, total });
  };

  if (plan.settled.length > 0) {
    await acknowledgeSettled(db, plan.settled);
    report.acknowledged += plan.settled.length;
    step(plan.settled.length);
  }

  for (const batch of chunks(plan.plans, maxRecordsPerRequest)) {
    ctx.checkpoint('push plans');
    await sendUpserts(ctx, callPlanSync, batch, report);
    step(batch.length);
  }

  // An objection is inserted through its plan's External ID: only once Salesforce has the plan.
  const confirmedPlans = new Set(
    (await db.bases.bulkGet(plan.objections.map((u) => ['plans', u.pending.planKey] as ['plans', string])))
      .filter((base): base is BaseCopy => base !== undefined)
      .map((base) => base.key),
  );
  const readyObjections = plan.objections.filter((u) => !u.insert || confirmedPlans.has(u.pending.planKey));
  report.waiting += plan.objections.length - readyObjections.length;
  for (const batch of chunks(readyObjections, maxRecordsPerRequest)) {
    ctx.checkpoint('push objections');
    await sendUpserts(ctx, objectionSync, batch, report);
    step(batch.length);
  }

  for (const batch of chunks(plan.deletes, maxRecordsPerRequest)) {
    ctx.checkpoint('push deletes');
    const results = await ctx.salesforce.destroy(batch.map((d) => d.salesforceId));
    report.requests += 1;
    checkCount(results, batch.length);
    await db.transaction('rw', syncTables(db), async () => {
      for (const [index, del] of batch.entries()) {
        const result = results[index] as SaveResult;
        const verdict: RecordVerdict = result.success
          ? { kind: 'gone' }
          : classifyRecordErrors(result.errors, 'delete');
        if (verdict.kind === 'gone') {
          await acknowledgeDelete(db, del.pending);
          report.acknowledged += 1;
        } else if (verdict.kind === 'rejected') {
          await reject(db, del.pending, verdict, ctx.now());
          report.rejected += 1;
        } else report.waiting += 1;
      }
    });
    step(batch.length);
  }
  return report;
}

/** Whether a push has anything to send (a scheduled run makes no call otherwise). */
export async function hasSendable(db: PrecallDb): Promise<boolean> {
  if ((await db.outbox.count()) === 0) return false;
  return (await sendable(db)).length > 0;
}

/** Changed records, less those in conflict and those refused that the rep has not touched since. */
async function sendable(db: PrecallDb): Promise<PendingRecord[]> {
  const pending = await pendingRecords(db);
  const conflicts = new Set((await db.conflicts.toArray()).map((c) => `${c.table}:${c.key}`));
  const refused = new Map((await db.rejections.toArray()).map((r) => [`${r.table}:${r.key}`, r.seq]));
  return pending.filter((record) => {
    const id = `${record.table}:${record.key}`;
    if (conflicts.has(id)) return false;
    const refusedAt = refused.get(id);
    return refusedAt === undefined || record.maxSeq > refusedAt;
  });
}

interface PushPlan {
  /** Nothing to send: never reached Salesforce and deleted since, or no field differs any more. */
  settled: { pending: PendingRecord }[];
  plans: Upsert[];
  objections: Upsert[];
  deletes: Delete[];
  /** Deleted here before any answer confirmed them: does Salesforce have them? */
  unanswered: PendingRecord[];
}

async function planPush(ctx: SyncContext, pending: readonly PendingRecord[]): Promise<PushPlan> {
  const { db } = ctx;
  const result: PushPlan = { settled: [], plans: [], objections: [], deletes: [], unanswered: [] };
  await db.transaction('r', [db.plans, db.objections, db.bases], async () => {
    const deletedPlans = new Set<string>();
    for (const record of pending) {
      const object = record.table === 'plans' ? callPlanSync : objectionSync;
      const local = (await (record.table === 'plans' ? db.plans : db.objections).get(record.key)) as
        | Record<string, unknown>
        | undefined;
      const base = await db.bases.get([record.table, record.key]);
      if (!local) {
        if (!base && record.sentUnanswered) result.unanswered.push(record);
        else if (!base) result.settled.push({ pending: record });
        else if (record.table === 'plans') {
          deletedPlans.add(record.key);
          result.deletes.push({ pending: record, salesforceId: base.salesforceId });
        } else result.deletes.push({ pending: record, salesforceId: base.salesforceId });
        continue;
      }
      const ownerId =
        record.table === 'plans'
          ? (local.ownerId as string | undefined)
          : ((await db.plans.get(record.planKey))?.ownerId ?? undefined);
      const allowed = writableFields(object, writerOf(ctx.session.userId, ownerId));
      const fields = base ? changedFields(allowed, local, base.values) : allowed;
      if (fields.length === 0) {
        result.settled.push({ pending: record });
        continue;
      }
      const upsert: Upsert = { pending: record, object, insert: !base, fields, local };
      (record.table === 'plans' ? result.plans : result.objections).push(upsert);
    }
    // Deleting a plan deletes its objections in Salesforce: their own deletes are not sent.
    result.deletes = result.deletes.filter((d) => d.pending.table === 'plans' || !deletedPlans.has(d.pending.planKey));
  });
  return result;
}

async function sendUpserts(ctx: SyncContext, object: SyncedObject, batch: readonly Upsert[], report: PushReport) {
  const { db } = ctx;
  const sent = batch.map((u) => Object.fromEntries(u.fields.map((f) => [f.local, u.local[f.local]])));
  // Remember what goes out before it goes: if the answer is lost, the next pull knows its own write.
  await db.transaction('rw', db.outbox, async () => {
    for (const [index, upsert] of batch.entries()) {
      await db.outbox.update(upsert.pending.maxSeq, { sent: sent[index] });
    }
  });
  const records = batch.map((u) => upsertRecordOf(object, u.pending.key, u.local, u.fields, u.insert));
  const results = await ctx.salesforce.upsert(object.sobject, object.externalIdField, records);
  report.requests += 1;
  checkCount(results, batch.length);
  await db.transaction('rw', syncTables(db), async () => {
    for (const [index, upsert] of batch.entries()) {
      const result = results[index] as SaveResult;
      if (result.success && result.id) {
        await acknowledgeUpsert(db, upsert, sent[index] ?? {}, result.id);
        report.acknowledged += 1;
        continue;
      }
      const verdict = classifyRecordErrors(result.errors, 'upsert');
      if (verdict.kind === 'rejected') {
        await reject(db, upsert.pending, verdict, ctx.now());
        report.rejected += 1;
      } else report.waiting += 1;
    }
  });
}

/** Removes exactly the entries a push covered; a newer edit keeps its own entry. */
async function removeCovered(db: PrecallDb, pending: PendingRecord): Promise<void> {
  await db.outbox
    .where('[table+key]')
    .equals([pending.table, pending.key])
    .filter((entry) => (entry.seq ?? 0) <= pending.maxSeq)
    .delete();
}

async function acknowledgeUpsert(db: PrecallDb, upsert: Upsert, sent: Record<string, unknown>, salesforceId: string) {
  const { pending } = upsert;
  await removeCovered(db, pending);
  const base = await db.bases.get([pending.table, pending.key]);
  // A record Salesforce just created holds what was sent and, for fields not sent, what it had here.
  const values = { ...(base?.values ?? everyField(upsert)), ...sent };
  await db.bases.put({
    table: pending.table,
    key: pending.key,
    planKey: pending.planKey,
    salesforceId,
    systemModstamp: base?.systemModstamp ?? '',
    values,
  });
  await db.rejections.delete([pending.table, pending.key]);
}

function everyField(upsert: Upsert): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const mapping of upsert.object.fields) values[mapping.local] = upsert.local[mapping.local];
  return values;
}

/**
 * A record created here, sent, and deleted here before Salesforce's answer arrived may exist
 * there with no id known here. Asked for by External ID (one query per 200 keys): found, it is
 * deleted like any other; not found, nothing was created.
 */
async function findUnanswered(ctx: SyncContext, plan: PushPlan, report: PushReport): Promise<void> {
  for (const object of [callPlanSync, objectionSync]) {
    const records = plan.unanswered.filter((record) => record.table === object.table);
    for (const batch of chunks(records, maxRecordsPerRequest)) {
      const keys = batch.map((record) => record.key).filter((key) => uuidPattern.test(key));
      const found = new Map<string, string>();
      if (keys.length > 0) {
        const soql = `SELECT Id, ${object.externalIdField} FROM ${object.sobject} WHERE ${object.externalIdField} IN (${keys.map((k) => `'${k}'`).join(', ')})`;
        await pullQuery(ctx, soql, { all: false }, async (rows) => {
          for (const row of rows as Record<string, unknown>[]) {
            found.set(String(row[object.externalIdField]).toLowerCase(), String(row.Id));
          }
        });
        report.requests += 1;
      }
      for (const record of batch) {
        const id = found.get(record.key.toLowerCase());
        if (id) plan.deletes.push({ pending: record, salesforceId: id });
        else plan.settled.push({ pending: record });
      }
    }
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function acknowledgeDelete(db: PrecallDb, pending: PendingRecord): Promise<void> {
  await removeCovered(db, pending);
  await db.bases.delete([pending.table, pending.key]);
  await db.rejections.delete([pending.table, pending.key]);
  if (pending.table !== 'plans') return;
  // Its objections went with it in Salesforce.
  const objections = (await db.bases.where('planKey').equals(pending.key).toArray()).filter(
    (base) => base.table === 'objections',
  );
  for (const base of objections) {
    if (await db.objections.get(base.key)) continue;
    await db.outbox.where('[table+key]').equals(['objections', base.key]).delete();
    await db.bases.delete(['objections', base.key]);
    await db.rejections.delete(['objections', base.key]);
  }
}

async function acknowledgeSettled(db: PrecallDb, settled: PushPlan['settled']): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    for (const { pending } of settled) {
      await removeCovered(db, pending);
      await db.rejections.delete([pending.table, pending.key]);
    }
  });
}

async function reject(
  db: PrecallDb,
  pending: PendingRecord,
  verdict: Extract<RecordVerdict, { kind: 'rejected' }>,
  now: Date,
): Promise<void> {
  await db.rejections.put({
    table: pending.table,
    key: pending.key,
    planKey: pending.planKey,
    seq: pending.maxSeq,
    code: verdict.code,
    message: verdict.message,
    fields: verdict.fields,
    at: now.toISOString(),
  });
}

function checkCount(results: readonly SaveResult[], expected: number): void {
  if (results.length !== expected) {
    throw new SyncFailure(
      'error',
      'MALFORMED_RESPONSE',
      `Salesforce answered ${results.length} results for ${expected} records`,
    );
  }
}
