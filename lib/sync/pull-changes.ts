import { isoDateTimeOf } from '../salesforce/field-values';
import { callPlanSync, remotePlanOf } from '../salesforce/map-call-plan';
import { meetingSelect, remoteMeetingOf } from '../salesforce/map-meeting';
import { objectionSync, remoteObjectionOf } from '../salesforce/map-objection';
import { opportunitySelect, remoteOpportunityOf } from '../salesforce/map-opportunity';
import { selectFieldsOf } from '../salesforce/map-synced-record';
import { remoteUserOf, userSelect } from '../salesforce/map-user';
import { changedSinceBase } from './changed-since-base';
import { parseRemote } from './parse-remote';
import { playbookTables } from './pull-playbook';
import { pullQuery } from './pull-query';
import type { QueryPage } from './salesforce-client';
import { soqlDate, soqlDateTime, where } from './soql';
import { storeMeetings, storeOpportunities, storeUsers } from './store-cache-records';
import { storeRemoteRecords } from './store-remote-records';
import type { SyncContext } from './sync-context';

/**
 * One sObject pulled incrementally: the records changed since its watermark (less an overlap for
 * transactions that committed late), deletions included through queryAll, in SystemModstamp
 * order, page by page. Each page is stored in one transaction together with the watermark moved
 * to its last SystemModstamp, so a stopped worker resumes where the last stored page ended.
 */
export interface PullStep {
  /** The sObject, also the name of its syncState row. */
  sobject: string;
  /** queryAll, to learn deletions from `IsDeleted = true`. */
  all: boolean;
  soql(ctx: SyncContext, since: Date | null): string;
  /** Stores one page; runs inside the page's transaction. */
  store(ctx: SyncContext, records: unknown[]): Promise<void>;
}

const daysMs = 24 * 60 * 60_000;
const daysBefore = (ctx: SyncContext, days: number) => new Date(ctx.now().getTime() - days * daysMs);
const since = (date: Date | null) => (date ? `SystemModstamp >= ${soqlDateTime(date)}` : null);
const ordered = ' ORDER BY SystemModstamp, Id';

export const planPull: PullStep = {
  sobject: callPlanSync.sobject,
  all: true,
  soql: (ctx, from) =>
    `SELECT ${selectFieldsOf(callPlanSync).join(', ')} FROM ${callPlanSync.sobject}` +
    where([since(from), `Call_At__c >= ${soqlDateTime(daysBefore(ctx, ctx.options.planWindowDays))}`]) +
    ordered,
  async store(ctx, records) {
    const plans = parseRemote(await changedSinceBase(ctx.db, callPlanSync, records), remotePlanOf, 'call plan');
    await storeRemoteRecords(ctx.db, ctx.session.userId, plans, ctx.now());
  },
};

export const objectionPull: PullStep = {
  sobject: objectionSync.sobject,
  all: true,
  soql: (ctx, from) =>
    `SELECT ${selectFieldsOf(objectionSync).join(', ')} FROM ${objectionSync.sobject}` +
    where([since(from), `Call_Plan__r.Call_At__c >= ${soqlDateTime(daysBefore(ctx, ctx.options.planWindowDays))}`]) +
    ordered,
  async store(ctx, records) {
    const fresh = await changedSinceBase(ctx.db, objectionSync, records);
    const objections = parseRemote(fresh, remoteObjectionOf, 'objection');
    await storeRemoteRecords(ctx.db, ctx.session.userId, objections, ctx.now());
  },
};

export const opportunityPull: PullStep = {
  sobject: 'Opportunity',
  all: true,
  soql: (ctx, from) =>
    `SELECT ${opportunitySelect.join(', ')} FROM Opportunity` +
    where([
      since(from),
      `IsClosed = false OR CloseDate >= ${soqlDate(daysBefore(ctx, ctx.options.closedOpportunityDays))}`,
    ]) +
    ordered,
  async store(ctx, records) {
    const at = ctx.now().toISOString();
    await storeOpportunities(
      ctx.db,
      parseRemote(records, (raw) => remoteOpportunityOf(raw, at), 'opportunity'),
    );
  },
};

export const meetingPull: PullStep = {
  sobject: 'Event',
  all: true,
  soql: (ctx, from) => {
    const ahead = new Date(ctx.now().getTime() + ctx.options.meetingsAheadDays * daysMs);
    return (
      `SELECT ${meetingSelect.join(', ')} FROM Event` +
      where([
        since(from),
        'WhatId != null',
        `StartDateTime >= ${soqlDateTime(daysBefore(ctx, ctx.options.meetingsPastDays))}`,
        `StartDateTime <= ${soqlDateTime(ahead)}`,
      ]) +
      ordered
    );
  },
  async store(ctx, records) {
    const at = ctx.now().toISOString();
    await storeMeetings(
      ctx.db,
      parseRemote(records, (raw) => remoteMeetingOf(raw, at), 'event'),
    );
  },
};

export const userPull: PullStep = {
  sobject: 'User',
  // Users are deactivated, never deleted.
  all: false,
  soql: (ctx, from) =>
    `SELECT ${userSelect.join(', ')} FROM User` +
    where([since(from), `Id = '${ctx.session.userId}' OR ManagerId = '${ctx.session.userId}'`]) +
    ordered,
  async store(ctx, records) {
    const at = ctx.now().toISOString();
    await storeUsers(
      ctx.db,
      parseRemote(records, (raw) => remoteUserOf(raw, at), 'user').map((user) => user.row),
    );
  },
};

/** Pulls one sObject's changes; returns how many records came. */
export async function pullChanges(ctx: SyncContext, step: PullStep): Promise<number> {
  return pullFrom(ctx, await pullOf(ctx, step));
}

/**
 * Pulls several sObjects' changes (plans and their objections), the first page of each asked in
 * one Composite request (one API call, not one per sObject); each is then stored and continued
 * (nextRecordsUrl) in the order given, as `pullChanges` would. `pulled` follows each sObject.
 */
export async function pullChangesTogether(
  ctx: SyncContext,
  steps: readonly PullStep[],
  pulled: (step: PullStep) => void = () => {},
): Promise<number> {
  const pulls: Pull[] = [];
  for (const step of steps) pulls.push(await pullOf(ctx, step));
  const firstPages =
    pulls.length > 1
      ? await ctx.salesforce.queryTogether(pulls.map((pull) => ({ soql: pull.soql, all: pull.step.all })))
      : [];
  // Read now: the pulls before a later one ask for their next pages, which are dated later.
  const answeredAt = firstPages.length > 0 ? (ctx.salesforce.answeredAt?.() ?? null) : null;
  let count = 0;
  for (const [index, pull] of pulls.entries()) {
    const page = firstPages[index];
    count += await pullFrom(ctx, pull, page ? { page, answeredAt } : undefined);
    pulled(pull.step);
  }
  return count;
}

/** One sObject's pull as decided before its first request: where it starts, and its query. */
interface Pull {
  step: PullStep;
  from: Date | null;
  startedAt: string;
  soql: string;
}

/**
 * How much later than its snapshot a query's answer may be dated: Salesforce ends a query that
 * runs longer than two minutes (QUERY_TIMEOUT), a Composite request runs two, and the answer
 * still travels. A pull's snapshot is taken no earlier than its answer's date less this.
 */
export const answerAfterSnapshotMs = 5 * 60_000;

/**
 * Where a pull starts: the overlap before its watermark (a change stamped earlier may commit
 * later), but never before what an earlier complete pull covered. Without that bound, a quiet
 * org's last five minutes of changes are read again by every pull, for as long as it stays quiet.
 */
async function pullOf(ctx: SyncContext, step: PullStep): Promise<Pull> {
  const state = await ctx.db.syncState.get(step.sobject);
  const watermark = state?.watermark ? Date.parse(state.watermark) : null;
  const covered = state?.coveredBefore ? Date.parse(state.coveredBefore) : Number.NaN;
  const reach = watermark === null ? null : watermark - ctx.options.overlapMs;
  const from = reach === null ? null : new Date(Number.isNaN(covered) ? reach : Math.max(reach, covered));
  return { step, from, startedAt: ctx.now().toISOString(), soql: step.soql(ctx, from) };
}

/** A first page already asked for, with the date Salesforce gave its answer. */
interface FirstPage {
  page: QueryPage;
  answeredAt: Date | null;
}

async function pullFrom(ctx: SyncContext, pull: Pull, first?: FirstPage): Promise<number> {
  const { db } = ctx;
  const { step, from, startedAt } = pull;
  let total = 0;
  // The first answer's date, read before any next page is asked for.
  let answeredAt: Date | null | undefined = first?.answeredAt;
  const onPage = async (records: unknown[], page: QueryPage, seen: number) => {
    if (answeredAt === undefined) answeredAt = ctx.salesforce.answeredAt?.() ?? null;
    total = Math.max(total, page.totalSize);
    const pageMark = lastModstamp(records);
    const done = page.done || !page.nextRecordsUrl;
    const covered =
      done && answeredAt
        ? new Date(answeredAt.getTime() - ctx.options.overlapMs - answerAfterSnapshotMs).toISOString()
        : null;
    await db.transaction('rw', [db.syncState, ...pageTables(ctx)], async () => {
      await step.store(ctx, records);
      const row = (await db.syncState.get(step.sobject)) ?? { name: step.sobject };
      await db.syncState.put({
        ...row,
        watermark: latest(row.watermark, pageMark),
        // A first pull that read every page has seen every id: it counts as a reconciliation.
        lastFullAt: from === null && done ? startedAt : (row.lastFullAt ?? null),
        ...(covered ? { coveredBefore: latest(row.coveredBefore, covered) } : {}),
      });
    });
    ctx.progress({ phase: 'pull', done: seen, total });
  };
  return pullQuery(ctx, pull.soql, { all: step.all }, onPage, first?.page);
}

/** The later of two ISO-8601 instants (either may be missing). */
function latest(a: string | null | undefined, b: string | null): string | null {
  const next = [a, b].filter((m): m is string => !!m).sort();
  return next[next.length - 1] ?? null;
}

function pageTables(ctx: SyncContext) {
  const { db } = ctx;
  return [
    db.plans,
    db.objections,
    db.outbox,
    db.bases,
    db.conflicts,
    db.rejections,
    db.opportunities,
    db.meetings,
    db.users,
    ...playbookTables(db),
  ];
}

function lastModstamp(records: readonly unknown[]): string | null {
  let last: string | null = null;
  for (const record of records) {
    const stamp = (record as { SystemModstamp?: unknown } | null)?.SystemModstamp;
    const iso = typeof stamp === 'string' ? isoDateTimeOf(stamp) : null;
    if (iso && (last === null || iso > last)) last = iso;
  }
  return last;
}
