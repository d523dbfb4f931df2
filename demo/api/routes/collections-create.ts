import { ApiError } from '../api-error';
import { insertRecord } from '../dml/insert-record';
import { collectionBody, resultItem, runCollection, typeOf, withoutAttributes } from '../dml/run-collection';
import { writeScope } from '../dml/write-scope';
import { sendJson } from '../http';
import type { Route } from '../route';
import { versioned } from '../route';

/** `POST /composite/sobjects`: creates up to 200 records of any types; 200 with SaveResults. */
export const collectionsCreateRoute: Route = {
  method: 'POST',
  pattern: versioned('/composite/sobjects/?'),
  kind: 'collections.create',
  access: 'api',
  async handle(ctx) {
    const { allOrNone, records } = collectionBody(await ctx.json());
    const scope = writeScope(ctx);
    const objects = records.map((record) => {
      const object = ctx.org.schemaFor(scope.user).object(typeOf(record) ?? '');
      if (!object) {
        throw ApiError.of(400, 'INVALID_TYPE', `sObject type '${typeOf(record) ?? ''}' is not supported.`);
      }
      return object;
    });
    const { outcomes, rolledBack } = runCollection(
      ctx.org,
      allOrNone,
      records.map(
        (record, i) => () => insertRecord(scope, objects[i] as (typeof objects)[number], withoutAttributes(record)),
      ),
    );
    sendJson(
      ctx.res,
      200,
      outcomes.map((outcome) => resultItem(outcome, { rolledBack, upsert: false })),
    );
  },
};
