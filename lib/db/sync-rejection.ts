import type { SyncedTable } from './outbox-entry';

/**
 * Salesforce refused a record for a reason a retry cannot fix (validation rule, required field,
 * picklist, length, deleted parent). The rep's edit stays in the local row; the rejection is
 * shown on the plan with Salesforce's message, and the rest of the outbox goes on.
 */
export interface SyncRejection {
  table: SyncedTable;
  key: string;
  planKey: string;
  /** The newest outbox entry the rejected push covered. */
  seq: number;
  /** Salesforce's statusCode / errorCode, e.g. FIELD_CUSTOM_VALIDATION_EXCEPTION. */
  code: string;
  message: string;
  /** Salesforce field names the error names. */
  fields: string[];
  at: string;
}
