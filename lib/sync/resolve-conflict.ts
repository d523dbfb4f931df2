import { forgetObjection, forgetPlan } from '../db/forget-plan';
import type { SyncedTable } from '../db/outbox-entry';
import type { PrecallDb } from '../db/precall-db';
import { objectionFromBase, planFromBase } from '../db/rows-from-base';
import { syncTables } from '../db/sync-tables';
import { callPlanSync } from '../salesforce/map-call-plan';
import { objectionSync } from '../salesforce/map-objection';
import { syncedFields } from '../salesforce/map-synced-record';
import { changedFields } from './merge-record';
import { writableSet } from './writer-of';

/**
 * The rep's choice on a conflict. For fields changed on both sides: per field, keep this
 * browser's value (`local`) or take Salesforce's (`remote`). For a record deleted on one side and
 * changed on the other: `restore` keeps the record (this browser's version when Salesforce
 * deleted it, Salesforce's when it was deleted here), `delete` lets it go.
 */
export type ConflictResolution =
  | { kind: 'fields'; choices: Record<string, 'local' | 'remote'> }
  | { kind: 'restore' }
  | { kind: 'delete' };

export class ResolutionError extends Error {
  override name = 'ResolutionError';
}

export async function resolveConflict(
  db: PrecallDb,
  userId: string,
  target: { table: SyncedTable; key: string },
  resolution: ConflictResolution,
  now: Date,
): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const conflict = await db.conflicts.get([target.table, target.key]);
    if (!conflict) throw new ResolutionError('This conflict was already resolved');
    const at = now.toISOString();
    const queue = (table: SyncedTable, key: string) =>
      db.outbox.add({ table, key, op: 'upsert', planKey: conflict.planKey, at });

    if (conflict.remoteDeleted) {
      if (resolution.kind === 'fields') throw new ResolutionError('Choose to restore or to accept the deletion');
      if (resolution.kind === 'delete') {
        if (target.table === 'plans') await forgetPlan(db, target.key);
        else await forgetObjection(db, target.key);
        return;
      }
      // Restore: Salesforce has it no more, so it is created again, with its objections.
      await db.bases.delete([target.table, target.key]);
      await queue(target.table, target.key);
      if (target.table === 'plans') {
        for (const objection of await db.objections.where('planKey').equals(target.key).toArray()) {
          await db.bases.delete(['objections', objection.objectionKey]);
          await db.conflicts.delete(['objections', objection.objectionKey]);
          await queue('objections', objection.objectionKey);
        }
      }
      await db.conflicts.delete([target.table, target.key]);
      return;
    }

    const base = await db.bases.get([target.table, target.key]);
    const theirs = Object.fromEntries(conflict.fields.map((f) => [f.field, f.remote]));
    if (conflict.localDeleted) {
      if (resolution.kind === 'fields') throw new ResolutionError('Choose to keep the record or to delete it');
      if (!base) throw new ResolutionError('Nothing is known of this record in Salesforce');
      const seen = { ...base.values, ...theirs };
      await db.bases.put({ ...base, values: seen });
      await db.conflicts.delete([target.table, target.key]);
      if (resolution.kind === 'delete') return;
      // Keep it: Salesforce's version comes back here, and the delete waiting to go is dropped.
      if (target.table === 'plans') {
        await db.plans.put(planFromBase(seen, target.key));
        const objections = (await db.bases.where('planKey').equals(target.key).toArray()).filter(
          (b) => b.table === 'objections',
        );
        for (const objection of objections) {
          await db.objections.put(objectionFromBase(objection.values, objection.key, target.key));
        }
        await db.outbox.where('planKey').equals(target.key).delete();
      } else {
        await db.objections.put(objectionFromBase(seen, target.key, conflict.planKey));
        await db.outbox.where('[table+key]').equals([target.table, target.key]).delete();
      }
      return;
    }

    if (resolution.kind !== 'fields') throw new ResolutionError('Choose a value for each field');
    const table = target.table === 'plans' ? db.plans : db.objections;
    const local = (await table.get(target.key)) as Record<string, unknown> | undefined;
    if (!local) throw new ResolutionError('This record is no longer here');
    const next = { ...local };
    for (const field of conflict.fields) {
      const choice = resolution.choices[field.field];
      if (choice !== 'local' && choice !== 'remote') throw new ResolutionError(`Choose a value for ${field.field}`);
      next[field.field] = choice === 'remote' ? field.remote : field.local;
    }
    // The rep has seen Salesforce's values: they are the ancestor now, and a kept local value
    // is a change to send.
    const seen = { ...(base?.values ?? {}), ...theirs };
    if (base) await db.bases.put({ ...base, values: seen });
    await table.put(next as never);
    await db.conflicts.delete([target.table, target.key]);
    const object = target.table === 'plans' ? callPlanSync : objectionSync;
    const ownerId =
      target.table === 'plans' ? (next.ownerId as string | undefined) : (await db.plans.get(conflict.planKey))?.ownerId;
    const writable = writableSet(object, userId, ownerId);
    const fields = syncedFields(object).filter((mapping) => writable.has(mapping.local));
    const toSend = changedFields(fields, next, base ? seen : null);
    const queued = await db.outbox.where('[table+key]').equals([target.table, target.key]).count();
    if (toSend.length > 0 && queued === 0) await queue(target.table, target.key);
  });
}
