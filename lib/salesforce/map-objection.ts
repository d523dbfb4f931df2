import { type RemoteRecord, remoteRecordOf, type SyncedObject } from './map-synced-record';
import { objectionObject } from './plan-fields';

/** Call_Plan_Objection__c ↔ the `objections` table; the plan is named by its External ID. */
export const objectionSync: SyncedObject = {
  table: 'objections',
  sobject: objectionObject.sobject,
  externalIdField: objectionObject.externalIdField,
  keyField: 'objectionKey',
  fields: objectionObject.fields,
  parent: {
    local: objectionObject.parent.local,
    relationshipName: objectionObject.parent.relationshipName,
    externalIdField: objectionObject.parent.externalIdField,
  },
};

export function remoteObjectionOf(raw: unknown): RemoteRecord {
  return remoteRecordOf(objectionSync, raw);
}
