/**
 * Sync's memory between runs (the service worker keeps none): one row per pulled sObject with
 * its watermark, and one row named `run` for the outcome of the last run and the retry plan.
 */
export interface SyncStateRow {
  /** An sObject API name (`Call_Plan__c`, `Opportunity`, …) or `run`. */
  name: string;
  /** The highest SystemModstamp stored so far, ISO-8601; advanced only after a page is stored. */
  watermark?: string | null;
  /**
   * Every change Salesforce stamped before this instant (its clock, ISO-8601) has been read. Set
   * when a pull reads its last page: the date of its first answer, less the overlap and
   * `answerAfterSnapshotMs`. A pull never reaches back further than this, so a quiet org's last
   * changes (a data load of thousands) are not read again by every pull after them.
   */
  coveredBefore?: string | null;
  /** When every id was last reconciled with Salesforce (needed after 15 days away). */
  lastFullAt?: string | null;
  lastSuccessAt?: string | null;
  /**
   * Why the last run failed. `kind` is what sync makes of it (offline, signed-out, limit,
   * retryable, error); `code` is Salesforce's own.
   */
  lastError?: { code: string; message: string; at: string; kind?: string } | null;
  /** The org's daily API usage when the last run ended (Sforce-Limit-Info). */
  apiUsage?: { used: number; limit: number } | null;
  /** Consecutive failed attempts, for backoff. */
  attempt?: number;
  nextAttemptAt?: string | null;
}
