import type { Objection } from '../model/call-plan';

/** An objection row: its own table, like Call_Plan_Objection__c under Call_Plan__c. */
export type StoredObjection = Objection & { planKey: string };
