import * as z from 'zod/mini';
import { localValueOf, salesforceValueOf } from '../salesforce/field-values';
import type { PlaybookObject } from './playbook-fields';

/** A queried playbook record in local names and forms. */
export interface RemotePlaybookRecord {
  key: string;
  playbookKey: string;
  salesforceId: string;
  isDeleted: boolean;
  values: Record<string, unknown>;
}

export function playbookSelectOf(object: PlaybookObject): string[] {
  const names = new Set(['Id', 'IsDeleted', 'SystemModstamp', ...object.fields.map((f) => f.field)]);
  if (object.parent) names.add(`${object.parent.relationshipName}.${object.parent.externalIdField}`);
  return [...names];
}

function schemaOf(object: PlaybookObject) {
  const shape: Record<string, z.ZodMiniType> = {
    Id: z.string().check(z.minLength(15)),
    SystemModstamp: z.string().check(z.minLength(1)),
    IsDeleted: z.optional(z.boolean()),
  };
  for (const mapping of object.fields) {
    shape[mapping.field] =
      mapping.kind === 'key'
        ? z.string().check(z.minLength(1))
        : z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])));
  }
  if (object.parent) {
    shape[object.parent.relationshipName] = z.object({
      [object.parent.externalIdField]: z.string().check(z.minLength(1)),
    });
  }
  return z.looseObject(shape);
}

/** Reads one queried record; throws a zod error for a malformed one. */
export function remotePlaybookRecordOf(object: PlaybookObject, raw: unknown): RemotePlaybookRecord {
  const record = schemaOf(object).parse(raw) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const mapping of object.fields) values[mapping.local] = localValueOf(mapping, record[mapping.field], record);
  const key = String(record[object.externalIdField]);
  let playbookKey = key;
  if (object.parent) {
    playbookKey = String(
      (record[object.parent.relationshipName] as Record<string, unknown>)[object.parent.externalIdField],
    );
    values[object.parent.local] = playbookKey;
  }
  return { key, playbookKey, salesforceId: String(record.Id), isDeleted: record.IsDeleted === true, values };
}

/**
 * One record of an upsert: the External ID and every field a manager writes; the playbook is
 * named through its External ID on insert only (a master-detail parent never changes).
 */
export function playbookUpsertOf(object: PlaybookObject, row: Record<string, unknown>, insert: boolean) {
  const record: Record<string, unknown> = {
    attributes: { type: object.sobject },
    [object.externalIdField]: row[object.keyField],
  };
  for (const mapping of object.fields) {
    if (mapping.writer !== 'manager' || mapping.kind === 'key') continue;
    record[mapping.field] = salesforceValueOf(mapping.kind, row[mapping.local]);
  }
  if (insert && object.parent) {
    record[object.parent.relationshipName] = { [object.parent.externalIdField]: row[object.parent.local] };
  }
  return record;
}
