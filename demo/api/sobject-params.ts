import { isRecordId, normalizeRecordId } from '../../lib/model/record-id';
import type { ApiContext } from './api-context';
import { ApiError, notFound } from './api-error';
import { upsertKeyField } from './dml/upsert-record';
import { notAnExternalIdField } from './errors';
import type { FieldSchema, ObjectSchema } from './schema/types';

/** The sObject named in the path; an unknown name is 404 NOT_FOUND, as on /sobjects/Foo__c. */
export function objectParam(ctx: ApiContext, name = ctx.params.sobject ?? ''): ObjectSchema {
  // As the caller's permission sets show it: unreadable fields are not there.
  const object = ctx.org.schemaFor(ctx.user()).object(name);
  if (!object) throw notFound();
  return object;
}

/**
 * The key field named in the path of an upsert or a retrieve by External ID: 404 NOT_FOUND when
 * the object has no such field, 400 when it is not an External ID (`Id` only where allowed).
 */
export function externalKeyParam(
  ctx: ApiContext,
  object: ObjectSchema,
  { allowId }: { allowId: boolean },
): FieldSchema {
  const name = ctx.params.field ?? '';
  const key = upsertKeyField(object, name);
  if (key === 'missing') throw notFound();
  if (key === 'not-external' || (!allowId && key.name === 'Id')) {
    const error = notAnExternalIdField(object.name, name);
    throw ApiError.of(400, error.statusCode, error.message);
  }
  return key;
}

/** `Call Plan ID: id value of incorrect type: xyz` — Salesforce's MALFORMED_ID wording. */
export function malformedIdMessage(object: ObjectSchema, raw: string): string {
  return `${object.label} ID: id value of incorrect type: ${raw}`;
}

/** The 18-character id for `raw` when it is a well-formed id of this object, else null. */
export function idOf(object: ObjectSchema, raw: string): string | null {
  if (!isRecordId(raw) && !(raw.length === 18 && /^[a-zA-Z0-9]{18}$/.test(raw))) return null;
  const id = normalizeRecordId(raw);
  return id?.startsWith(object.keyPrefix) ? id : null;
}

/** A record id from the path, or 400 MALFORMED_ID. */
export function recordIdParam(object: ObjectSchema, raw: string): string {
  const id = idOf(object, raw);
  if (!id) throw ApiError.of(400, 'MALFORMED_ID', malformedIdMessage(object, raw), ['Id']);
  return id;
}

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/v${version}/sobjects/${type}/${id}`;
}
