import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import {
  answerAfterSnapshotMs,
  meetingPull,
  objectionPull,
  opportunityPull,
  type PullStep,
  planPull,
  pullChanges,
  pullChangesTogether,
  userPull,
} from '../../../lib/sync/pull-changes';
import type { QueryPage, SalesforceClient } from '../../../lib/sync/salesforce-client';
import { defaultSyncOptions, type SyncContext } from '../../../lib/sync/sync-context';

const now = new Date('2026-03-10T09:00:00.000Z');
const session = {
  userId: '0055g00000Rly01AAB',
  dbName: 'precall-test',
} as Session;

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`pull-changes-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

interface Asked {
  queries: { soql: string; all?: boolean }[];
  together: { soql: string; all?: boolean }[][];
  more: string[];
  progress: unknown[];
}

/** A context whose Salesforce answers each query with the pages given for its first word. */
function contextFor(
  pagesOf: (soql: string) => QueryPage[],
  checkpoint: (step: string) => void = () => {},
  /** The dates Salesforce gives its answers, one per request, in order; none: it dates none. */
  dates?: string[],
) {
  const asked: Asked = { queries: [], together: [], more: [], progress: [] };
  let answeredAt: Date | null = null;
  const dated = <T>(answer: T): T => {
    const date = dates?.shift();
    if (date) answeredAt = new Date(date);
    return answer;
  };
  const rest = new Map<string, QueryPage>();
  const answer = (soql: string): QueryPage => {
    const pages = pagesOf(soql);
    pages.forEach((page, index) => {
      const next = pages[index + 1];
      if (next && page.nextRecordsUrl) rest.set(page.nextRecordsUrl, next);
    });
    return pages[0] ?? { totalSize: 0, done: true, records: [] };
  };
  const salesforce = {
    async query(soql: string, options?: { all?: boolean }) {
      asked.queries.push({ soql, all: options?.all });
      return dated(answer(soql));
    },
    async queryTogether(queries: { soql: string; all?: boolean }[]) {
      asked.together.push(queries);
      return dated(queries.map((query) => answer(query.soql)));
    },
    async queryMore(url: string) {
      asked.more.push(url);
      const page = rest.get(url);
      if (!page) throw new Error(`no page at ${url}`);
      return dated(page);
    },
    ...(dates ? { answeredAt: () => answeredAt } : {}),
  } as unknown as SalesforceClient;
  const ctx: SyncContext = {
    db,
    session,
    salesforce,
    options: defaultSyncOptions,
    now: () => now,
    progress: (progress) => asked.progress.push(progress),
    checkpoint,
  };
  return { ctx, asked };
}

const stamped = (stamp: unknown) => ({ Id: 'x', SystemModstamp: stamp });

/** A step that stores nothing: the watermark logic is what is under test. */
function thing(stored: unknown[][] = []): PullStep {
  return {
    sobject: 'Thing__c',
    all: true,
    soql: (_ctx, from) => `SELECT Id FROM Thing__c ${from ? `SINCE ${from.toISOString()}` : 'ALL'}`,
    async store(_ctx, records) {
      stored.push(records);
    },
  };
}

describe('the queries each pull sends', () => {
  const { ctx } = contextFor(() => []);
  const from = new Date('2026-03-09T08:00:00.000Z');

  it.each<[string, PullStep, Date | null, string]>([
    [
      'plans, first pull: every plan whose call is within 90 days back',
      planPull,
      null,
      'FROM Call_Plan__c WHERE (Call_At__c >= 2025-12-10T09:00:00Z) ORDER BY SystemModstamp, Id',
    ],
    [
      'plans, then: only those changed since',
      planPull,
      from,
      'FROM Call_Plan__c WHERE (SystemModstamp >= 2026-03-09T08:00:00Z) AND (Call_At__c >= 2025-12-10T09:00:00Z) ORDER BY SystemModstamp, Id',
    ],
    [
      'objections, by their plan’s call',
      objectionPull,
      null,
      'FROM Call_Plan_Objection__c WHERE (Call_Plan__r.Call_At__c >= 2025-12-10T09:00:00Z) ORDER BY SystemModstamp, Id',
    ],
    [
      'opportunities, open or closed within 90 days',
      opportunityPull,
      from,
      'FROM Opportunity WHERE (SystemModstamp >= 2026-03-09T08:00:00Z) AND (IsClosed = false OR CloseDate >= 2025-12-10) ORDER BY SystemModstamp, Id',
    ],
    [
      'meetings on a record, 90 days back to 60 ahead',
      meetingPull,
      null,
      'FROM Event WHERE (WhatId != null) AND (StartDateTime >= 2025-12-10T09:00:00Z) AND (StartDateTime <= 2026-05-09T09:00:00Z) ORDER BY SystemModstamp, Id',
    ],
    [
      'the user and their team',
      userPull,
      null,
      "FROM User WHERE (Id = '0055g00000Rly01AAB' OR ManagerId = '0055g00000Rly01AAB') ORDER BY SystemModstamp, Id",
    ],
  ])('%s', (_, step, since, tail) => {
    const soql = step.soql(ctx, since);
    expect(soql.slice(soql.indexOf(' FROM ') + 1)).toBe(tail);
    expect(soql).toMatch(/^SELECT Id, \S/);
  });

  it('selects every field each copy reads', () => {
    expect(planPull.soql(ctx, null)).toContain('Plan_Key__c, Opportunity__c, Call_At__c');
    expect(objectionPull.soql(ctx, null)).toContain('Call_Plan__r.Plan_Key__c FROM');
    expect(opportunityPull.soql(ctx, null)).toContain('Account.Name');
    expect(meetingPull.soql(ctx, null)).toContain('StartDateTime, EndDateTime, OwnerId');
    expect(userPull.soql(ctx, null)).toContain('SELECT Id, Name, ManagerId, SystemModstamp FROM User');
  });

  it('learns deletions through queryAll, except for users, who are never deleted', () => {
    expect([planPull, objectionPull, opportunityPull, meetingPull, userPull].map((step) => step.all)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('pulling one object', () => {
  it('a first pull reads every page, moves the watermark to the latest stamp, and counts as a full pull', async () => {
    const stored: unknown[][] = [];
    const { ctx, asked } = contextFor(() => [
      {
        totalSize: 3,
        done: false,
        nextRecordsUrl: '/next/1',
        // Out of order: the latest stamp of a page counts, wherever it is.
        records: [stamped('2026-03-05T10:00:00.000+0000'), stamped('2026-03-01T10:00:00.000+0000')],
      },
      { totalSize: 3, done: true, records: [stamped('2026-03-03T10:00:00.000+0000')] },
    ]);
    expect(await pullChanges(ctx, thing(stored))).toBe(3);
    expect(asked.queries).toEqual([{ soql: 'SELECT Id FROM Thing__c ALL', all: true }]);
    expect(asked.more).toEqual(['/next/1']);
    expect(stored.map((page) => page.length)).toEqual([2, 1]);
    expect(await db.syncState.get('Thing__c')).toEqual({
      name: 'Thing__c',
      watermark: '2026-03-05T10:00:00.000Z',
      lastFullAt: now.toISOString(),
    });
    expect(asked.progress).toEqual([
      { phase: 'pull', done: 2, total: 3 },
      { phase: 'pull', done: 3, total: 3 },
    ]);
  });

  it('a later pull reaches back the overlap before its watermark, and is no full pull', async () => {
    await db.syncState.put({
      name: 'Thing__c',
      watermark: '2026-03-05T10:00:00.000Z',
      lastFullAt: '2026-03-01T00:00:00.000Z',
    });
    const { ctx, asked } = contextFor(() => [
      { totalSize: 1, done: true, records: [stamped('2026-03-06T10:00:00.000+0000')] },
    ]);
    await pullChanges(ctx, thing());
    const from = new Date(Date.parse('2026-03-05T10:00:00.000Z') - defaultSyncOptions.overlapMs);
    expect(asked.queries[0]?.soql).toBe(`SELECT Id FROM Thing__c SINCE ${from.toISOString()}`);
    expect(await db.syncState.get('Thing__c')).toMatchObject({
      watermark: '2026-03-06T10:00:00.000Z',
      lastFullAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it('a page in SystemModstamp order moves the watermark to its last record', async () => {
    const { ctx } = contextFor(() => [
      {
        totalSize: 3,
        done: true,
        records: [
          stamped('2026-03-01T10:00:00.000+0000'),
          stamped('2026-03-03T10:00:00.000+0000'),
          stamped('2026-03-05T10:00:00.000+0000'),
        ],
      },
    ]);
    await pullChanges(ctx, thing());
    expect((await db.syncState.get('Thing__c'))?.watermark).toBe('2026-03-05T10:00:00.000Z');
  });

  it('never moves the watermark back for records the overlap brings again', async () => {
    await db.syncState.put({ name: 'Thing__c', watermark: '2026-03-05T10:00:00.000Z', lastFullAt: null });
    const { ctx } = contextFor(() => [
      {
        totalSize: 2,
        done: true,
        records: [stamped('2026-03-05T09:59:00.000+0000'), stamped(null), stamped('not a time'), null],
      },
    ]);
    await pullChanges(ctx, thing());
    expect(await db.syncState.get('Thing__c')).toMatchObject({
      watermark: '2026-03-05T10:00:00.000Z',
      lastFullAt: null,
    });
  });

  it('leaves no watermark when nothing came, but still counts a first pull as full', async () => {
    const { ctx } = contextFor(() => [{ totalSize: 0, done: true, records: [] }]);
    expect(await pullChanges(ctx, thing())).toBe(0);
    expect(await db.syncState.get('Thing__c')).toEqual({
      name: 'Thing__c',
      watermark: null,
      lastFullAt: now.toISOString(),
    });
  });

  it('a first pull stopped between pages keeps the pages it stored, and is no full pull yet', async () => {
    const { ctx } = contextFor(
      () => [
        { totalSize: 2, done: false, nextRecordsUrl: '/next/1', records: [stamped('2026-03-01T10:00:00.000+0000')] },
        { totalSize: 2, done: true, records: [stamped('2026-03-02T10:00:00.000+0000')] },
      ],
      (step) => {
        throw new Error(`stopped at ${step}`);
      },
    );
    await expect(pullChanges(ctx, thing())).rejects.toThrow('stopped at query page');
    expect(await db.syncState.get('Thing__c')).toEqual({
      name: 'Thing__c',
      watermark: '2026-03-01T10:00:00.000Z',
      lastFullAt: null,
    });
  });

  it('a page without a next link ends the pull, even when Salesforce says it is not done', async () => {
    const { ctx, asked } = contextFor(() => [
      { totalSize: 5, done: false, records: [stamped('2026-03-01T10:00:00.000+0000')] },
    ]);
    expect(await pullChanges(ctx, thing())).toBe(1);
    expect(asked.more).toEqual([]);
    expect((await db.syncState.get('Thing__c'))?.lastFullAt).toBe(now.toISOString());
  });
});

describe('a record Precall cannot read stops the pull, named', () => {
  it.each<[string, PullStep]>([
    ['a call plan', planPull],
    ['an objection', objectionPull],
    ['an opportunity', opportunityPull],
    ['an event', meetingPull],
    ['a user', userPull],
  ])('%s', async (what, step) => {
    const { ctx } = contextFor(() => []);
    await expect(step.store(ctx, [{ Id: 'a0P5gR000000001AAA', SystemModstamp: 42 }])).rejects.toThrow(
      `Salesforce sent ${what} (a0P5gR000000001AAA) Precall cannot read`,
    );
  });
});

describe('pulling several objects together', () => {
  it('asks the first pages in one request, then stores and continues each in order', async () => {
    const pulled: string[] = [];
    const other = { ...thing(), sobject: 'Other__c', all: false, soql: () => 'SELECT Id FROM Other__c' };
    const { ctx, asked } = contextFor((soql) =>
      soql.includes('Other__c')
        ? [{ totalSize: 1, done: true, records: [stamped('2026-03-02T10:00:00.000+0000')] }]
        : [
            {
              totalSize: 2,
              done: false,
              nextRecordsUrl: '/next/t',
              records: [stamped('2026-03-01T10:00:00.000+0000')],
            },
            { totalSize: 2, done: true, records: [stamped('2026-03-04T10:00:00.000+0000')] },
          ],
    );
    expect(await pullChangesTogether(ctx, [thing(), other], (step) => pulled.push(step.sobject))).toBe(3);
    expect(asked.together).toEqual([
      [
        { soql: 'SELECT Id FROM Thing__c ALL', all: true },
        { soql: 'SELECT Id FROM Other__c', all: false },
      ],
    ]);
    expect(asked.queries).toEqual([]);
    expect(asked.more).toEqual(['/next/t']);
    expect(pulled).toEqual(['Thing__c', 'Other__c']);
    expect((await db.syncState.get('Thing__c'))?.watermark).toBe('2026-03-04T10:00:00.000Z');
    expect((await db.syncState.get('Other__c'))?.watermark).toBe('2026-03-02T10:00:00.000Z');
  });

  it('asks one object’s first page on its own', async () => {
    const { ctx, asked } = contextFor(() => [{ totalSize: 0, done: true, records: [] }]);
    await pullChangesTogether(ctx, [thing()]);
    expect(asked.together).toEqual([]);
    expect(asked.queries).toHaveLength(1);
  });
});

describe('a pull reaches back no further than an earlier complete pull covered', () => {
  const reach = defaultSyncOptions.overlapMs + answerAfterSnapshotMs;
  const coveredBy = (date: string) => new Date(Date.parse(date) - reach).toISOString();

  it('a complete pull covers up to its first answer’s date, less the overlap and the answer’s delay', async () => {
    const { ctx } = contextFor(() => [
      { totalSize: 2, done: false, nextRecordsUrl: '/next/1', records: [stamped('2026-03-01T10:00:00.000+0000')] },
      { totalSize: 2, done: true, records: [stamped('2026-03-02T10:00:00.000+0000')] },
    ], () => {}, ['2026-03-10T09:00:00.000Z', '2026-03-10T09:00:40.000Z']);
    await pullChanges(ctx, thing());
    // The snapshot is the first answer's: the second page is dated later but read from it.
    expect((await db.syncState.get('Thing__c'))?.coveredBefore).toBe(coveredBy('2026-03-10T09:00:00.000Z'));
  });

  it('in a quiet org, the next pull starts at what was covered, not the overlap before an old watermark', async () => {
    // A data load on the 1st, nothing since: the overlap alone would read the whole load again.
    await db.syncState.put({
      name: 'Thing__c',
      watermark: '2026-03-01T10:00:00.000Z',
      coveredBefore: '2026-03-10T08:50:00.000Z',
    });
    const { ctx, asked } = contextFor(() => [{ totalSize: 0, done: true, records: [] }]);
    await pullChanges(ctx, thing());
    expect(asked.queries[0]?.soql).toBe('SELECT Id FROM Thing__c SINCE 2026-03-10T08:50:00.000Z');
  });

  it('in a busy org, the overlap before a recent watermark is the later start and wins', async () => {
    await db.syncState.put({
      name: 'Thing__c',
      watermark: '2026-03-10T09:00:00.000Z',
      coveredBefore: '2026-03-10T08:00:00.000Z',
    });
    const { ctx, asked } = contextFor(() => [{ totalSize: 0, done: true, records: [] }]);
    await pullChanges(ctx, thing());
    const from = new Date(Date.parse('2026-03-10T09:00:00.000Z') - defaultSyncOptions.overlapMs).toISOString();
    expect(asked.queries[0]?.soql).toBe(`SELECT Id FROM Thing__c SINCE ${from}`);
  });

  it('a first pull reads everything, whatever was covered', async () => {
    await db.syncState.put({ name: 'Thing__c', watermark: null, coveredBefore: '2026-03-10T08:50:00.000Z' });
    const { ctx, asked } = contextFor(() => [{ totalSize: 0, done: true, records: [] }]);
    await pullChanges(ctx, thing());
    expect(asked.queries[0]?.soql).toBe('SELECT Id FROM Thing__c ALL');
  });

  it('a pull stopped between pages covers nothing new', async () => {
    await db.syncState.put({
      name: 'Thing__c',
      watermark: '2026-03-01T10:00:00.000Z',
      coveredBefore: '2026-03-05T00:00:00.000Z',
    });
    const { ctx } = contextFor(
      () => [
        { totalSize: 2, done: false, nextRecordsUrl: '/next/1', records: [stamped('2026-03-06T10:00:00.000+0000')] },
        { totalSize: 2, done: true, records: [stamped('2026-03-07T10:00:00.000+0000')] },
      ],
      (step) => {
        throw new Error(`stopped at ${step}`);
      },
      ['2026-03-10T09:00:00.000Z'],
    );
    await expect(pullChanges(ctx, thing())).rejects.toThrow('stopped at query page');
    expect(await db.syncState.get('Thing__c')).toMatchObject({
      watermark: '2026-03-06T10:00:00.000Z',
      coveredBefore: '2026-03-05T00:00:00.000Z',
    });
  });

  it('never moves what was covered back', async () => {
    await db.syncState.put({
      name: 'Thing__c',
      watermark: '2026-03-01T10:00:00.000Z',
      coveredBefore: '2026-03-10T08:59:00.000Z',
    });
    // Salesforce's clock went back (or an answer was dated early): what was covered stays.
    const { ctx } = contextFor(() => [{ totalSize: 0, done: true, records: [] }], () => {}, [
      '2026-03-09T00:00:00.000Z',
    ]);
    await pullChanges(ctx, thing());
    expect((await db.syncState.get('Thing__c'))?.coveredBefore).toBe('2026-03-10T08:59:00.000Z');
  });

  it('an undated answer covers nothing: the next pull reaches back the overlap, as before', async () => {
    const { ctx } = contextFor(() => [{ totalSize: 0, done: true, records: [] }], () => {}, []);
    await pullChanges(ctx, thing());
    expect((await db.syncState.get('Thing__c'))?.coveredBefore).toBeUndefined();
  });

  it('objects pulled together are covered from the Composite answer’s date, not from later pages', async () => {
    const other = { ...thing(), sobject: 'Other__c', all: false, soql: () => 'SELECT Id FROM Other__c' };
    const { ctx } = contextFor((soql) =>
      soql.includes('Other__c')
        ? [{ totalSize: 0, done: true, records: [] }]
        : [
            {
              totalSize: 2,
              done: false,
              nextRecordsUrl: '/next/t',
              records: [stamped('2026-03-01T10:00:00.000+0000')],
            },
            { totalSize: 2, done: true, records: [stamped('2026-03-04T10:00:00.000+0000')] },
          ], () => {}, ['2026-03-10T09:00:00.000Z', '2026-03-10T09:03:00.000Z']);
    await pullChangesTogether(ctx, [thing(), other]);
    expect((await db.syncState.get('Thing__c'))?.coveredBefore).toBe(coveredBy('2026-03-10T09:00:00.000Z'));
    expect((await db.syncState.get('Other__c'))?.coveredBefore).toBe(coveredBy('2026-03-10T09:00:00.000Z'));
  });
});
