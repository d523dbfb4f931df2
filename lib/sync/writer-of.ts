import { type SyncedObject, writableFields } from '../salesforce/map-synced-record';

/**
 * Which fields of a record this user may write, following the permission sets: on their own plans
 * (and its objections) the rep's fields, on a plan of someone on their team only a manager's
 * (the coaching note). Salesforce's field-level security enforces the same; sending a field it
 * refuses would reject the whole record.
 */
export function writerOf(userId: string, ownerId: string | undefined): 'rep' | 'manager' {
  return ownerId === undefined || ownerId === '' || ownerId === userId ? 'rep' : 'manager';
}

export function writableSet(object: SyncedObject, userId: string, ownerId: string | undefined): Set<string> {
  return new Set(writableFields(object, writerOf(userId, ownerId)).map((mapping) => mapping.local));
}
