/** The local tables whose rows are Salesforce records (Call_Plan__c, Call_Plan_Objection__c). */
export type SyncedTable = 'plans' | 'objections';

/**
 * One local change waiting for Salesforce. Written in the same transaction as the change, so a
 * committed change is never missing here. Push coalesces the entries of one record (its current
 * state is sent once) and, after Salesforce acknowledged it, removes exactly the entries it sent
 * (by `seq`): an edit made while the push was in flight keeps its own, newer entry.
 */
export interface OutboxEntry {
  /** Assigned by the database, ever increasing: the order changes were made in. */
  seq?: number;
  table: SyncedTable;
  /** planKey or objectionKey: the External ID the upsert goes by. */
  key: string;
  op: 'upsert' | 'delete';
  /** For objections, the plan they hang below (a delete no longer has the row to ask). */
  planKey: string;
  at: string;
  /**
   * The values a push sent for this record (local names), written just before the request and
   * gone with the entry once Salesforce answered. When the answer was lost, the next pull tells
   * this client's own write coming back from someone else's change by these.
   */
  sent?: Record<string, unknown>;
}
