import type { Connection } from 'jsforce';
import * as z from 'zod/mini';
import { BackgroundError } from '../background/background-error';
import type { Session } from '../messaging/protocol';
import { lastAnsweredAt } from '../salesforce/connection';
import type { SalesforceAccess } from '../salesforce/salesforce-access';
import type { ApiUsage } from './backoff';
import { classifyRequestError, type RecordError } from './classify-result';
import { encodeSoql } from './query-uri';
import { SyncFailure } from './sync-failure';

/** One page of a query as Salesforce answers it. */
export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: unknown[];
}

/** One item of an sObject Collections answer, in request order. */
export interface SaveResult {
  id?: string;
  success: boolean;
  errors: RecordError[];
}

/**
 * The REST calls sync makes, on one connection per run. A 401 renews the session once and
 * retries; a second 401 (or no sign-in to renew from) is `signed-out`. Every other failure
 * becomes a SyncFailure of its kind. Answers are checked with zod before sync reads them.
 */
export interface SalesforceClient {
  query(soql: string, options?: { all?: boolean }): Promise<QueryPage>;
  /**
   * Several queries in one Composite request, which Salesforce counts as one API call; answers
   * each query's first page, in order. A query Salesforce refuses fails the whole call, as it
   * would on its own.
   */
  queryTogether(queries: readonly { soql: string; all?: boolean }[]): Promise<QueryPage[]>;
  queryMore(nextRecordsUrl: string): Promise<QueryPage>;
  /** sObject Collections upsert on an External ID, ≤ 200 records, allOrNone false. */
  upsert(sobject: string, externalIdField: string, records: readonly Record<string, unknown>[]): Promise<SaveResult[]>;
  /** sObject Collections delete by id, ≤ 200 ids, allOrNone false. */
  destroy(ids: readonly string[]): Promise<SaveResult[]>;
  /** The daily API usage from the last answer's Sforce-Limit-Info, if any. */
  apiUsage(): ApiUsage | null;
  /** When Salesforce dated its last answer (its `Date` header), by its clock; null if it did not. */
  answeredAt?(): Date | null;
  /** An sObject's describe (the playbook reads the Opportunity stages from it). */
  describe?(sobject: string): Promise<SObjectDescribe>;
}

/** A schema built on its first use, not when the worker starts (zod 4 builds eagerly). */
function built<T>(make: () => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= make();
    return schema;
  };
}

const describeSchema = built(() =>
  z.looseObject({
    fields: z.array(
      z.looseObject({
        name: z.string(),
        picklistValues: z.optional(
          z.array(
            z.looseObject({
              value: z.string(),
              label: z.optional(z.nullable(z.string())),
              active: z.optional(z.boolean()),
            }),
          ),
        ),
      }),
    ),
  }),
);

export type SObjectDescribe = z.infer<ReturnType<typeof describeSchema>>;

const pageSchema = built(() =>
  z.looseObject({
    totalSize: z.number(),
    done: z.boolean(),
    nextRecordsUrl: z.optional(z.string()),
    records: z.array(z.unknown()),
  }),
);

/** Salesforce's limit on query subrequests in one Composite request. */
export const maxQueriesTogether = 5;

const compositeSchema = built(() =>
  z.looseObject({
    compositeResponse: z.array(
      z.looseObject({ body: z.unknown(), httpStatusCode: z.number(), referenceId: z.string() }),
    ),
  }),
);

const saveResultsSchema = built(() =>
  z.array(
    z.looseObject({
      id: z.optional(z.nullable(z.string())),
      success: z.boolean(),
      errors: z.array(
        z.looseObject({ statusCode: z.string(), message: z.string(), fields: z.optional(z.array(z.string())) }),
      ),
    }),
  ),
);

/** Lets the org's event logs attribute these calls to Precall. */
const callOptions = { 'Sforce-Call-Options': 'client=Precall' };

export function createSalesforceClient(access: SalesforceAccess, session: Session): SalesforceClient {
  let connection: Connection | null = null;
  let renewed = false;

  async function connect(renew: boolean): Promise<Connection> {
    try {
      connection = renew ? await access.renew(session) : (connection ?? (await access.connect(session)));
      return connection;
    } catch (error) {
      if (error instanceof BackgroundError && error.code === 'not-signed-in') {
        throw new SyncFailure('signed-out', 'not-signed-in', error.message);
      }
      const failure = classifyRequestError(error);
      throw new SyncFailure(
        failure.kind === 'unauthorized' ? 'signed-out' : failure.kind,
        failure.code,
        failure.message,
      );
    }
  }

  async function call<T>(send: (conn: Connection) => Promise<unknown>, schema: z.ZodMiniType<T>): Promise<T> {
    let answer: unknown;
    try {
      answer = await send(await connect(false));
    } catch (error) {
      const failure = classifyRequestError(error);
      if (failure.kind !== 'unauthorized') {
        if (error instanceof SyncFailure) throw error;
        throw new SyncFailure(failure.kind, failure.code, failure.message);
      }
      if (renewed) throw new SyncFailure('signed-out', failure.code, failure.message);
      // One renewal per run: a fresh sign-in, or the end of it.
      renewed = true;
      try {
        answer = await send(await connect(true));
      } catch (retryError) {
        if (retryError instanceof SyncFailure) throw retryError;
        const again = classifyRequestError(retryError);
        throw new SyncFailure(again.kind === 'unauthorized' ? 'signed-out' : again.kind, again.code, again.message);
      }
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      throw new SyncFailure('error', 'MALFORMED_RESPONSE', `Salesforce answered in a form Precall cannot read`);
    }
    return parsed.data;
  }

  return {
    query(soql, options = {}) {
      const resource = options.all ? 'queryAll' : 'query';
      return call(
        (conn) => conn.request({ method: 'GET', url: `/${resource}?q=${encodeSoql(soql)}`, headers: callOptions }),
        pageSchema(),
      );
    },
    async queryTogether(queries) {
      if (queries.length > maxQueriesTogether) {
        throw new Error(`At most ${maxQueriesTogether} queries go in one Composite request`);
      }
      const answers = await call(async (conn) => {
        const base = `/services/data/v${conn.version}`;
        const compositeRequest = queries.map((query, index) => ({
          method: 'GET',
          url: `${base}/${query.all ? 'queryAll' : 'query'}?q=${encodeSoql(query.soql)}`,
          referenceId: `query${index}`,
        }));
        const answer = compositeSchema().safeParse(
          await conn.request({
            method: 'POST',
            url: '/composite',
            body: JSON.stringify({ allOrNone: false, compositeRequest }),
            headers: { ...callOptions, 'content-type': 'application/json' },
          }),
        );
        if (!answer.success) {
          throw new SyncFailure('error', 'MALFORMED_RESPONSE', 'Salesforce answered in a form Precall cannot read');
        }
        const byReference = new Map(answer.data.compositeResponse.map((item) => [item.referenceId, item]));
        return compositeRequest.map(({ referenceId }) => {
          const item = byReference.get(referenceId);
          if (item && item.httpStatusCode >= 400) throw subrequestError(item.httpStatusCode, item.body);
          return item?.body;
        });
      }, z.array(pageSchema()));
      return answers;
    },
    queryMore(nextRecordsUrl) {
      return call((conn) => conn.request({ method: 'GET', url: nextRecordsUrl, headers: callOptions }), pageSchema());
    },
    async upsert(sobject, externalIdField, records) {
      if (records.length === 0) return [];
      const results = await call(
        (conn) =>
          conn.request({
            method: 'PATCH',
            url: `/composite/sobjects/${sobject}/${externalIdField}`,
            body: JSON.stringify({ allOrNone: false, records }),
            headers: { ...callOptions, 'content-type': 'application/json' },
          }),
        saveResultsSchema(),
      );
      return results.map(toSaveResult);
    },
    async destroy(ids) {
      if (ids.length === 0) return [];
      const results = await call(
        (conn) =>
          conn.request({
            method: 'DELETE',
            url: `/composite/sobjects?ids=${ids.join(',')}&allOrNone=false`,
            headers: callOptions,
          }),
        saveResultsSchema(),
      );
      return results.map(toSaveResult);
    },
    describe(sobject) {
      return call(
        (conn) => conn.request({ method: 'GET', url: `/sobjects/${sobject}/describe`, headers: callOptions }),
        describeSchema(),
      );
    },
    answeredAt: () => lastAnsweredAt(connection),
    apiUsage() {
      const usage = (connection as { limitInfo?: { apiUsage?: ApiUsage } } | null)?.limitInfo?.apiUsage;
      return usage ? { used: usage.used, limit: usage.limit } : null;
    },
  };
}

/**
 * A failed subrequest as jsforce reports a failed request of its own (`HttpApiError`: the error
 * code as name and errorCode, Salesforce's message), so it is classified the same way.
 */
function subrequestError(status: number, body: unknown): Error {
  const first = (Array.isArray(body) ? body[0] : body) as { errorCode?: unknown; message?: unknown } | undefined;
  const hasMessage = typeof first?.message === 'string';
  const code = hasMessage && typeof first?.errorCode === 'string' ? first.errorCode : `ERROR_HTTP_${status}`;
  const error = new Error(hasMessage ? (first?.message as string) : JSON.stringify(body));
  error.name = code;
  return Object.assign(error, { errorCode: code, data: first });
}

function toSaveResult(result: z.infer<ReturnType<typeof saveResultsSchema>>[number]): SaveResult {
  const saved: SaveResult = { success: result.success, errors: result.errors };
  if (result.id) saved.id = result.id;
  return saved;
}
