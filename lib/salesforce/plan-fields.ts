import type { Objection, StoredCallPlan } from '../model/call-plan';

/**
 * Which local field is which Salesforce field, for Call_Plan__c and Call_Plan_Objection__c.
 * Data only: push and pull read it, and a test holds it (and the zod schemas) against the XML
 * in salesforce/, so a field added on one side and not the other fails the build.
 */

/** How a value crosses between the local model and Salesforce. */
export type FieldKind =
  /** The External ID every write upserts on (a uuid, text on both sides). */
  | 'key'
  /** Salesforce stores an empty string as null: '' locally ↔ null there. */
  | 'text'
  /** The same strings on both sides (lib/model/picklists.ts). */
  | 'picklist'
  /**
   * ISO-8601 locally. Salesforce answers `2025-03-04T10:15:30.000+0000`, which the local schema
   * refuses as is: normalize to `toISOString()` on pull.
   */
  | 'datetime'
  /** `YYYY-MM-DD` on both sides. */
  | 'date'
  | 'boolean'
  | 'number'
  /** A record id; Salesforce returns the 18-character form. */
  | 'reference';

/**
 * Who writes the field, following the permission sets: reps write plans, managers only the
 * coaching note (a rep sending it gets INVALID_FIELD_FOR_INSERT_UPDATE), Salesforce its own
 * audit fields (pull only).
 */
export type FieldWriter = 'rep' | 'manager' | 'salesforce';

export interface FieldMapping<Local extends string = string> {
  local: Local;
  field: string;
  kind: FieldKind;
  writer: FieldWriter;
  /**
   * The local value for a Salesforce null where the local model has no empty value (an admin
   * can clear a picklist the form always fills). Matches the field's default in the XML.
   */
  whenNull?: string | number | boolean;
  /** The Salesforce field read instead when this one is null (a record made outside Precall). */
  whenNullFrom?: string;
}

export const callPlanFields = [
  { local: 'planKey', field: 'Plan_Key__c', kind: 'key', writer: 'rep' },
  { local: 'opportunityId', field: 'Opportunity__c', kind: 'reference', writer: 'rep' },
  { local: 'callAt', field: 'Call_At__c', kind: 'datetime', writer: 'rep' },
  { local: 'callType', field: 'Call_Type__c', kind: 'picklist', writer: 'rep', whenNull: 'Call' },
  { local: 'goal', field: 'Goal__c', kind: 'text', writer: 'rep' },
  { local: 'buyerReason', field: 'Buyer_Reason__c', kind: 'text', writer: 'rep' },
  { local: 'bestNextStep', field: 'Best_Next_Step__c', kind: 'text', writer: 'rep' },
  { local: 'minimumNextStep', field: 'Minimum_Next_Step__c', kind: 'text', writer: 'rep' },
  { local: 'questions', field: 'Questions__c', kind: 'text', writer: 'rep' },
  { local: 'need', field: 'Need__c', kind: 'picklist', writer: 'rep', whenNull: 'Unknown' },
  { local: 'budget', field: 'Budget__c', kind: 'picklist', writer: 'rep', whenNull: 'Unknown' },
  { local: 'decisionProcess', field: 'Decision_Process__c', kind: 'picklist', writer: 'rep', whenNull: 'Unknown' },
  { local: 'timing', field: 'Timing__c', kind: 'picklist', writer: 'rep', whenNull: 'Unknown' },
  { local: 'walkAway', field: 'Walk_Away__c', kind: 'text', writer: 'rep' },
  { local: 'outcome', field: 'Outcome__c', kind: 'picklist', writer: 'rep' },
  { local: 'commitment', field: 'Commitment__c', kind: 'picklist', writer: 'rep' },
  { local: 'actualNextStep', field: 'Actual_Next_Step__c', kind: 'text', writer: 'rep' },
  { local: 'nextStepDue', field: 'Next_Step_Due__c', kind: 'date', writer: 'rep' },
  { local: 'decision', field: 'Decision__c', kind: 'picklist', writer: 'rep' },
  { local: 'outcomeNotes', field: 'Outcome_Notes__c', kind: 'text', writer: 'rep' },
  { local: 'outcomeAt', field: 'Outcome_At__c', kind: 'datetime', writer: 'rep' },
  { local: 'coachNote', field: 'Coach_Note__c', kind: 'text', writer: 'manager' },
  // Not CreatedDate: a plan written offline before its call reaches Salesforce after it.
  { local: 'createdAt', field: 'Written_At__c', kind: 'datetime', writer: 'rep', whenNullFrom: 'CreatedDate' },
  { local: 'updatedAt', field: 'LastModifiedDate', kind: 'datetime', writer: 'salesforce' },
  // The rep who wrote the plan: detail records have no owner of their own.
  { local: 'ownerId', field: 'CreatedById', kind: 'reference', writer: 'salesforce' },
] as const satisfies readonly FieldMapping<keyof StoredCallPlan>[];

export const objectionFields = [
  { local: 'objectionKey', field: 'Objection_Key__c', kind: 'key', writer: 'rep' },
  { local: 'objection', field: 'Objection__c', kind: 'text', writer: 'rep' },
  { local: 'response', field: 'Response__c', kind: 'text', writer: 'rep' },
  { local: 'expected', field: 'Expected__c', kind: 'boolean', writer: 'rep', whenNull: false },
  { local: 'raised', field: 'Raised__c', kind: 'boolean', writer: 'rep', whenNull: false },
  { local: 'handled', field: 'Handled__c', kind: 'picklist', writer: 'rep' },
  { local: 'sortOrder', field: 'Sort_Order__c', kind: 'number', writer: 'rep', whenNull: 0 },
] as const satisfies readonly FieldMapping<keyof Objection>[];

export const callPlanObject = {
  sobject: 'Call_Plan__c',
  externalIdField: 'Plan_Key__c',
  /** The plan's objections in SOQL: `(SELECT … FROM Objections__r)`. */
  objectionsRelationship: 'Objections__r',
  fields: callPlanFields,
} as const;

export const objectionObject = {
  sobject: 'Call_Plan_Objection__c',
  externalIdField: 'Objection_Key__c',
  /**
   * The master is set through the parent's External ID (`"Call_Plan__r": {"Plan_Key__c": …}`), so
   * an objection can be pushed in the same run as a plan whose Salesforce id is not known yet.
   */
  parent: {
    local: 'planKey',
    field: 'Call_Plan__c',
    relationshipName: 'Call_Plan__r',
    object: 'Call_Plan__c',
    externalIdField: 'Plan_Key__c',
  },
  fields: objectionFields,
} as const;
