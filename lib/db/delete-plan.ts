import type { PrecallDb } from './precall-db';

/** Deletes a plan and its objections; the outbox learns both so Salesforce loses them too. */
export async function deletePlan(db: PrecallDb, planKey: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction('rw', db.plans, db.objections, db.outbox, async () => {
    const plan = await db.plans.get(planKey);
    if (!plan) return false;
    const objectionKeys = (await db.objections.where('planKey').equals(planKey).primaryKeys()) as string[];
    await db.objections.bulkDelete(objectionKeys);
    await db.plans.delete(planKey);
    // Deleting the master deletes its details in Salesforce; the detail entries keep the outbox
    // honest if the plan never reached Salesforce and only objections did.
    await db.outbox.bulkAdd([
      ...objectionKeys.map((key) => ({ table: 'objections' as const, key, op: 'delete' as const, planKey, at })),
      { table: 'plans', key: planKey, op: 'delete', planKey, at },
    ]);
    return true;
  });
}
