import type { SyncedTable } from './outbox-entry';

/**
 * What Salesforce last confirmed for one record, in the local shape: the common ancestor that
 * edits on both sides are merged against, field by field. Written when a push is acknowledged
 * and when a pull stores the record.
 */
export interface BaseCopy {
  table: SyncedTable;
  key: string;
  planKey: string;
  /** The record's Salesforce id (deletes go by id). */
  salesforceId: string;
  /** Salesforce's SystemModstamp of this copy, ISO-8601. */
  systemModstamp: string;
  /** Every mapped field of the record as Salesforce confirmed it, local names and value forms. */
  values: Record<string, unknown>;
}
