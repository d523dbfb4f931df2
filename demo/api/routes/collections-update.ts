import { ApiError } from '../api-error';
import { collectionBody, resultItem, runCollection, typeOf, withoutAttributes } from '../dml/run-collection';
import { failed, recordError } from '../dml/save-outcome';
import { updateRecord } from '../dml/update-record';
import { writeScope } from '../dml/write-scope';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';
import { idOf, malformedIdMessage } from '../sobject-params';

/** `PATCH /composite/sobjects`: updates by `id` (jsforce writes it lower-case) up to 200 records. */
export const collectionsUpdateRoute: Route = {
  method: 'PATCH',
  pattern: versioned('/composite/sobjects/?'),
  kind: 'collections.update',
  access: 'api',
  async handle(ctx) {
    const { allOrNone, records } = collectionBody(await ctx.json());
    const scope = writeScope(ctx);
    const writes = records.map((record) => {
      const object = ctx.org.schemaFor(scope.user).object(typeOf(record) ?? '');
      if (!object) throw ApiError.of(400, 'INVALID_TYPE', `sObject type '${typeOf(record) ?? ''}' is not supported.`);
      const { id: lower, Id: upper, ...values } = withoutAttributes(record);
      const raw = typeof upper === 'string' ? upper : typeof lower === 'string' ? lower : '';
      return () => {
        if (raw === '') return failed(400, [recordError('MISSING_ARGUMENT', 'Id not specified in an update call', [])]);
        const id = idOf(object, raw);
        if (!id) return failed(400, [recordError('MALFORMED_ID', malformedIdMessage(object, raw), ['Id'])], raw);
        return updateRecord(scope, object, id, values, true);
      };
    });
    const { outcomes, rolledBack } = runCollection(ctx.org, allOrNone, writes);
    sendJson(
      ctx.res,
      200,
      outcomes.map((outcome, i) => {
        const record = records[i] as Record<string, unknown>;
        const inputId = String(record.id ?? record.Id ?? '') || undefined;
        return resultItem(outcome, { rolledBack, upsert: false, inputId });
      }),
    );
  },
};
