import { newRecord } from '../../org/record-factory';
import type { ObjectSchema } from '../schema/types';
import { prepareWrite } from './prepare-write';
import { failed, type SaveOutcome, type WriteScope } from './save-outcome';

/** Creates one record as the scope's user (the owner and creator). */
export function insertRecord(scope: WriteScope, object: ObjectSchema, body: Record<string, unknown>): SaveOutcome {
  const prepared = prepareWrite(scope, object, body, 'create');
  if (!prepared.ok) return failed(400, prepared.errors);
  const { org } = scope;
  const record = newRecord(org.store, org.ids, object, prepared.values, { by: scope.user.Id, at: org.clock.stamp() });
  org.store.put(object.name, record);
  return { ok: true, id: record.Id, created: true };
}
