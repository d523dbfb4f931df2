import { draftPlanSchema, type SavedDraft } from '../model/draft-plan';
import type { PrecallDb } from './precall-db';

/** The drafts of one opportunity, the latest first. */
export async function draftsOfOpportunity(db: PrecallDb, opportunityId: string): Promise<SavedDraft[]> {
  const rows = await db.drafts.where('opportunityId').equals(opportunityId).toArray();
  const drafts: SavedDraft[] = [];
  for (const row of rows) {
    // Rows were parsed before they were written; one a later version cannot read is kept, not shown.
    const plan = draftPlanSchema.safeParse(row.plan);
    if (!plan.success) {
      console.warn(`Precall: draft ${row.planKey} is not readable by this version`, plan.error);
      continue;
    }
    drafts.push({
      planKey: row.planKey,
      opportunityId: row.opportunityId,
      plan: plan.data,
      isNew: row.isNew,
      savedAt: row.savedAt,
    });
  }
  return drafts.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}
