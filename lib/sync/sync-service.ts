import type { PrecallDb } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import { type OpportunityPull, pullOpportunities } from './pull-opportunities';
import { type RunRequest, type RunResult, runSync, type SyncDeps } from './run-sync';
import { createSalesforceClient } from './salesforce-client';
import { syncLockName, withSyncLock } from './single-flight';
import { defaultSyncOptions, type SyncProgress } from './sync-context';
import { SyncFailure, SyncStopped } from './sync-failure';
import { readSyncStatus, type SyncStatus } from './sync-status';

export interface OpportunityPullResult extends OpportunityPull {
  /** Why Salesforce could not be asked; the local plans are still there to show. */
  failure?: { kind: SyncFailure['kind']; code?: string; message: string };
}

/** Sync as the background's handlers use it: runs, on-demand pulls and the status, per user. */
export interface SyncService {
  run(session: Session, db: PrecallDb, request?: RunRequest): Promise<RunResult>;
  pullOpportunities(
    session: Session,
    db: PrecallDb,
    ids: readonly string[],
    options?: { force?: boolean },
  ): Promise<OpportunityPullResult>;
  status(db: PrecallDb): Promise<SyncStatus>;
}

export function createSyncService(deps: SyncDeps): SyncService {
  const progress = new Map<string, SyncProgress>();
  const withProgress: SyncDeps = {
    ...deps,
    progress(dbName, current) {
      if (current) progress.set(dbName, current);
      else progress.delete(dbName);
      deps.progress?.(dbName, current);
    },
  };
  return {
    async run(session, db, request) {
      const result = await runSync(withProgress, db, session, request);
      deps.ranSync?.(session, db, result);
      return result;
    },
    async pullOpportunities(session, db, ids, options) {
      if (deps.online?.() === false) {
        return { pulled: [], notVisible: [], failure: { kind: 'offline', message: 'This browser is offline' } };
      }
      return withSyncLock(syncLockName(db.name), async () => {
        const salesforce = deps.client?.(session) ?? createSalesforceClient(deps.access, session);
        try {
          return await pullOpportunities(
            {
              db,
              session,
              salesforce,
              options: { ...defaultSyncOptions, ...deps.options },
              now: deps.now,
              progress: () => {},
              checkpoint: (step) => deps.checkpoint?.(step),
            },
            ids,
            options,
          );
        } catch (error) {
          if (error instanceof SyncStopped || !(error instanceof SyncFailure)) throw error;
          return {
            pulled: [],
            notVisible: [],
            failure: { kind: error.kind, code: error.code, message: error.message },
          };
        }
      });
    },
    status: (db) => readSyncStatus(db, progress.get(db.name) ?? null),
  };
}
