import type { BaseCopy } from '../db/base-copy';
import { forgetObjection, forgetPlan } from '../db/forget-plan';
import type { OutboxEntry, SyncedTable } from '../db/outbox-entry';
import type { PrecallDb } from '../db/precall-db';
import type { ConflictField, SyncConflict } from '../db/sync-conflict';
import { syncTables } from '../db/sync-tables';
import { sameValue } from '../salesforce/field-values';
import { callPlanSync } from '../salesforce/map-call-plan';
import { objectionSync } from '../salesforce/map-objection';
import { type RemoteRecord, type SyncedObject, syncedFields } from '../salesforce/map-synced-record';
import { type KnownRecords, readKnownRecords } from './known-records';
import { changedFields, mergeRecord } from './merge-record';
import { writableSet } from './writer-of';

export interface StoreOutcome {
  /** Records whose local copy changed (inserted, updated or removed). */
  changed: number;
  /** Records that now hold a conflict for the rep. */
  conflicts: number;
}

/**
 * Stores pulled records (one query page) in one transaction: each is merged with the local row
 * against its last synced copy (merge-record.ts), deletions in Salesforce remove what the rep
 * has not changed and become conflicts where they have. Plans must be stored before their
 * objections so an objection finds its plan's owner.
 *
 * What the page's records already hold here is read once for the page (known-records.ts).
 * A record new to this client, or pulled again unchanged (the overlap window re-reads the last
 * minutes of every pull), is then stored, or left alone, without a read of its own; the rest
 * (local changes, conflicts, deletions) take the full way, reading the database as it is then.
 */
export async function storeRemoteRecords(
  db: PrecallDb,
  userId: string,
  records: readonly RemoteRecord[],
  now: Date,
): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { changed: 0, conflicts: 0 };
  await db.transaction('rw', syncTables(db), async () => {
    const known = await readKnownRecords(db, records);
    const writes = pageWrites(db);
    // Records (and plans with their objections) the full way wrote: `known` no longer tells.
    const readAgain = new Set<string>();
    for (const remote of records) {
      const id = `${remote.table}\u0000${remote.key}`;
      const quick =
        readAgain.has(id) || readAgain.has(`plans\u0000${remote.planKey}`) ? null : quickResult(known, remote);
      if (quick === 'new') {
        const base = baseCopy(remote, remote.values);
        writes.store(remote.table, remote.values, base);
        known.stored(remote.table, remote.key, remote.values, base);
        outcome.changed += 1;
        continue;
      }
      if (quick === 'unchanged') continue;
      await writes.flush();
      readAgain.add(id);
      const result =
        remote.table === 'plans'
          ? await storePlan(db, userId, remote, now)
          : await storeObjection(db, userId, remote, now);
      if (result === 'changed') outcome.changed += 1;
      if (result === 'conflict') outcome.conflicts += 1;
    }
    await writes.flush();
  });
  return outcome;
}

/**
 * 'new': no local row and nothing waiting or in conflict for it, so Salesforce's copy is the
 * local one. 'unchanged': the same Salesforce version as the last synced copy, which the local
 * row still equals. Anything else (null) needs the full merge.
 */
function quickResult(known: KnownRecords, remote: RemoteRecord): 'new' | 'unchanged' | null {
  const { table, key } = remote;
  if (remote.isDeleted || known.waiting(table, key) || known.hasConflict(table, key)) return null;
  // An objection of a plan deleted here follows its plan (storeObjection).
  if (table === 'objections' && !known.row('plans', remote.planKey) && known.base('plans', remote.planKey)) return null;
  const local = known.row(table, key);
  if (!local) return 'new';
  const base = known.base(table, key);
  const sameVersion =
    base !== undefined && base.salesforceId === remote.salesforceId && base.systemModstamp === remote.systemModstamp;
  const object = table === 'plans' ? callPlanSync : objectionSync;
  return sameVersion && sameRecord(object, local, base.values) ? 'unchanged' : null;
}

/** Rows and last synced copies stored in bulk: one request per table, not one per record. */
function pageWrites(db: PrecallDb) {
  let plans: Record<string, unknown>[] = [];
  let objections: Record<string, unknown>[] = [];
  let bases: BaseCopy[] = [];
  return {
    store(table: SyncedTable, row: Record<string, unknown>, base: BaseCopy) {
      (table === 'plans' ? plans : objections).push(row);
      bases.push(base);
    },
    async flush() {
      if (bases.length === 0) return;
      const writes = [
        db.plans.bulkPut(plans as never),
        db.objections.bulkPut(objections as never),
        db.bases.bulkPut(bases),
      ];
      plans = [];
      objections = [];
      bases = [];
      await Promise.all(writes);
    },
  };
}

type RecordResult = 'unchanged' | 'changed' | 'conflict';

async function storePlan(db: PrecallDb, userId: string, remote: RemoteRecord, now: Date): Promise<RecordResult> {
  const key = remote.key;
  const local = await db.plans.get(key);
  const base = await db.bases.get(['plans', key]);
  const entries = await entriesOf(db, 'plans', key);
  const planHasChanges = (await db.outbox.where('planKey').equals(key).count()) > 0;

  if (remote.isDeleted) {
    // Only the deletion of the record this client synced counts: one known already, or of a
    // record the rep chose to create again, is past.
    if (!base || base.salesforceId !== remote.salesforceId) return 'unchanged';
    if (!local || !planHasChanges) {
      // Deleted on both sides, or deleted there and untouched here: nothing left to keep.
      await forgetPlan(db, key);
      return local ? 'changed' : 'unchanged';
    }
    await putConflict(db, remote, [], now, { remoteDeleted: true });
    return 'conflict';
  }
  return storeLive(db, callPlanSync, remote, { local, base, entries, userId, ownerId: local?.ownerId, now });
}

async function storeObjection(db: PrecallDb, userId: string, remote: RemoteRecord, now: Date): Promise<RecordResult> {
  const key = remote.key;
  const local = await db.objections.get(key);
  const base = await db.bases.get(['objections', key]);
  const entries = await entriesOf(db, 'objections', key);
  const plan = await db.plans.get(remote.planKey);
  const planConflict = await db.conflicts.get(['plans', remote.planKey]);

  // The plan was deleted here and waits to be deleted in Salesforce (or for the rep to choose):
  // its objections follow the plan; only their last synced copy is kept up to date for a restore.
  if (!plan && (await db.bases.get(['plans', remote.planKey])) && !remote.isDeleted) {
    await putBase(db, remote, base?.values ? { ...base.values, ...remote.values } : remote.values);
    return 'unchanged';
  }

  if (remote.isDeleted) {
    if (!base || base.salesforceId !== remote.salesforceId) return 'unchanged';
    if (planConflict?.remoteDeleted && local) {
      // Kept for the rep's choice on the plan: restoring it re-creates this objection too.
      await db.bases.delete(['objections', key]);
      return 'unchanged';
    }
    if (!local || entries.length === 0) {
      await forgetObjection(db, key);
      return local ? 'changed' : 'unchanged';
    }
    await putConflict(db, remote, [], now, { remoteDeleted: true });
    return 'conflict';
  }
  return storeLive(db, objectionSync, remote, { local, base, entries, userId, ownerId: plan?.ownerId, now });
}

interface LiveContext {
  local: Record<string, unknown> | undefined;
  base: BaseCopy | undefined;
  entries: OutboxEntry[];
  userId: string;
  ownerId: string | undefined;
  now: Date;
}

async function storeLive(
  db: PrecallDb,
  object: SyncedObject,
  remote: RemoteRecord,
  context: LiveContext,
): Promise<RecordResult> {
  const { local, base, entries } = context;
  const fields = syncedFields(object);
  const table = object.table === 'plans' ? db.plans : db.objections;

  if (!local) {
    if (entries.length === 0) {
      // New to this client (or never changed here): Salesforce's copy is the local one.
      await table.put(remote.values as never);
      await putBase(db, remote, remote.values);
      await db.conflicts.delete([object.table, remote.key]);
      return 'changed';
    }
    // Deleted here, waiting to be deleted there. Changed there since? The rep decides.
    const changedThere = base ? changedFields(fields, remote.values, base.values) : [];
    await putBase(db, remote, base ? base.values : remote.values);
    if (changedThere.length === 0) return 'unchanged';
    const conflictFields = changedThere.map((mapping) => ({
      field: mapping.local,
      base: base?.values[mapping.local] ?? null,
      local: null,
      remote: remote.values[mapping.local],
    }));
    await putConflict(db, remote, conflictFields, context.now, { localDeleted: true });
    return 'conflict';
  }

  const sent = entries.flatMap((entry) => (entry.sent ? [entry.sent] : []));
  const merged = mergeRecord({
    fields,
    writable: writableSet(object, context.userId, context.ownerId ?? (remote.values.ownerId as string | undefined)),
    base: base?.values ?? null,
    local,
    remote: remote.values,
    sent,
  });
  const keepLocalStamp = merged.localChanges.length > 0 || merged.conflicts.length > 0;
  const next: Record<string, unknown> = { ...local, ...remote.values, ...merged.values };
  if (object.table === 'plans' && keepLocalStamp) next.updatedAt = local.updatedAt;
  const changed = !sameRecord(object, local, next);
  if (changed) await table.put(next as never);
  await putBase(db, remote, { ...remote.values, ...merged.base });

  if (merged.conflicts.length > 0) {
    await putConflict(db, remote, merged.conflicts, context.now, {});
    return 'conflict';
  }
  await db.conflicts.delete([object.table, remote.key]);
  if (merged.localChanges.length > 0 && entries.length === 0) {
    // A local value Salesforce does not have, with nothing queued to send it (a choice made in
    // a conflict, say): queue it, so it is never left behind.
    await db.outbox.add({
      table: object.table,
      key: remote.key,
      op: 'upsert',
      planKey: remote.planKey,
      at: context.now.toISOString(),
    });
  }
  return changed ? 'changed' : 'unchanged';
}

async function entriesOf(db: PrecallDb, table: SyncedTable, key: string): Promise<OutboxEntry[]> {
  return db.outbox.where('[table+key]').equals([table, key]).toArray();
}

async function putBase(db: PrecallDb, remote: RemoteRecord, values: Record<string, unknown>): Promise<void> {
  await db.bases.put(baseCopy(remote, values));
}

function baseCopy(remote: RemoteRecord, values: Record<string, unknown>): BaseCopy {
  return {
    table: remote.table,
    key: remote.key,
    planKey: remote.planKey,
    salesforceId: remote.salesforceId,
    systemModstamp: remote.systemModstamp,
    values,
  };
}

async function putConflict(
  db: PrecallDb,
  remote: RemoteRecord,
  fields: ConflictField[],
  now: Date,
  kind: { remoteDeleted?: boolean; localDeleted?: boolean },
): Promise<void> {
  const conflict: SyncConflict = {
    table: remote.table,
    key: remote.key,
    planKey: remote.planKey,
    fields,
    remoteDeleted: kind.remoteDeleted === true,
    remoteModstamp: remote.systemModstamp,
    detectedAt: now.toISOString(),
  };
  if (kind.localDeleted) conflict.localDeleted = true;
  await db.conflicts.put(conflict);
  // A conflict supersedes an earlier refusal: the rep decides first, then the record goes again.
  await db.rejections.delete([remote.table, remote.key]);
}

/** Same stored row: identical values, or the same instant written another way. */
function sameRecord(object: SyncedObject, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return object.fields.every(
    (mapping) =>
      a[mapping.local] === b[mapping.local] ||
      (mapping.kind === 'datetime' && sameValue('datetime', a[mapping.local], b[mapping.local])),
  );
}
