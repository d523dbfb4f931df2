import { executeQuery, type QueryContext, SoqlError } from '../../../../demo/api/soql/execute-query.ts';
import { context } from './fixture.ts';

/** The Name of each record the query returns, in order. */
export function names(soql: string, ctx: QueryContext = context()): unknown[] {
  return executeQuery(soql, ctx).records.map((record) => record.Name);
}

/** The SoqlError a query fails with; fails the test when the query succeeds. */
export function failure(soql: string, ctx: QueryContext = context()): SoqlError {
  try {
    executeQuery(soql, ctx);
  } catch (error) {
    if (error instanceof SoqlError) return error;
    throw error;
  }
  throw new Error(`expected the query to fail: ${soql}`);
}
