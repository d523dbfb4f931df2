import type { SObjectRecord } from '../../org/types';
import type { FieldSchema, ObjectSchema } from '../schema/types';
import { idOf } from '../sobject-params';
import { insertRecord } from './insert-record';
import { failed, recordError, type SaveOutcome, type WriteScope } from './save-outcome';
import { applyUpdate, updateRecord } from './update-record';

/**
 * Upsert on an External ID field (or Id): no match inserts, one match updates, several answer
 * 300 with the candidates. Matching is case-insensitive like Salesforce's text External IDs and
 * only sees records the user can see; a hidden record with the same unique key then makes the
 * insert fail with DUPLICATE_VALUE, as it would in a real org.
 */
export type UpsertOutcome = SaveOutcome | { ok: false; multiple: string[] };

export function upsertRecord(
  scope: WriteScope,
  object: ObjectSchema,
  keyField: FieldSchema,
  value: unknown,
  body: Record<string, unknown>,
  collection = false,
): UpsertOutcome {
  if (keyField.name === 'Id') {
    const id = typeof value === 'string' ? idOf(object, value) : null;
    if (value === null || value === undefined || value === '')
      return insertRecord(scope, object, withoutKey(body, 'Id'));
    if (!id)
      return failed(400, [
        recordError('MALFORMED_ID', `${object.label} ID: id value of incorrect type: ${String(value)}`, ['Id']),
      ]);
    return updateRecord(scope, object, id, withoutKey(body, 'Id'), collection);
  }
  const matches = scope.org.store
    .findByKey(object.name, keyField, value)
    .filter((record) => scope.org.sharing.canSee(scope.user, object.name, record));
  if (matches.length > 1) return { ok: false, multiple: matches.map((r) => r.Id) };
  const body_ = withoutKey(body, keyField.name);
  const match = matches[0] as SObjectRecord | undefined;
  if (match) return applyUpdate(scope, object, match, body_);
  return insertRecord(scope, object, { ...body_, [keyField.name]: value });
}

/** An upsert field: an External ID (or Id) of the object, in describe casing. */
export function upsertKeyField(object: ObjectSchema, name: string): FieldSchema | 'missing' | 'not-external' {
  const field = object.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (!field) return 'missing';
  if (field.name !== 'Id' && !field.externalId) return 'not-external';
  return field;
}

function withoutKey(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) if (name.toLowerCase() !== key.toLowerCase()) out[name] = value;
  return out;
}
