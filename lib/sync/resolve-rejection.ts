import { forgetObjection, forgetPlan } from '../db/forget-plan';
import type { SyncedTable } from '../db/outbox-entry';
import type { PrecallDb } from '../db/precall-db';
import { objectionFromBase, planFromBase } from '../db/rows-from-base';
import { syncTables } from '../db/sync-tables';
import { callPlanSync } from '../salesforce/map-call-plan';
import { objectionSync } from '../salesforce/map-objection';
import { syncedFields } from '../salesforce/map-synced-record';
import { ResolutionError } from './resolve-conflict';

/**
 * What the rep does about a change Salesforce refused: `retry` sends it again as it is (an
 * admin fixed the rule, say); `discard` drops the change and takes back Salesforce's version
 * (a record Salesforce never had is removed; a refused delete brings the record back).
 */
export type RejectionAction = 'retry' | 'discard';

export async function resolveRejection(
  db: PrecallDb,
  target: { table: SyncedTable; key: string },
  action: RejectionAction,
  now: Date,
): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const rejection = await db.rejections.get([target.table, target.key]);
    if (!rejection) throw new ResolutionError('This change is no longer refused');
    await db.rejections.delete([target.table, target.key]);
    const entries = db.outbox.where('[table+key]').equals([target.table, target.key]);
    if (action === 'retry') {
      if ((await entries.count()) === 0) {
        await db.outbox.add({
          table: target.table,
          key: target.key,
          op: 'upsert',
          planKey: rejection.planKey,
          at: now.toISOString(),
        });
      }
      return;
    }
    const table = target.table === 'plans' ? db.plans : db.objections;
    const local = (await table.get(target.key)) as Record<string, unknown> | undefined;
    const base = await db.bases.get([target.table, target.key]);
    if (!base) {
      // Salesforce never had it: discarding the change is discarding the record.
      if (target.table === 'plans') await forgetPlan(db, target.key);
      else await forgetObjection(db, target.key);
      return;
    }
    if (local) {
      const object = target.table === 'plans' ? callPlanSync : objectionSync;
      const reverted = { ...local };
      for (const mapping of syncedFields(object)) reverted[mapping.local] = base.values[mapping.local];
      await table.put(reverted as never);
      await entries.delete();
      return;
    }
    // A refused delete: the record comes back as Salesforce has it.
    if (target.table === 'plans') {
      await db.plans.put(planFromBase(base.values, target.key));
      for (const objection of (await db.bases.where('planKey').equals(target.key).toArray()).filter(
        (b) => b.table === 'objections',
      )) {
        await db.objections.put(objectionFromBase(objection.values, objection.key, target.key));
      }
      await db.outbox.where('planKey').equals(target.key).delete();
      await db.rejections.where('planKey').equals(target.key).delete();
    } else {
      await db.objections.put(objectionFromBase(base.values, target.key, rejection.planKey));
      await entries.delete();
    }
  });
}
