import type { PlanRecord } from '../model/call-plan';
import { type OpportunityPlanSummary, summarizeOpportunity } from '../model/plan-status';
import type { PrecallDb } from './precall-db';

/** The plans of one opportunity with their objections in order. */
export async function plansOfOpportunity(db: PrecallDb, opportunityId: string): Promise<PlanRecord[]> {
  return db.transaction('r', db.plans, db.objections, async () => {
    const plans = await db.plans.where('opportunityId').equals(opportunityId).toArray();
    const keys = plans.map((p) => p.planKey);
    const objections = await db.objections.where('planKey').anyOf(keys).toArray();
    return plans.map((plan) => ({
      ...plan,
      objections: objections
        .filter((o) => o.planKey === plan.planKey)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map(({ planKey: _planKey, ...o }) => o),
    }));
  });
}

/** Status and goals met for many opportunities at once (badges ask for a whole list view). */
export async function summariesOf(
  db: PrecallDb,
  opportunityIds: readonly string[],
  now: Date,
): Promise<Record<string, OpportunityPlanSummary>> {
  const plans = await db.plans
    .where('opportunityId')
    .anyOf([...opportunityIds])
    .toArray();
  const byOpportunity = new Map<string, typeof plans>();
  for (const plan of plans) {
    const list = byOpportunity.get(plan.opportunityId) ?? [];
    list.push(plan);
    byOpportunity.set(plan.opportunityId, list);
  }
  return Object.fromEntries(opportunityIds.map((id) => [id, summarizeOpportunity(byOpportunity.get(id) ?? [], now)]));
}
