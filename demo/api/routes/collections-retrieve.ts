import type { ApiContext } from '../api-context';
import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { sendJson } from '../http';
import { recordOutput } from '../record-output';
import { type Route, versioned } from '../route';
import { idOf, objectParam } from '../sobject-params';
import { fieldList } from './sobject-retrieve';

const maxRetrieveIds = 2000;

/**
 * `POST /composite/sobjects/X {ids, fields}` or `GET …?ids=&fields=`: records in id order, null
 * for an id that names no record the user can see.
 */
function retrieve(ctx: ApiContext, ids: string[], fields: string[]): void {
  const object = objectParam(ctx);
  if (ids.length > maxRetrieveIds) {
    throw ApiError.of(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${maxRetrieveIds} records into this call`,
    );
  }
  if (fields.length === 0) throw ApiError.of(400, 'INVALID_FIELD', 'The fields parameter is required', ['fields']);
  const names = fieldList(object, fields.join(','));
  const user = ctx.user();
  const records = ids.map((raw) => {
    const id = idOf(object, raw);
    const record = id ? ctx.org.store.get(object.name, id) : undefined;
    if (!record || record.IsDeleted === true || !ctx.org.sharing.canSee(user, object.name, record)) return null;
    return recordOutput(object, record, ctx.version, names);
  });
  sendJson(ctx.res, 200, records);
}

const listOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];

export const collectionsRetrievePostRoute: Route = {
  method: 'POST',
  pattern: versioned('/composite/sobjects/(?<sobject>\\w+)/?'),
  kind: 'collections.retrieve',
  access: 'api',
  async handle(ctx) {
    const body = expectObject(await ctx.json());
    retrieve(ctx, listOf(body.ids), listOf(body.fields));
  },
};

export const collectionsRetrieveGetRoute: Route = {
  method: 'GET',
  pattern: versioned('/composite/sobjects/(?<sobject>\\w+)/?'),
  kind: 'collections.retrieve',
  access: 'api',
  handle(ctx) {
    retrieve(ctx, listOf(ctx.url.searchParams.get('ids') ?? ''), listOf(ctx.url.searchParams.get('fields') ?? ''));
  },
};
