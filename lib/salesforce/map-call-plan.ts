import { type RemoteRecord, remoteRecordOf, type SyncedObject } from './map-synced-record';
import { callPlanObject } from './plan-fields';

/** Call_Plan__c ↔ the `plans` table. */
export const callPlanSync: SyncedObject = {
  table: 'plans',
  sobject: callPlanObject.sobject,
  externalIdField: callPlanObject.externalIdField,
  keyField: 'planKey',
  fields: callPlanObject.fields,
};

export function remotePlanOf(raw: unknown): RemoteRecord {
  return remoteRecordOf(callPlanSync, raw);
}
