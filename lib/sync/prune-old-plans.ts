import type { PrecallDb } from '../db/precall-db';
import type { SyncStateRow } from '../db/sync-state-row';

const dayMs = 24 * 60 * 60_000;

/** The local database is pruned at most this often. */
export const pruneEveryMs = dayMs;

/** The sync state row that remembers when the database was last pruned (`lastSuccessAt`). */
export const pruneRowName = 'prune';

/** Plans are pruned in batches of this many, one short transaction each (the worker may stop). */
const batchSize = 100;

/** What decides whether one plan may leave this browser. */
export interface PlanKeepFacts {
  /** The plan's call time, ISO-8601. */
  callAt: string;
  /** Salesforce confirmed the plan and every one of its objections (each has a base copy). */
  allConfirmed: boolean;
  /** A change to the plan or one of its objections waits in the outbox. */
  waiting: boolean;
  /** The plan or one of its objections is in conflict. */
  inConflict: boolean;
  /** Salesforce refused a change to the plan or one of its objections. */
  refused: boolean;
  /** The rep has typed something not saved yet. */
  hasDraft: boolean;
}

/**
 * A plan leaves this browser when its call is older than the pull window (Salesforce keeps it;
 * the pull would not bring it here again) and nothing about it is unsynced: confirmed by
 * Salesforce, nothing waiting, no conflict, no refusal, no unsaved draft.
 */
export function isPrunable(plan: PlanKeepFacts, windowStart: Date): boolean {
  const callAt = Date.parse(plan.callAt);
  if (Number.isNaN(callAt) || callAt >= windowStart.getTime()) return false;
  return plan.allConfirmed && !plan.waiting && !plan.inConflict && !plan.refused && !plan.hasDraft;
}

/** The start of the pull window: plans that called before it are no longer pulled. */
export function pullWindowStart(now: Date, windowDays: number): Date {
  return new Date(now.getTime() - windowDays * dayMs);
}

/**
 * Removes the plans `isPrunable` lets go, with their objections, base copies and note reads.
 * Each plan is judged again inside the transaction that removes it, so an edit saved meanwhile
 * (its outbox entry is written with it) keeps the plan. Returns the keys removed.
 */
export async function pruneOldPlans(db: PrecallDb, windowStart: Date): Promise<string[]> {
  // A day's margin on the index: call times written with an offset sort a few hours off.
  const below = new Date(windowStart.getTime() + dayMs).toISOString();
  const candidates = (await db.plans.where('callAt').below(below).primaryKeys()) as string[];
  const pruned: string[] = [];
  for (let start = 0; start < candidates.length; start += batchSize) {
    const batch = candidates.slice(start, start + batchSize);
    await db.transaction(
      'rw',
      [db.plans, db.objections, db.outbox, db.bases, db.conflicts, db.rejections, db.drafts, db.noteReads],
      async () => {
        for (const planKey of batch) {
          if (!isPrunable(await keepFactsOf(db, planKey), windowStart)) continue;
          await db.plans.delete(planKey);
          await db.objections.where('planKey').equals(planKey).delete();
          await db.bases.where('planKey').equals(planKey).delete();
          await db.noteReads.delete(planKey);
          pruned.push(planKey);
        }
      },
    );
  }
  return pruned;
}

async function keepFactsOf(db: PrecallDb, planKey: string): Promise<PlanKeepFacts> {
  const plan = await db.plans.get(planKey);
  if (!plan) {
    return { callAt: '', allConfirmed: false, waiting: false, inConflict: false, refused: false, hasDraft: false };
  }
  const objectionKeys = (await db.objections.where('planKey').equals(planKey).primaryKeys()) as string[];
  const bases = await db.bases.where('planKey').equals(planKey).toArray();
  const confirmed = new Set(bases.map((base) => `${base.table}:${base.key}`));
  return {
    callAt: plan.callAt,
    allConfirmed: confirmed.has(`plans:${planKey}`) && objectionKeys.every((key) => confirmed.has(`objections:${key}`)),
    waiting: (await db.outbox.where('planKey').equals(planKey).count()) > 0,
    inConflict: (await db.conflicts.where('planKey').equals(planKey).count()) > 0,
    refused: (await db.rejections.where('planKey').equals(planKey).count()) > 0,
    hasDraft: (await db.drafts.get(planKey)) !== undefined,
  };
}

/**
 * Prunes when a day has passed since the last pruning (or never pruned); called by a sync run
 * after Salesforce answered, so what is pruned is known to be there. Returns the keys removed,
 * or null when it was not due.
 */
export async function pruneIfDue(db: PrecallDb, now: Date, windowDays: number): Promise<string[] | null> {
  const row = await db.syncState.get(pruneRowName);
  const last = row?.lastSuccessAt ? Date.parse(row.lastSuccessAt) : Number.NEGATIVE_INFINITY;
  if (now.getTime() - last < pruneEveryMs) return null;
  const pruned = await pruneOldPlans(db, pullWindowStart(now, windowDays));
  const done: SyncStateRow = { ...(row ?? { name: pruneRowName }), lastSuccessAt: now.toISOString() };
  await db.syncState.put(done);
  return pruned;
}
