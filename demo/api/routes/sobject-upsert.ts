import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { upsertRecord } from '../dml/upsert-record';
import { writeScope } from '../dml/write-scope';
import { toErrorBody } from '../errors';
import { sendJson, sendNoContent } from '../http';
import { type Route, versioned } from '../route';
import { externalKeyParam, objectParam, recordUrl } from '../sobject-params';

/**
 * `PATCH /sobjects/X/<ExtField>/<value>`: 201 `{id, success, errors, created:true}` on insert;
 * on update 200 `{…, created:false}` from API 46.0, 204 before; 300 with the candidates' URLs
 * when the value matches several records.
 */
export const sobjectUpsertRoute: Route = {
  method: 'PATCH',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/(?<field>\\w+)/(?<value>[^/]+)/?'),
  kind: 'sobject.upsert',
  access: 'api',
  async handle(ctx) {
    const object = objectParam(ctx);
    const key = externalKeyParam(ctx, object, { allowId: true });
    const body = expectObject(await ctx.json());
    const outcome = upsertRecord(writeScope(ctx), object, key, ctx.params.value ?? '', body);
    if ('multiple' in outcome) {
      sendJson(
        ctx.res,
        300,
        outcome.multiple.map((id) => recordUrl(ctx.version, object.name, id)),
      );
      return;
    }
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.errors.map(toErrorBody));
    if (outcome.created) {
      sendJson(ctx.res, 201, { id: outcome.id, success: true, errors: [], created: true });
    } else if (Number(ctx.version) >= 46) {
      sendJson(ctx.res, 200, { id: outcome.id, success: true, errors: [], created: false });
    } else {
      sendNoContent(ctx.res);
    }
  },
};
