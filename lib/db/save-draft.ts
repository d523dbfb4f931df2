import { type DraftPlan, draftMatchesPlan } from '../model/draft-plan';
import { planWithObjections } from './plan-with-objections';
import type { PrecallDb } from './precall-db';

/**
 * Keeps what the rep typed for one plan, valid or not, so it survives navigation, reload, a
 * closed panel and a crash. A draft that says nothing the saved plan does not is removed instead
 * of kept, so the panel can send every edit without checking whether its save already landed.
 */
export type DraftSaveResult = { kind: 'kept' | 'dropped'; savedAt: string } | { kind: 'other-opportunity' };

export async function saveDraft(db: PrecallDb, plan: DraftPlan, now: Date): Promise<DraftSaveResult> {
  const savedAt = now.toISOString();
  return db.transaction('rw', db.plans, db.objections, db.drafts, async () => {
    const saved = await planWithObjections(db, plan.planKey);
    if (saved && saved.opportunityId !== plan.opportunityId) return { kind: 'other-opportunity' };
    if (saved && draftMatchesPlan(plan, saved)) {
      await db.drafts.delete(plan.planKey);
      return { kind: 'dropped', savedAt };
    }
    await db.drafts.put({ planKey: plan.planKey, opportunityId: plan.opportunityId, plan, isNew: !saved, savedAt });
    return { kind: 'kept', savedAt };
  });
}
