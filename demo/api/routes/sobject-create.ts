import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { insertRecord } from '../dml/insert-record';
import { writeScope } from '../dml/write-scope';
import { toErrorBody } from '../errors';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';
import { objectParam } from '../sobject-params';

/** `POST /sobjects/X`: 201 `{id, success, errors}`. */
export const sobjectCreateRoute: Route = {
  method: 'POST',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/?'),
  kind: 'sobject.create',
  access: 'api',
  async handle(ctx) {
    const object = objectParam(ctx);
    const body = expectObject(await ctx.json());
    const outcome = insertRecord(writeScope(ctx), object, body);
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.errors.map(toErrorBody));
    ctx.res.setHeader('Location', `/services/data/v${ctx.version}/sobjects/${object.name}/${outcome.id}`);
    sendJson(ctx.res, 201, { id: outcome.id, success: true, errors: [] });
  },
};
