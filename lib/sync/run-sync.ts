import type { PrecallDb } from '../db/precall-db';
import type { SyncStateRow } from '../db/sync-state-row';
import type { Session } from '../messaging/protocol';
import type { SalesforceAccess } from '../salesforce/salesforce-access';
import { type ApiUsage, retryDelayMs } from './backoff';
import { refreshOrgStages } from './org-stages';
import { pruneIfDue } from './prune-old-plans';
import {
  meetingPull,
  objectionPull,
  opportunityPull,
  planPull,
  pullChanges,
  pullChangesTogether,
  userPull,
} from './pull-changes';
import { playbookPulls } from './pull-playbook';
import { type PushReport, pushOutbox } from './push-outbox';
import { pushPlaybook } from './push-playbook';
import { reconcileIfDue } from './reconcile-ids';
import { createSalesforceClient, type SalesforceClient } from './salesforce-client';
import { syncLockName, withSyncLock } from './single-flight';
import { defaultSyncOptions, type SyncContext, type SyncOptions, type SyncProgress } from './sync-context';
import { SyncFailure, SyncStopped } from './sync-failure';

export interface SyncDeps {
  access: SalesforceAccess;
  now(): Date;
  options?: Partial<SyncOptions>;
  random?(): number;
  /** `navigator.onLine`: false means no call is tried at all. */
  online?(): boolean;
  progress?(dbName: string, progress: SyncProgress | null): void;
  checkpoint?(step: string): void;
  /** Tests give a client of their own; the extension builds one from `access`. */
  client?(session: Session): SalesforceClient;
  /** Told when a run ended, however it was asked for (the coaching copy is brought up to date). */
  ranSync?(session: Session, db: PrecallDb, result: RunResult): void;
}

export interface RunRequest {
  /** Also refresh the read-only copies (opportunities, meetings, users). */
  caches: boolean;
}

export type RunResult = { ok: true; push: PushReport } | { ok: false; failure: SyncFailure; push: PushReport | null };

export const runRowName = 'run';

/**
 * One sync run for one signed-in user's database: pull the plans and objections changed in
 * Salesforce and merge them, then push the outbox (a push always follows a fresh pull, so it
 * never overwrites a field someone else changed meanwhile), then refresh the read-only copies.
 * Single flight per database. The outcome is written to the `run` row: success time, or the
 * failure, its kind and when to retry (backoff with jitter, slower as the API usage climbs).
 */
export async function runSync(
  deps: SyncDeps,
  db: PrecallDb,
  session: Session,
  request: RunRequest = { caches: true },
): Promise<RunResult> {
  return withSyncLock(syncLockName(db.name), async () => {
    const options = { ...defaultSyncOptions, ...deps.options };
    const salesforce = deps.client?.(session) ?? createSalesforceClient(deps.access, session);
    const ctx: SyncContext = {
      db,
      session,
      salesforce,
      options,
      now: deps.now,
      progress: (progress) => deps.progress?.(db.name, progress),
      checkpoint: (step) => deps.checkpoint?.(step),
    };
    let push: PushReport | null = null;
    try {
      if (deps.online?.() === false) {
        throw new SyncFailure('offline', 'offline', 'This browser is offline');
      }
      // Plans and objections: their first pages in one request (one API call).
      await pullChangesTogether(ctx, [planPull, objectionPull], (step) =>
        ctx.checkpoint(step === planPull ? 'pulled plans' : 'pulled objections'),
      );
      await reconcileIfDue(ctx);
      push = await pushOutbox(ctx);
      ctx.checkpoint('pushed');
      // Salesforce just answered: plans past the pull window that it holds as they are here go.
      await pruneIfDue(db, deps.now(), options.planWindowDays);
      // A manager's playbook changes: nothing waiting, no request.
      await pushPlaybook(ctx);
      if (request.caches) {
        for (const step of [opportunityPull, meetingPull, userPull, ...playbookPulls]) {
          await pullChanges(ctx, step);
          ctx.checkpoint(`pulled ${step.sobject}`);
        }
        await refreshOrgStages(ctx);
      }
      await recordSuccess(db, deps.now(), salesforce.apiUsage());
      return { ok: true, push };
    } catch (error) {
      if (error instanceof SyncStopped) throw error;
      const failure =
        error instanceof SyncFailure
          ? error
          : new SyncFailure('error', (error as Error)?.name ?? 'Error', (error as Error)?.message ?? String(error));
      await recordFailure(db, failure, deps, salesforce.apiUsage());
      return { ok: false, failure, push };
    } finally {
      deps.progress?.(db.name, null);
    }
  });
}

async function recordSuccess(db: PrecallDb, now: Date, apiUsage: ApiUsage | null): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const row: SyncStateRow = (await db.syncState.get(runRowName)) ?? { name: runRowName };
    await db.syncState.put({
      ...row,
      lastSuccessAt: now.toISOString(),
      lastError: null,
      attempt: 0,
      nextAttemptAt: null,
      apiUsage: apiUsage ?? row.apiUsage ?? null,
    });
  });
}

async function recordFailure(
  db: PrecallDb,
  failure: SyncFailure,
  deps: SyncDeps,
  apiUsage: ApiUsage | null,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const row: SyncStateRow = (await db.syncState.get(runRowName)) ?? { name: runRowName };
    const attempt = (row.attempt ?? 0) + 1;
    const usage = apiUsage ?? row.apiUsage ?? null;
    const now = deps.now();
    // Signed out, nothing will work until the rep signs in again, which triggers a run itself.
    const nextAttemptAt =
      failure.kind === 'signed-out'
        ? null
        : new Date(now.getTime() + retryDelayMs(attempt, failure.kind, usage, deps.random)).toISOString();
    await db.syncState.put({
      ...row,
      lastError: { code: failure.code, message: failure.message, at: now.toISOString(), kind: failure.kind },
      attempt,
      nextAttemptAt,
      apiUsage: usage,
    });
  });
}
