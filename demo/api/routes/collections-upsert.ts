import { collectionBody, resultItem, runCollection, typeOf, withoutAttributes } from '../dml/run-collection';
import { failed, recordError } from '../dml/save-outcome';
import { upsertRecord } from '../dml/upsert-record';
import { writeScope } from '../dml/write-scope';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';
import { externalKeyParam, objectParam } from '../sobject-params';

/**
 * `PATCH /composite/sobjects/X/<ExtField>` (API ≥ 46): upserts up to 200 records of one type;
 * each result carries `created`. This is how the extension pushes its outbox.
 */
export const collectionsUpsertRoute: Route = {
  method: 'PATCH',
  pattern: versioned('/composite/sobjects/(?<sobject>\\w+)/(?<field>\\w+)/?'),
  kind: 'collections.upsert',
  access: 'api',
  async handle(ctx) {
    const object = objectParam(ctx);
    const key = externalKeyParam(ctx, object, { allowId: true });
    const { allOrNone, records } = collectionBody(await ctx.json());
    const scope = writeScope(ctx);
    const writes = records.map((record) => () => {
      const type = typeOf(record);
      if (type !== undefined && type.toLowerCase() !== object.name.toLowerCase()) {
        return failed(400, [recordError('INVALID_TYPE', `Record type ${type} does not match ${object.name}`, [])]);
      }
      const values = withoutAttributes(record);
      const valueKey = Object.keys(values).find((k) => k.toLowerCase() === key.name.toLowerCase());
      const value = valueKey === undefined ? undefined : values[valueKey];
      if (key.name !== 'Id' && (value === undefined || value === null || value === '')) {
        return failed(400, [
          recordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${key.name}]`, [key.name]),
        ]);
      }
      return upsertRecord(scope, object, key, value, values, true);
    });
    const { outcomes, rolledBack } = runCollection(ctx.org, allOrNone, writes);
    sendJson(
      ctx.res,
      200,
      outcomes.map((outcome) => resultItem(outcome, { rolledBack, upsert: true, keyField: key.name })),
    );
  },
};
