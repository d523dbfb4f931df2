import { normalizeRecordId } from '../../lib/model/record-id';
import {
  badRestrictedPicklistValue,
  fieldsNotWriteable,
  foreignKeyReferenceShape,
  idOfWrongObject,
  idOnInsert,
  jsonTypeMismatch,
  malformedId,
  noSuchColumn,
  notAnExternalIdField,
  numberOutsideRange,
  referenceAndId,
  requiredFieldsMissing,
  type SalesforceError,
  stringTooLong,
  valueNotOfRequiredType,
} from './errors';
import { formatDateTime, parseDate, parseDateTime } from './format';
import { loadOrgSchema } from './schema/org-schema';
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema/types';

/**
 * Checks one record body of a create or update the way Salesforce does before it touches the
 * database, and turns the values into their stored form. Everything that needs the data (do the
 * referenced records exist, is an External ID already taken) is left to the server.
 */

/** `"Call_Plan__r": {"Plan_Key__c": "…"}` in a body: the server looks the parent up. */
export interface RelationshipReference {
  /** The reference field it sets, e.g. `Call_Plan__c`. */
  field: string;
  relationshipName: string;
  /** The parent object the external id belongs to. */
  object: string;
  externalIdField: string;
  value: string;
}

export interface RecordWrite {
  /** Field name in describe casing → stored value (null clears the field). */
  values: Record<string, unknown>;
  errors: SalesforceError[];
  references: RelationshipReference[];
}

type Coerced = { value: unknown } | { error: SalesforceError };

export function validateRecordWrite(
  object: ObjectSchema,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
  org: OrgSchema = loadOrgSchema(),
): RecordWrite {
  const values: Record<string, unknown> = {};
  const errors: SalesforceError[] = [];
  const references: RelationshipReference[] = [];
  const notWriteable: string[] = [];
  // A field given with a bad value already has its error; it is not also "missing".
  const refused = new Set<string>();
  const fieldsByName = new Map(object.fields.map((f) => [f.name.toLowerCase(), f]));
  const fieldsByRelationship = new Map(
    object.fields.filter((f) => f.relationshipName).map((f) => [f.relationshipName?.toLowerCase(), f]),
  );

  for (const [key, raw] of Object.entries(body)) {
    // Collections carry the type in `attributes`; updates carry the record's own Id.
    if (key === 'attributes') continue;
    if (key.toLowerCase() === 'id') {
      if (mode === 'create') errors.push(idOnInsert());
      continue;
    }
    const field = fieldsByName.get(key.toLowerCase());
    const viaRelationship = field ? undefined : fieldsByRelationship.get(key.toLowerCase());
    const target = field ?? viaRelationship;
    if (!target) {
      errors.push(noSuchColumn(object.name, key));
      continue;
    }
    if (!isWritable(target, mode)) {
      notWriteable.push(target.name);
      continue;
    }
    if (viaRelationship) {
      const reference = readReference(viaRelationship, raw, org);
      if ('error' in reference) {
        errors.push(reference.error);
        refused.add(viaRelationship.name);
      } else if (reference.value === null) values[viaRelationship.name] = null;
      else references.push(reference.value);
      continue;
    }
    const coerced = coerce(target, raw, org);
    if ('error' in coerced) {
      errors.push(coerced.error);
      refused.add(target.name);
    } else values[target.name] = coerced.value;
  }

  for (const reference of references) {
    if (reference.field in values) errors.push(referenceAndId(reference.relationshipName, reference.field));
  }
  if (notWriteable.length > 0) errors.push(fieldsNotWriteable(notWriteable));
  const given = new Set([...refused, ...references.map((r) => r.field)]);
  const missing = missingRequiredFields(object, values, given, mode);
  if (missing.length > 0) errors.push(requiredFieldsMissing(missing));
  return { values, errors, references };
}

/**
 * A master-detail field cannot be changed on update, but an upsert repeats the same master on
 * every write; the server compares it with the stored one, so it passes here.
 */
function isWritable(field: FieldSchema, mode: 'create' | 'update'): boolean {
  if (field.system) return false;
  if (mode === 'create') return field.createable;
  return field.updateable || (field.type === 'reference' && field.cascadeDelete);
}

function missingRequiredFields(
  object: ObjectSchema,
  values: Record<string, unknown>,
  given: ReadonlySet<string>,
  mode: 'create' | 'update',
): string[] {
  const mustHaveValue = (f: FieldSchema) => !f.system && f.type !== 'boolean' && (f.required || !f.nillable);
  return object.fields
    .filter((f) => mustHaveValue(f) && !given.has(f.name))
    .filter((f) =>
      // A create must name every required field; an update may only not clear one.
      mode === 'create' ? f.required && (values[f.name] ?? null) === null : f.name in values && values[f.name] === null,
    )
    .map((f) => f.name);
}

function readReference(
  field: FieldSchema,
  raw: unknown,
  org: OrgSchema,
): { value: RelationshipReference | null } | { error: SalesforceError } {
  if (raw === null) return { value: null };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { error: jsonTypeMismatch(field, raw) };
  const record = raw as Record<string, unknown>;
  const attributes = record.attributes as { type?: unknown } | undefined;
  const parentName =
    typeof attributes?.type === 'string' ? attributes.type : field.referenceTo.length === 1 ? field.referenceTo[0] : '';
  const parent = parentName ? org.object(parentName) : undefined;
  const keys = Object.keys(record).filter((k) => k !== 'attributes');
  if (!parent || !field.referenceTo.includes(parent.name) || keys.length !== 1) {
    return { error: foreignKeyReferenceShape(parent?.name ?? parentName ?? field.referenceTo.join(', ')) };
  }
  const key = keys[0] as string;
  const externalIdField = org.field(parent.name, key);
  if (!externalIdField?.externalId) return { error: notAnExternalIdField(parent.name, key) };
  const value = record[key];
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { error: valueNotOfRequiredType(externalIdField, value) };
  }
  return {
    value: {
      field: field.name,
      relationshipName: field.relationshipName ?? key,
      object: parent.name,
      externalIdField: externalIdField.name,
      value: String(value),
    },
  };
}

/** The value as Salesforce stores it; an empty string is null, as in Salesforce. */
export function coerce(field: FieldSchema, raw: unknown, org: OrgSchema = loadOrgSchema()): Coerced {
  if (raw === null || raw === undefined || raw === '') return { value: field.type === 'boolean' ? false : null };
  if (typeof raw === 'object') return { error: jsonTypeMismatch(field, raw) };
  switch (field.type) {
    case 'boolean':
      return coerceBoolean(field, raw);
    case 'datetime': {
      const parsed = typeof raw === 'string' ? parseDateTime(raw) : null;
      return parsed ? { value: formatDateTime(parsed) } : { error: valueNotOfRequiredType(field, raw) };
    }
    case 'date': {
      const parsed = typeof raw === 'string' ? parseDate(raw) : null;
      return parsed ? { value: parsed } : { error: valueNotOfRequiredType(field, raw) };
    }
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return coerceNumber(field, raw);
    case 'reference':
    case 'id':
      return coerceId(field, raw, org);
    default:
      return coerceText(field, String(raw));
  }
}

function coerceBoolean(field: FieldSchema, raw: unknown): Coerced {
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return { value: raw.toLowerCase() === 'true' };
  return { error: valueNotOfRequiredType(field, raw) };
}

function coerceNumber(field: FieldSchema, raw: unknown): Coerced {
  const numeric =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(numeric)) return { error: valueNotOfRequiredType(field, raw) };
  if (field.type === 'int' && !Number.isInteger(numeric)) return { error: valueNotOfRequiredType(field, raw) };
  // Salesforce rounds to the field's scale (half up) and refuses too many integer digits.
  const factor = 10 ** field.scale;
  const rounded = (Math.sign(numeric) * Math.round(Math.abs(numeric) * factor)) / factor;
  if (field.precision > 0 && Math.abs(rounded) >= 10 ** (field.precision - field.scale)) {
    return { error: numberOutsideRange(field, numeric) };
  }
  return { value: rounded };
}

function coerceId(field: FieldSchema, raw: unknown, org: OrgSchema): Coerced {
  const id = typeof raw === 'string' ? normalizeRecordId(raw) : null;
  if (!id) return { error: malformedId(field, raw) };
  const prefixes = field.referenceTo.map((name) => org.object(name)?.keyPrefix);
  if (!prefixes.includes(id.slice(0, 3))) return { error: idOfWrongObject(field, id) };
  return { value: id };
}

function coerceText(field: FieldSchema, text: string): Coerced {
  if (field.length > 0 && text.length > field.length) return { error: stringTooLong(field, text) };
  if (field.type === 'picklist' && field.restrictedPicklist && !field.picklistValues.some((v) => v.value === text)) {
    return { error: badRestrictedPicklistValue(field, text) };
  }
  return { value: text };
}
