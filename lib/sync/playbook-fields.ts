import type { FieldMapping } from '../salesforce/plan-fields';

/** The local tables whose rows are the playbook's Salesforce records. */
export type PlaybookTable = 'playbooks' | 'playbookStages' | 'playbookObjections';

/**
 * Which local field is which Salesforce field, for Playbook__c, Playbook_Stage__c and
 * Playbook_Objection__c. Managers write them (Precall_Manager); reps only read.
 */
export interface PlaybookObject {
  table: PlaybookTable;
  sobject: string;
  externalIdField: string;
  keyField: string;
  fields: readonly FieldMapping[];
  /** Stages and objections name their playbook through its External ID (on insert only). */
  parent?: { local: 'playbookKey'; relationshipName: 'Playbook__r'; externalIdField: 'Playbook_Key__c' };
}

const parent = { local: 'playbookKey', relationshipName: 'Playbook__r', externalIdField: 'Playbook_Key__c' } as const;

export const playbookObject: PlaybookObject = {
  table: 'playbooks',
  sobject: 'Playbook__c',
  externalIdField: 'Playbook_Key__c',
  keyField: 'playbookKey',
  fields: [
    { local: 'playbookKey', field: 'Playbook_Key__c', kind: 'key', writer: 'manager' },
    { local: 'name', field: 'Name', kind: 'text', writer: 'manager' },
    { local: 'isDefault', field: 'Is_Default__c', kind: 'boolean', writer: 'manager', whenNull: false },
    { local: 'updatedAt', field: 'LastModifiedDate', kind: 'datetime', writer: 'salesforce' },
    // The manager whose team it guides: the one who created it.
    { local: 'ownerId', field: 'CreatedById', kind: 'reference', writer: 'salesforce' },
  ],
};

const flag = (local: string, field: string): FieldMapping => ({
  local,
  field,
  kind: 'boolean',
  writer: 'manager',
  whenNull: false,
});

export const playbookStageObject: PlaybookObject = {
  table: 'playbookStages',
  sobject: 'Playbook_Stage__c',
  externalIdField: 'Stage_Key__c',
  keyField: 'stageKey',
  parent,
  fields: [
    { local: 'stageKey', field: 'Stage_Key__c', kind: 'key', writer: 'manager' },
    { local: 'stageName', field: 'Stage_Name__c', kind: 'text', writer: 'manager' },
    { local: 'guidance', field: 'Guidance__c', kind: 'text', writer: 'manager' },
    flag('requiresGoal', 'Requires_Goal__c'),
    flag('requiresBuyerReason', 'Requires_Buyer_Reason__c'),
    flag('requiresBestNextStep', 'Requires_Best_Next_Step__c'),
    flag('requiresMinimumNextStep', 'Requires_Minimum_Next_Step__c'),
    {
      local: 'minExpectedObjections',
      field: 'Min_Expected_Objections__c',
      kind: 'number',
      writer: 'manager',
      whenNull: 0,
    },
    flag('confirmNeed', 'Confirm_Need__c'),
    flag('confirmBudget', 'Confirm_Budget__c'),
    flag('confirmDecisionProcess', 'Confirm_Decision_Process__c'),
    flag('confirmTiming', 'Confirm_Timing__c'),
    flag('requiresWalkAway', 'Requires_Walk_Away__c'),
  ],
};

export const curatedObjectionObject: PlaybookObject = {
  table: 'playbookObjections',
  sobject: 'Playbook_Objection__c',
  externalIdField: 'Playbook_Objection_Key__c',
  keyField: 'objectionKey',
  parent,
  fields: [
    { local: 'objectionKey', field: 'Playbook_Objection_Key__c', kind: 'key', writer: 'manager' },
    { local: 'stageName', field: 'Stage_Name__c', kind: 'text', writer: 'manager' },
    { local: 'objection', field: 'Objection__c', kind: 'text', writer: 'manager' },
    { local: 'response', field: 'Response__c', kind: 'text', writer: 'manager' },
    { local: 'sortOrder', field: 'Sort_Order__c', kind: 'number', writer: 'manager', whenNull: 0 },
  ],
};

/** In the order a push sends them: a playbook before what hangs below it. */
export const playbookObjects = [playbookObject, playbookStageObject, curatedObjectionObject] as const;
