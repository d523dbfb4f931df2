import type { PrecallDb } from './precall-db';

/** The rep who owns a saved plan, or undefined for a plan not saved yet. */
export async function ownerOfPlan(db: PrecallDb, planKey: string): Promise<string | undefined> {
  return (await db.plans.get(planKey))?.ownerId;
}
