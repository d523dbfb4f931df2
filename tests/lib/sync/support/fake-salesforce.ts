import type { PrecallDb } from '../../../../lib/db/precall-db';
import type { Session } from '../../../../lib/messaging/protocol';
import type { ApiUsage } from '../../../../lib/salesforce/connection';
import type { QueryPage, SalesforceClient, SaveResult } from '../../../../lib/sync/salesforce-client';
import { defaultSyncOptions, type SyncContext, type SyncOptions } from '../../../../lib/sync/sync-context';
import { now, rep } from './synced-rows';

export type SalesforceCall =
  | { kind: 'query'; soql: string; all: boolean | undefined }
  | { kind: 'queryMore'; url: string }
  | { kind: 'upsert'; sobject: string; externalIdField: string; records: Record<string, unknown>[] }
  | { kind: 'destroy'; ids: string[] };

export interface FakeAnswers {
  query?: (soql: string, options?: { all?: boolean }) => QueryPage | Promise<QueryPage>;
  queryMore?: (url: string) => QueryPage | Promise<QueryPage>;
  upsert?: (sobject: string, records: readonly Record<string, unknown>[]) => SaveResult[] | Promise<SaveResult[]>;
  destroy?: (ids: readonly string[]) => SaveResult[] | Promise<SaveResult[]>;
}

export const saved = (id: string): SaveResult => ({ id, success: true, errors: [] });
export const refused = (statusCode: string, message: string, fields?: string[]): SaveResult => ({
  success: false,
  errors: [{ statusCode, message, ...(fields ? { fields } : {}) }],
});
export const page = (records: unknown[], nextRecordsUrl?: string): QueryPage => ({
  totalSize: records.length,
  done: nextRecordsUrl === undefined,
  ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
  records,
});

/**
 * A Salesforce that answers as the test says and remembers every call, with the checkpoints a
 * run passed in between, in order.
 */
export function fakeSync(
  db: PrecallDb,
  answers: FakeAnswers = {},
  extra: { userId?: string; now?: () => Date; options?: Partial<SyncOptions> } = {},
) {
  const calls: SalesforceCall[] = [];
  const steps: string[] = [];
  const salesforce: SalesforceClient = {
    async query(soql, options) {
      calls.push({ kind: 'query', soql, all: options?.all });
      steps.push('query');
      return (await answers.query?.(soql, options)) ?? page([]);
    },
    async queryTogether() {
      throw new Error('not expected');
    },
    async queryMore(url) {
      calls.push({ kind: 'queryMore', url });
      steps.push('queryMore');
      return (await answers.queryMore?.(url)) ?? page([]);
    },
    async upsert(sobject, externalIdField, records) {
      calls.push({ kind: 'upsert', sobject, externalIdField, records: [...records] });
      steps.push(`upsert ${sobject}`);
      return (await answers.upsert?.(sobject, records)) ?? records.map((_, i) => saved(`a00${sobject}${i}`));
    },
    async destroy(ids) {
      calls.push({ kind: 'destroy', ids: [...ids] });
      steps.push('destroy');
      return (await answers.destroy?.(ids)) ?? ids.map((id) => saved(id));
    },
    apiUsage: () => null,
  };
  const progress: { phase: string; done: number; total: number }[] = [];
  const ctx: SyncContext = {
    db,
    session: { userId: extra.userId ?? rep } as Session,
    salesforce,
    options: { ...defaultSyncOptions, ...extra.options },
    now: extra.now ?? (() => now),
    progress: (p) => progress.push(p),
    checkpoint: (step) => steps.push(`checkpoint ${step}`),
  };
  return { ctx, calls, steps, progress };
}

const emptyPage: QueryPage = { totalSize: 0, done: true, records: [] };

/**
 * A Salesforce with nothing in it, for tests of whole runs: it notes every query, lets `fail`
 * throw before answering one, and reports the API usage `usage` gives.
 */
export function quietSalesforce(options: { fail?: () => void; usage?: () => ApiUsage | null } = {}) {
  const queries: string[] = [];
  const client: SalesforceClient = {
    async query(soql) {
      queries.push(soql);
      options.fail?.();
      return emptyPage;
    },
    async queryTogether(list) {
      queries.push(...list.map((q) => q.soql));
      options.fail?.();
      return list.map(() => emptyPage);
    },
    async queryMore() {
      return emptyPage;
    },
    async upsert() {
      return [];
    },
    async destroy() {
      return [];
    },
    apiUsage: () => options.usage?.() ?? null,
  };
  return { client, queries };
}
