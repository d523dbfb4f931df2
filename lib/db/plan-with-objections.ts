import type { PlanRecord } from '../model/call-plan';
import type { PrecallDb } from './precall-db';

/** One saved plan with its objections in order, or undefined; call inside a transaction. */
export async function planWithObjections(db: PrecallDb, planKey: string): Promise<PlanRecord | undefined> {
  const plan = await db.plans.get(planKey);
  if (!plan) return undefined;
  const objections = await db.objections.where('planKey').equals(planKey).sortBy('sortOrder');
  return { ...plan, objections: objections.map(({ planKey: _planKey, ...objection }) => objection) };
}
