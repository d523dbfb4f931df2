import type { PrecallDb } from './precall-db';

/**
 * Coaching notes a rep has not read yet on an opportunity: their own plans whose note differs
 * from the one last marked read (a manager who rewrites a note makes it new again).
 */
export async function unreadNotes(db: PrecallDb, opportunityId: string, userId: string): Promise<string[]> {
  return db.transaction('r', db.plans, db.noteReads, async () => {
    const plans = await db.plans.where('opportunityId').equals(opportunityId).toArray();
    const noted = plans.filter((plan) => plan.ownerId === userId && plan.coachNote.trim() !== '');
    const reads = await db.noteReads.bulkGet(noted.map((plan) => plan.planKey));
    return noted.filter((plan, index) => reads[index]?.note !== plan.coachNote).map((plan) => plan.planKey);
  });
}

/**
 * The rep read this note. Only the note the plan holds now is marked, so a newer note that
 * arrived meanwhile stays new.
 */
export async function markNoteRead(db: PrecallDb, planKey: string, note: string, now: Date): Promise<boolean> {
  return db.transaction('rw', db.plans, db.noteReads, async () => {
    const plan = await db.plans.get(planKey);
    if (!plan || plan.coachNote !== note || note.trim() === '') return false;
    await db.noteReads.put({ planKey, note, readAt: now.toISOString() });
    return true;
  });
}
