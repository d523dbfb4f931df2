import type { PrecallDb } from './precall-db';

/**
 * Removes a plan and everything kept about it and its objections: rows, last synced copies,
 * waiting changes, conflicts and rejections. For a plan gone from Salesforce that the rep has
 * let go. Runs inside the caller's transaction when there is one.
 */
export async function forgetPlan(db: PrecallDb, planKey: string): Promise<void> {
  await db.transaction('rw', [db.plans, db.objections, db.outbox, db.bases, db.conflicts, db.rejections], async () => {
    await db.plans.delete(planKey);
    await db.objections.where('planKey').equals(planKey).delete();
    await db.outbox.where('planKey').equals(planKey).delete();
    await db.bases.where('planKey').equals(planKey).delete();
    await db.conflicts.where('planKey').equals(planKey).delete();
    await db.rejections.where('planKey').equals(planKey).delete();
  });
}

/** The same for one objection. */
export async function forgetObjection(db: PrecallDb, objectionKey: string): Promise<void> {
  await db.transaction('rw', [db.objections, db.outbox, db.bases, db.conflicts, db.rejections], async () => {
    await db.objections.delete(objectionKey);
    await db.outbox.where('[table+key]').equals(['objections', objectionKey]).delete();
    await db.bases.delete(['objections', objectionKey]);
    await db.conflicts.delete(['objections', objectionKey]);
    await db.rejections.delete(['objections', objectionKey]);
  });
}
