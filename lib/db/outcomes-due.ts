import { outcomeGraceMs } from '../model/plan-status';
import type { PrecallDb } from './precall-db';

/** The rep's own plans whose call was more than 2 hours ago and whose outcome is not logged. */
export async function outcomesDue(db: PrecallDb, userId: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - outcomeGraceMs).toISOString();
  const overdue = await db.plans.where('callAt').below(before).toArray();
  return overdue.filter((plan) => plan.ownerId === userId && plan.outcome === null).length;
}
