import type { SyncStateRow } from '../db/sync-state-row';
import { scheduledPullIntervalMs } from './backoff';
import type { RunRequest } from './run-sync';

/** A rep counts as working in Salesforce for this long after a page or panel last spoke. */
export const activeForMs = 30 * 60_000;

export interface ScheduleFacts {
  now: Date;
  /** When a Salesforce page or the panel last sent a message for this user. */
  lastActiveAt: string | null;
  run: SyncStateRow | undefined;
  /** The outbox holds something a push would send. */
  hasChanges: boolean;
}

/**
 * What a scheduled tick (chrome.alarms) runs for one user, or null for nothing: no API call
 * without a reason. Changes waiting are pushed (after the pull a push always needs); the rest of
 * Salesforce is pulled only while the rep works in it, every few minutes (less often as the
 * org's API usage climbs). A failed run waits for its retry time; a signed-out one for sign-in.
 */
export function scheduledRun(facts: ScheduleFacts): RunRequest | null {
  const now = facts.now.getTime();
  const run = facts.run;
  if (run?.lastError?.kind === 'signed-out') return null;
  if (run?.nextAttemptAt && Date.parse(run.nextAttemptAt) > now) return null;
  const active = facts.lastActiveAt !== null && now - Date.parse(facts.lastActiveAt) < activeForMs;
  const lastSuccess = run?.lastSuccessAt ? Date.parse(run.lastSuccessAt) : null;
  const pullDue =
    active && (lastSuccess === null || now - lastSuccess >= scheduledPullIntervalMs(run?.apiUsage ?? null));
  const retryDue = run?.lastError !== undefined && run?.lastError !== null && active;
  if (pullDue || retryDue) return { caches: true };
  if (facts.hasChanges) return { caches: false };
  return null;
}
