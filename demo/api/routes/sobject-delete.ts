import { ApiError } from '../api-error';
import { deleteRecord } from '../dml/delete-record';
import { writeScope } from '../dml/write-scope';
import { toErrorBody } from '../errors';
import { sendNoContent } from '../http';
import { type Route, versioned } from '../route';
import { objectParam, recordIdParam } from '../sobject-params';

/** `DELETE /sobjects/X/<id>`: 204; again → 404 ENTITY_IS_DELETED. */
export const sobjectDeleteRoute: Route = {
  method: 'DELETE',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/(?<id>[^/]+)/?'),
  kind: 'sobject.delete',
  access: 'api',
  handle(ctx) {
    const object = objectParam(ctx);
    const id = recordIdParam(object, ctx.params.id ?? '');
    const outcome = deleteRecord(writeScope(ctx), object, id);
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.errors.map(toErrorBody));
    sendNoContent(ctx.res);
  },
};
