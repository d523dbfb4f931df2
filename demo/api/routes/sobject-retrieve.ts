import { ApiError, entityIsDeleted, notFound } from '../api-error';
import { noSuchColumn } from '../errors';
import { sendJson } from '../http';
import { recordOutput } from '../record-output';
import { type Route, versioned } from '../route';
import { objectParam, recordIdParam } from '../sobject-params';

/**
 * `GET /sobjects/X/<id>[?fields=A,B]`: the record with attributes. A deleted record is 404
 * ENTITY_IS_DELETED; a missing or hidden one 404 NOT_FOUND (sharing leaks nothing).
 */
export const sobjectRetrieveRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/(?<id>[^/]+)/?'),
  kind: 'sobject.retrieve',
  access: 'api',
  handle(ctx) {
    const object = objectParam(ctx);
    const id = recordIdParam(object, ctx.params.id ?? '');
    const record = ctx.org.store.get(object.name, id);
    if (record?.IsDeleted === true) throw entityIsDeleted();
    if (!record || !ctx.org.sharing.canSee(ctx.user(), object.name, record)) throw notFound();
    const fields = fieldList(object, ctx.url.searchParams.get('fields'));
    sendJson(ctx.res, 200, recordOutput(object, record, ctx.version, fields));
  },
};

/** `?fields=` in describe casing, Id last when not asked for, as Salesforce answers. */
export function fieldList(
  object: { name: string; fields: { name: string }[] },
  raw: string | null,
): string[] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const names: string[] = [];
  for (const wanted of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const field = object.fields.find((f) => f.name.toLowerCase() === wanted.toLowerCase());
    if (!field) {
      const error = noSuchColumn(object.name, wanted);
      throw ApiError.of(400, error.statusCode, error.message);
    }
    if (!names.includes(field.name)) names.push(field.name);
  }
  if (!names.includes('Id')) names.push('Id');
  return names;
}
