import type { SObjectRecord } from '../../org/types';
import { duplicateValue, entityIsDeleted, fieldsNotWriteable, foreignKeyNotFound } from '../errors';
import type { FieldSchema, ObjectSchema } from '../schema/types';
import { type RecordError, recordError, type WriteScope } from './save-outcome';
import { validateBody } from './validate-body';

/**
 * Everything between a request body and a store write: field validation (demo/api/validation.ts),
 * parents named by External ID, access to referenced records, injected validation rules, and
 * unique / external-id uniqueness. Returns the values to store, or the errors in the order
 * Salesforce reports them.
 */
export type Prepared = { ok: true; values: Record<string, unknown> } | { ok: false; errors: RecordError[] };

export function prepareWrite(
  scope: WriteScope,
  object: ObjectSchema,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
  existing?: SObjectRecord,
): Prepared {
  const validated = validateBody(scope.org, object, body, mode, scope.user);
  if (validated.errors.length > 0) return { ok: false, errors: validated.errors };
  const values = { ...validated.values };

  for (const reference of validated.references) {
    const parentObject = scope.org.store.objectOf(reference.object);
    const keyField = parentObject && scope.org.schema.field(parentObject.name, reference.externalIdField);
    const matches =
      parentObject && keyField ? scope.org.store.findByKey(parentObject.name, keyField, reference.value) : [];
    if (!parentObject || !keyField || matches.length === 0) {
      return { ok: false, errors: [foreignKeyNotFound(reference.value, reference.externalIdField, reference.object)] };
    }
    if (matches.length > 1) {
      return {
        ok: false,
        errors: [
          recordError(
            'INVALID_FIELD',
            `Foreign key external ID: ${String(reference.value)} found multiple times for field ${reference.externalIdField} in entity ${reference.object}`,
            [],
          ),
        ],
      };
    }
    values[reference.field] = (matches[0] as SObjectRecord).Id;
  }

  // Master-detail children cannot move to another master (reparenting is off in the package).
  if (existing) {
    const moved = object.fields.filter(
      (f) => f.type === 'reference' && f.cascadeDelete && f.name in values && values[f.name] !== existing[f.name],
    );
    if (moved.length > 0) return { ok: false, errors: [fieldsNotWriteable(moved.map((f) => f.name))] };
  }

  const access = checkReferences(scope, object, values);
  if (access) return { ok: false, errors: [access] };

  const rule = scope.faults.validation(scope.facts, values);
  if (rule) {
    scope.faults.fire(rule);
    return {
      ok: false,
      errors: [
        recordError(
          'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          rule.message ?? `${rule.field} cannot be ${String(rule.value)}`,
          [],
        ),
      ],
    };
  }

  const duplicate = checkUnique(scope, object, values, existing?.Id);
  if (duplicate) return { ok: false, errors: [duplicate] };
  return { ok: true, values };
}

/**
 * A reference must point at a live record the user can see. Salesforce answers
 * INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY for both a hidden and a missing parent, so
 * nothing leaks about records the user may not see; a deleted parent is ENTITY_IS_DELETED.
 */
function checkReferences(scope: WriteScope, object: ObjectSchema, values: Record<string, unknown>): RecordError | null {
  for (const field of object.fields) {
    if (field.type !== 'reference' || !(field.name in values)) continue;
    const id = values[field.name];
    if (typeof id !== 'string' || id === '') continue;
    const target = targetOf(scope, field, id);
    if (!target) return crossReference(id);
    if (target.record.IsDeleted === true) return { ...entityIsDeleted(), fields: [field.name] };
    if (!scope.org.sharing.canSee(scope.user, target.object, target.record)) return crossReference(id);
  }
  return null;
}

function crossReference(id: string): RecordError {
  return recordError(
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    `insufficient access rights on cross-reference id: ${id.slice(0, 15)}`,
    [],
  );
}

function targetOf(scope: WriteScope, field: FieldSchema, id: string): { object: string; record: SObjectRecord } | null {
  for (const name of field.referenceTo) {
    const object = scope.org.store.objectOf(name);
    if (!object || !id.startsWith(object.keyPrefix)) continue;
    const record = scope.org.store.get(object.name, id);
    if (record) return { object: object.name, record };
  }
  return null;
}

/** `duplicate value found: Plan_Key__c duplicates value on record with id: a0P5gR000000001` */
function checkUnique(
  scope: WriteScope,
  object: ObjectSchema,
  values: Record<string, unknown>,
  selfId: string | undefined,
): RecordError | null {
  for (const field of object.fields) {
    if (!field.unique || !(field.name in values)) continue;
    const value = values[field.name];
    if (value === null || value === undefined || value === '') continue;
    const other = scope.org.store.findByKey(object.name, field, value).find((r) => r.Id !== selfId);
    if (other) return duplicateValue(field.name, other.Id);
  }
  return null;
}
