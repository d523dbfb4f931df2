import type { PrecallDb } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import type { SalesforceClient } from './salesforce-client';

export interface SyncOptions {
  /** Plans are pulled from this many days before now (and every plan ahead). */
  planWindowDays: number;
  /** Meetings are pulled from this many days back … */
  meetingsPastDays: number;
  /** … to this many days ahead. */
  meetingsAheadDays: number;
  /** Closed opportunities are pulled when they closed within this many days. */
  closedOpportunityDays: number;
  /** Each incremental pull reaches back this far before its watermark (late commits). */
  overlapMs: number;
  /** Every id is reconciled with Salesforce at least this often (deletions are kept 15 days). */
  reconcileEveryMs: number;
  /** An opportunity pulled by id is not pulled again within this. */
  freshForMs: number;
}

export const defaultSyncOptions: SyncOptions = {
  planWindowDays: 90,
  meetingsPastDays: 90,
  meetingsAheadDays: 60,
  closedOpportunityDays: 90,
  overlapMs: 5 * 60_000,
  reconcileEveryMs: 15 * 24 * 60 * 60_000,
  freshForMs: 60_000,
};

/** Where a run is: shown as "syncing n of m". */
export interface SyncProgress {
  phase: 'pull' | 'push';
  done: number;
  total: number;
}

/** What every sync step works with. State lives in the database, never here. */
export interface SyncContext {
  db: PrecallDb;
  session: Session;
  salesforce: SalesforceClient;
  options: SyncOptions;
  now(): Date;
  progress(progress: SyncProgress): void;
  /**
   * Called between steps. The service worker may be stopped anywhere; tests throw here to
   * stop a run at a step boundary and prove the next run picks up.
   */
  checkpoint(step: string): void;
}
