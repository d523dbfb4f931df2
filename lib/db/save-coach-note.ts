import type { PlanRecord } from '../model/call-plan';
import type { OutboxEntry } from './outbox-entry';
import { planWithObjections } from './plan-with-objections';
import type { PrecallDb } from './precall-db';

export type CoachNoteResult =
  | { kind: 'saved'; plan: PlanRecord }
  | { kind: 'not-found' }
  /** Coaching notes are the manager's: a rep does not coach their own plan. */
  | { kind: 'own-plan' };

/**
 * A manager's coaching note on a rep's plan. Only the note (and the modified time) changes, and
 * one outbox entry for the plan is written in the same transaction, so sync sends just this field
 * and never the rep's plan as the manager's browser last saw it.
 */
export async function saveCoachNote(
  db: PrecallDb,
  planKey: string,
  coachNote: string,
  now: Date,
  userId: string,
): Promise<CoachNoteResult> {
  const at = now.toISOString();
  return db.transaction('rw', db.plans, db.objections, db.outbox, async () => {
    const plan = await planWithObjections(db, planKey);
    if (!plan) return { kind: 'not-found' };
    if (plan.ownerId === userId) return { kind: 'own-plan' };
    if (plan.coachNote === coachNote) return { kind: 'saved', plan };
    await db.plans.update(planKey, { coachNote, updatedAt: at });
    const entry: OutboxEntry = { table: 'plans', key: planKey, op: 'upsert', planKey, at };
    await db.outbox.add(entry);
    return { kind: 'saved', plan: { ...plan, coachNote, updatedAt: at } };
  });
}
