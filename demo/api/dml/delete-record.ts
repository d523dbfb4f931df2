import type { DemoOrgRuntime } from '../../org/demo-org';
import { deletedRecord } from '../../org/record-factory';
import type { ObjectSchema } from '../schema/types';
import { findWritable } from './find-writable';
import { failed, type SaveOutcome, type WriteScope } from './save-outcome';

/** Soft-deletes a record and, like Salesforce, its master-detail children (and theirs). */
export function deleteRecord(scope: WriteScope, object: ObjectSchema, id: string, collection = false): SaveOutcome {
  const target = findWritable(scope, object, id);
  if (!target.ok) return failed(target.status, [collection ? target.collection : target.single], id);
  const at = scope.org.clock.stamp();
  cascade(scope.org, object, id, at, scope.user.Id);
  return { ok: true, id, created: false };
}

function cascade(org: DemoOrgRuntime, object: ObjectSchema, id: string, at: Date, by: string): void {
  const record = org.store.get(object.name, id);
  if (!record || record.IsDeleted === true) return;
  for (const child of object.childRelationships) {
    if (!child.cascadeDelete) continue;
    const childObject = org.store.objectOf(child.childSObject);
    if (!childObject) continue;
    for (const childId of org.store.childIds(childObject.name, child.field, id))
      cascade(org, childObject, childId, at, by);
  }
  org.store.markDeleted(object.name, id, at.getTime(), deletedRecord(record, { by, at }));
}
