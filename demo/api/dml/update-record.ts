import { updatedRecord } from '../../org/record-factory';
import type { SObjectRecord } from '../../org/types';
import type { ObjectSchema } from '../schema/types';
import { findWritable } from './find-writable';
import { prepareWrite } from './prepare-write';
import { failed, type SaveOutcome, type WriteScope } from './save-outcome';

/** Updates one record by id; `collection` picks the error wording of sObject Collections. */
export function updateRecord(
  scope: WriteScope,
  object: ObjectSchema,
  id: string,
  body: Record<string, unknown>,
  collection = false,
): SaveOutcome {
  const target = findWritable(scope, object, id);
  if (!target.ok) return failed(target.status, [collection ? target.collection : target.single], id);
  return applyUpdate(scope, object, target.record, body);
}

/** The update itself, once the target is known (upsert shares it). */
export function applyUpdate(
  scope: WriteScope,
  object: ObjectSchema,
  existing: SObjectRecord,
  body: Record<string, unknown>,
): SaveOutcome {
  const prepared = prepareWrite(scope, object, body, 'update', existing);
  if (!prepared.ok) return failed(400, prepared.errors, existing.Id);
  const { org } = scope;
  const record = updatedRecord(org.store, object, existing, prepared.values, {
    by: scope.user.Id,
    at: org.clock.stamp(),
  });
  org.store.put(object.name, record);
  return { ok: true, id: record.Id, created: false };
}
