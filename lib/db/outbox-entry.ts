/**
 * One local change waiting for Salesforce. Written in the same transaction as the change, so a
 * committed change is never missing here; sync removes an entry only after Salesforce
 * acknowledged it.
 */
export interface OutboxEntry {
  seq?: number;
  table: 'plans' | 'objections';
  /** planKey or objectionKey: the External ID the upsert goes by. */
  key: string;
  op: 'upsert' | 'delete';
  /** For objections, the plan they hang below (a delete no longer has the row to ask). */
  planKey: string;
  at: string;
}
