import type { SyncedTable } from './outbox-entry';

/**
 * A record changed both here and in Salesforce since the last synced copy, on the same field (or
 * deleted there while edited here). Kept with both values until the rep chooses; the record is
 * not pushed meanwhile, so neither side is silently overwritten.
 */
export interface SyncConflict {
  table: SyncedTable;
  key: string;
  planKey: string;
  fields: ConflictField[];
  /** Deleted in Salesforce while edited here. */
  remoteDeleted: boolean;
  /** Deleted here while changed in Salesforce (`fields` holds Salesforce's changes). */
  localDeleted?: boolean;
  /** The SystemModstamp of the Salesforce version the conflict is against. */
  remoteModstamp: string | null;
  detectedAt: string;
}

export interface ConflictField {
  /** The local field name (`goal`, `bestNextStep`, …). */
  field: string;
  base: unknown;
  local: unknown;
  remote: unknown;
}
