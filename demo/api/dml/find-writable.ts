import type { SObjectRecord } from '../../org/types';
import type { ObjectSchema } from '../schema/types';
import { type RecordError, recordError, type WriteScope } from './save-outcome';

/**
 * The record a write or delete targets. A deleted one is ENTITY_IS_DELETED (404 on the single
 * resource). One that does not exist, or that the user cannot see, is NOT_FOUND on the single
 * resource — the record URL does not exist for this user, exactly as GET says — and
 * INSUFFICIENT_ACCESS_OR_READONLY in collections, where Salesforce reports a DML failure.
 * Both answers are the same for missing and hidden records, so sharing leaks nothing.
 */
export type Target =
  | { ok: true; record: SObjectRecord }
  | { ok: false; status: number; single: RecordError; collection: RecordError };

export function findWritable(scope: WriteScope, object: ObjectSchema, id: string): Target {
  const record = scope.org.store.get(object.name, id);
  if (record?.IsDeleted === true) {
    const deleted = recordError('ENTITY_IS_DELETED', 'entity is deleted', []);
    return { ok: false, status: 404, single: deleted, collection: deleted };
  }
  if (!record || !scope.org.sharing.canSee(scope.user, object.name, record)) {
    return {
      ok: false,
      status: 404,
      single: recordError('NOT_FOUND', 'The requested resource does not exist', []),
      collection: recordError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', []),
    };
  }
  return { ok: true, record };
}
