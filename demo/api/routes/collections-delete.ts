import { normalizeRecordId } from '../../../lib/model/record-id';
import { exceededIdLimit } from '../api-error';
import { deleteRecord } from '../dml/delete-record';
import { maxCollectionRecords, resultItem, runCollection } from '../dml/run-collection';
import { failed, recordError } from '../dml/save-outcome';
import { writeScope } from '../dml/write-scope';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';

/** `DELETE /composite/sobjects?ids=a,b[&allOrNone=true]`: the object follows from each id's prefix. */
export const collectionsDeleteRoute: Route = {
  method: 'DELETE',
  pattern: versioned('/composite/sobjects/?'),
  kind: 'collections.delete',
  access: 'api',
  handle(ctx) {
    const ids = (ctx.url.searchParams.get('ids') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length > maxCollectionRecords) throw exceededIdLimit();
    const allOrNone = ctx.url.searchParams.get('allOrNone') === 'true';
    const scope = writeScope(ctx);
    const writes = ids.map((raw) => () => {
      const id = normalizeRecordId(raw);
      const object = id ? ctx.org.schema.objects.find((o) => o.keyPrefix === id.slice(0, 3)) : undefined;
      if (!id || !object) return failed(400, [recordError('MALFORMED_ID', `malformed id ${raw}`, [])], raw);
      return deleteRecord(scope, object, id, true);
    });
    const { outcomes, rolledBack } = runCollection(ctx.org, allOrNone, writes);
    sendJson(
      ctx.res,
      200,
      outcomes.map((outcome, i) => resultItem(outcome, { rolledBack, upsert: false, inputId: ids[i] })),
    );
  },
};
