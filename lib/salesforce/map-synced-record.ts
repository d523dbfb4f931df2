import * as z from 'zod/mini';
import type { SyncedTable } from '../db/outbox-entry';
import { localValueOf, salesforceValueOf } from './field-values';
import type { FieldKind, FieldMapping, FieldWriter } from './plan-fields';

/**
 * A record of a synced object (Call_Plan__c, Call_Plan_Objection__c) as sync handles it: which
 * local row it is, which Salesforce record, how fresh, and its values in local names and forms.
 */
export interface RemoteRecord {
  table: SyncedTable;
  /** The External ID: planKey or objectionKey. */
  key: string;
  /** The plan the record belongs to (itself for a plan). */
  planKey: string;
  salesforceId: string;
  systemModstamp: string;
  isDeleted: boolean;
  values: Record<string, unknown>;
}

export interface SyncedObject {
  table: SyncedTable;
  sobject: string;
  externalIdField: string;
  /** The local field holding the External ID. */
  keyField: string;
  fields: readonly FieldMapping[];
  /** How the record names its plan: through the parent's External ID, or itself. */
  parent?: { local: string; relationshipName: string; externalIdField: string };
}

const valueSchemas: Record<FieldKind, z.ZodMiniType> = {
  key: z.string().check(z.minLength(1)),
  text: z.nullable(z.string()),
  picklist: z.nullable(z.string()),
  datetime: z.nullable(z.string()),
  date: z.nullable(z.string()),
  boolean: z.nullable(z.boolean()),
  number: z.nullable(z.number()),
  reference: z.nullable(z.string()),
};

/** The fields a SOQL query of this object selects, system fields sync reads included. */
export function selectFieldsOf(object: SyncedObject): string[] {
  const names = new Set(['Id', 'IsDeleted', 'SystemModstamp']);
  for (const mapping of object.fields) {
    names.add(mapping.field);
    if (mapping.whenNullFrom) names.add(mapping.whenNullFrom);
  }
  if (object.parent) names.add(`${object.parent.relationshipName}.${object.parent.externalIdField}`);
  return [...names];
}

const remoteSchemas = new WeakMap<SyncedObject, z.ZodMiniType>();

/**
 * A zod schema for one queried record; unknown extra fields (attributes) pass through. Built once
 * per object: a pull reads thousands of records, and building an object schema costs more than
 * checking a record with it.
 */
export function remoteSchemaOf(object: SyncedObject): z.ZodMiniType {
  const known = remoteSchemas.get(object);
  if (known) return known;
  const schema = buildRemoteSchema(object);
  remoteSchemas.set(object, schema);
  return schema;
}

function buildRemoteSchema(object: SyncedObject) {
  const shape: Record<string, z.ZodMiniType> = {
    Id: z.string().check(z.minLength(15)),
    SystemModstamp: z.string().check(z.minLength(1)),
    IsDeleted: z.optional(z.boolean()),
  };
  for (const mapping of object.fields) {
    shape[mapping.field] = mapping.kind === 'key' ? valueSchemas.key : z.optional(valueSchemas[mapping.kind]);
    if (mapping.whenNullFrom) shape[mapping.whenNullFrom] = z.optional(z.nullable(z.string()));
  }
  if (object.parent) {
    shape[object.parent.relationshipName] = z.object({
      [object.parent.externalIdField]: z.string().check(z.minLength(1)),
    });
  }
  return z.looseObject(shape);
}

/** Reads a queried record into local names and forms; throws a zod error for a malformed one. */
export function remoteRecordOf(object: SyncedObject, raw: unknown): RemoteRecord {
  const record = remoteSchemaOf(object).parse(raw) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const mapping of object.fields) values[mapping.local] = localValueOf(mapping, record[mapping.field], record);
  const key = String(record[object.externalIdField]);
  let planKey = key;
  if (object.parent) {
    const parent = record[object.parent.relationshipName] as Record<string, unknown>;
    planKey = String(parent[object.parent.externalIdField]);
    values[object.parent.local] = planKey;
  }
  return {
    table: object.table,
    key,
    planKey,
    salesforceId: String(record.Id),
    systemModstamp: String(record.SystemModstamp),
    isDeleted: record.IsDeleted === true,
    values,
  };
}

/** The fields a user in this role may write: their own records' rep fields, or a manager's. */
export function writableFields(object: SyncedObject, writer: Exclude<FieldWriter, 'salesforce'>): FieldMapping[] {
  return object.fields.filter((mapping) => mapping.writer === writer && mapping.kind !== 'key');
}

/** The fields sync merges and sends: everything but what Salesforce itself writes. */
export function syncedFields(object: SyncedObject): FieldMapping[] {
  return object.fields.filter((mapping) => mapping.writer !== 'salesforce' && mapping.kind !== 'key');
}

/**
 * One record of an upsert request: the External ID, the given local fields in Salesforce's
 * names, and, on insert only, the parent through its External ID (a master-detail parent
 * cannot be changed afterwards).
 */
export function upsertRecordOf(
  object: SyncedObject,
  key: string,
  values: Record<string, unknown>,
  fields: readonly FieldMapping[],
  insert: boolean,
): Record<string, unknown> {
  const record: Record<string, unknown> = { attributes: { type: object.sobject }, [object.externalIdField]: key };
  for (const mapping of fields) record[mapping.field] = salesforceValueOf(mapping.kind, values[mapping.local]);
  if (insert && object.parent) {
    record[object.parent.relationshipName] = { [object.parent.externalIdField]: values[object.parent.local] };
  }
  return record;
}
