import { normalizeRecordId } from '../../../lib/model/record-id';
import { ApiError } from '../api-error';
import { sendJson } from '../http';
import { pageOf } from '../query-locators';
import { type Route, versioned } from '../route';

/**
 * `GET /query/<locator>-<offset>` (and `/queryAll/…`): the next batch of an open cursor. jsforce
 * always asks `/query/` with its own version, whatever the first call used.
 */
export const queryMoreRoute: Route = {
  method: 'GET',
  pattern: versioned('/(?:query|queryAll)/(?<locator>01g[a-zA-Z0-9]{12,15})-(?<offset>\\d+)'),
  kind: 'queryMore',
  access: 'api',
  handle(ctx) {
    const cursorId = normalizeRecordId(ctx.params.locator ?? '');
    const cursor = cursorId ? ctx.state.locators.get(cursorId, ctx.user().Id) : undefined;
    const offset = Number(ctx.params.offset);
    if (!cursor || !cursorId || offset > cursor.records.length) {
      throw ApiError.of(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    const page = pageOf(
      cursor.records,
      cursor.totalSize,
      offset,
      cursor.batchSize,
      (next) => `/services/data/v${ctx.version}/query/${cursorId}-${next}`,
    );
    sendJson(ctx.res, 200, page);
  },
};
