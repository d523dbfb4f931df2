import type { ApiContext } from '../api-context';
import { ApiError } from '../api-error';
import { sendJson } from '../http';
import { queryContextFor } from '../query-context-for';
import { batchSizeOf, pageOf } from '../query-locators';
import { type Route, versioned } from '../route';
import { executeQuery } from '../soql/execute-query';

/**
 * `GET /query?q=` and `GET /queryAll?q=`: runs the SOQL as the caller, answers the first batch
 * and keeps the rest behind a locator (`nextRecordsUrl`), as Salesforce pages results.
 */
function runQuery(ctx: ApiContext, includeDeleted: boolean): void {
  const soql = ctx.url.searchParams.get('q');
  if (soql === null || soql.trim() === '')
    throw ApiError.of(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const user = ctx.user();
  const result = executeQuery(soql, queryContextFor(ctx.org, user, ctx.version, includeDeleted));
  if (result.count) {
    sendJson(ctx.res, 200, { totalSize: result.totalSize, done: true, records: [] });
    return;
  }
  const batchSize = batchSizeOf(ctx.req.headers['sforce-query-options'], ctx.state.defaultBatchSize);
  let locator: string | null = null;
  const page = pageOf(result.records, result.totalSize, 0, batchSize, (next) => {
    locator ??= ctx.state.locators.open(result.records, result.totalSize, batchSize, user.Id);
    return `/services/data/v${ctx.version}/query/${locator}-${next}`;
  });
  sendJson(ctx.res, 200, page);
}

export const queryRoute: Route = {
  method: 'GET',
  pattern: versioned('/query/?'),
  kind: 'query',
  access: 'api',
  handle: (ctx) => runQuery(ctx, false),
};

export const queryAllRoute: Route = {
  method: 'GET',
  pattern: versioned('/queryAll/?'),
  kind: 'queryAll',
  access: 'api',
  handle: (ctx) => runQuery(ctx, true),
};
