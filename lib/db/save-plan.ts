import type { CallPlan, PlanRecord, StoredCallPlan } from '../model/call-plan';
import type { OutboxEntry } from './outbox-entry';
import type { PrecallDb } from './precall-db';
import type { StoredObjection } from './stored-objection';

/**
 * Saves a plan with its objections and records every changed row in the outbox, all in one
 * transaction. Unchanged rows write nothing, so an autosave of the goal does not queue the
 * plan's objections again.
 */
export async function savePlan(db: PrecallDb, plan: CallPlan, now: Date, ownerId: string): Promise<PlanRecord> {
  const at = now.toISOString();
  return db.transaction('rw', db.plans, db.objections, db.outbox, async () => {
    const existing = await db.plans.get(plan.planKey);
    const { objections, ...fields } = plan;
    // The owner and first-written time are the background's, never the sender's.
    const candidate: StoredCallPlan = {
      ...fields,
      createdAt: existing?.createdAt ?? plan.createdAt,
      ownerId: existing?.ownerId ?? ownerId,
    };
    const changes: OutboxEntry[] = [];
    if (!existing || !sameRow({ ...existing, updatedAt: '' }, { ...candidate, updatedAt: '' })) {
      changes.push({ table: 'plans', key: plan.planKey, op: 'upsert', planKey: plan.planKey, at });
    }

    const previous = await db.objections.where('planKey').equals(plan.planKey).toArray();
    const before = new Map(previous.map((o) => [o.objectionKey, o]));
    const after: StoredObjection[] = objections.map((o, index) => ({ ...o, sortOrder: index, planKey: plan.planKey }));
    const changedObjections = after.filter((objection) => {
      const old = before.get(objection.objectionKey);
      before.delete(objection.objectionKey);
      return !old || !sameRow(old, objection);
    });
    const removed = [...before.keys()];
    for (const objection of changedObjections) {
      changes.push({ table: 'objections', key: objection.objectionKey, op: 'upsert', planKey: plan.planKey, at });
    }
    for (const key of removed) changes.push({ table: 'objections', key, op: 'delete', planKey: plan.planKey, at });

    // The rep sees one plan: it was modified when any of its rows was.
    const stored: StoredCallPlan = { ...candidate, updatedAt: changes.length > 0 ? at : (existing?.updatedAt ?? at) };
    if (changes.length > 0) {
      await db.plans.put(stored);
      await db.objections.bulkPut(changedObjections);
      await db.objections.bulkDelete(removed);
      await db.outbox.bulkAdd(changes);
    }
    return { ...stored, objections: after.map(({ planKey: _planKey, ...o }) => o) };
  });
}

function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (left[key] !== right[key]) return false;
  return true;
}
