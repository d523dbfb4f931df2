import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { updateRecord } from '../dml/update-record';
import { writeScope } from '../dml/write-scope';
import { toErrorBody } from '../errors';
import { sendNoContent } from '../http';
import { type Route, versioned } from '../route';
import { objectParam, recordIdParam } from '../sobject-params';

/** `PATCH /sobjects/X/<id>`: 204, no body. */
export const sobjectUpdateRoute: Route = {
  method: 'PATCH',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/(?<id>[^/]+)/?'),
  kind: 'sobject.update',
  access: 'api',
  async handle(ctx) {
    const object = objectParam(ctx);
    const id = recordIdParam(object, ctx.params.id ?? '');
    const body = expectObject(await ctx.json());
    const outcome = updateRecord(writeScope(ctx), object, id, body);
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.errors.map(toErrorBody));
    sendNoContent(ctx.res);
  },
};
