import type { PlanRecord } from '../model/call-plan';
import { draftMatchesPlan } from '../model/draft-plan';
import type { PrecallDb } from './precall-db';

/** The rep threw the draft away on purpose (or deleted its plan). */
export async function discardDraft(db: PrecallDb, planKey: string): Promise<boolean> {
  return db.transaction('rw', db.drafts, async () => {
    const existed = (await db.drafts.get(planKey)) !== undefined;
    await db.drafts.delete(planKey);
    return existed;
  });
}

/**
 * Removes the draft of a plan that just saved, unless the draft already holds newer typing (an
 * edit that arrived while the save was on its way): that one stays until it is saved too.
 */
export async function discardDraftIfSaved(db: PrecallDb, saved: PlanRecord): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const draft = await db.drafts.get(saved.planKey);
    if (draft && draftMatchesPlan(draft.plan as PlanRecord, saved)) await db.drafts.delete(saved.planKey);
  });
}
