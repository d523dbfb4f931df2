import type { PrecallDb } from '../db/precall-db';
import type { SyncStateRow } from '../db/sync-state-row';
import { runRowName } from './run-sync';
import type { SyncProgress } from './sync-context';

/**
 * Where sync stands, as a closed union the panel and the toolbar render rather than guess.
 * `retryAt` says when sync tries again by itself.
 */
export type SyncState =
  | { kind: 'never-synced' }
  | { kind: 'syncing'; phase: SyncProgress['phase']; done: number; total: number }
  | { kind: 'in-sync'; at: string }
  | { kind: 'offline'; retryAt: string | null }
  | { kind: 'signed-out'; message: string }
  /** `code` names a failure the panel explains at length (e.g. `objects-not-visible`). */
  | { kind: 'error'; reason: string; retryAt: string | null; code?: string };

export interface SyncStatus {
  state: SyncState;
  /** Plans with changes waiting to go. */
  pending: number;
  /** Plans with a change Salesforce refused. */
  rejected: number;
  /** Plans with a conflict the rep must resolve. */
  conflicts: number;
  /** Plans not in Salesforce as they are here: the toolbar's count. */
  unsynced: number;
  /** The org's daily API usage when last seen. */
  apiUsage: { used: number; limit: number } | null;
}

export async function readSyncStatus(db: PrecallDb, progress: SyncProgress | null): Promise<SyncStatus> {
  return db.transaction('r', [db.outbox, db.conflicts, db.rejections, db.syncState], async () => {
    const conflicted = new Set((await db.conflicts.toArray()).map((c) => c.planKey));
    const refusedRows = await db.rejections.toArray();
    const waitingKeys = new Set<string>();
    await db.outbox.each((entry) => {
      waitingKeys.add(entry.planKey);
    });
    // A refusal counts until the rep changes the record again (a newer entry is sent anew).
    const refused = new Set(refusedRows.map((r) => r.planKey).filter((planKey) => !conflicted.has(planKey)));
    const waiting = [...waitingKeys].filter((planKey) => !conflicted.has(planKey) && !refused.has(planKey));
    const unsynced = new Set([...waitingKeys, ...conflicted, ...refused]);
    const run = await db.syncState.get(runRowName);
    return {
      state: stateOf(run, progress),
      pending: waiting.length,
      rejected: refused.size,
      conflicts: conflicted.size,
      unsynced: unsynced.size,
      apiUsage: run?.apiUsage ?? null,
    };
  });
}

function stateOf(run: SyncStateRow | undefined, progress: SyncProgress | null): SyncState {
  if (progress) return { kind: 'syncing', ...progress };
  const error = run?.lastError;
  if (error) {
    const retryAt = run?.nextAttemptAt ?? null;
    if (error.kind === 'signed-out') return { kind: 'signed-out', message: error.message };
    if (error.kind === 'offline') return { kind: 'offline', retryAt };
    if (error.kind === 'limit') {
      return { kind: 'error', reason: "Your org's daily Salesforce API limit is used up", retryAt };
    }
    if (error.code === 'objects-not-visible') {
      return {
        kind: 'error',
        reason: "Precall's objects are not visible to you in this org",
        retryAt,
        code: error.code,
      };
    }
    return { kind: 'error', reason: error.message, retryAt };
  }
  if (run?.lastSuccessAt) return { kind: 'in-sync', at: run.lastSuccessAt };
  return { kind: 'never-synced' };
}
