import { forgetPlan } from '../db/forget-plan';
import { normalizeRecordId } from '../model/record-id';
import { callPlanSync, remotePlanOf } from '../salesforce/map-call-plan';
import { meetingSelect, remoteMeetingOf } from '../salesforce/map-meeting';
import { objectionSync, remoteObjectionOf } from '../salesforce/map-objection';
import { opportunitySelect, remoteOpportunityOf } from '../salesforce/map-opportunity';
import { type RemoteRecord, selectFieldsOf } from '../salesforce/map-synced-record';
import { idChunksWithin } from './id-chunks';
import { parseRemote } from './parse-remote';
import { pullQuery } from './pull-query';
import { encodeSoql } from './query-uri';
import { soqlDateTime, soqlIdList } from './soql';
import { storeMeetings, storeOpportunities } from './store-cache-records';
import { storeRemoteRecords } from './store-remote-records';
import type { SyncContext } from './sync-context';

export interface OpportunityPull {
  /** Opportunities read from Salesforce now (fresh ones are skipped). */
  pulled: string[];
  /** Asked for, but Salesforce shows this user no such opportunity (not shared, or deleted). */
  notVisible: string[];
}

/**
 * Salesforce takes 16,384 bytes of URI and headers together per request (414 or 431 beyond):
 * the query's URI stays within 14,000, leaving the headers (session, user agent) ample room.
 */
const maxQueryUri = 14_000;
/** The path before the encoded query: `/services/data/vNN.N/query?q=`. */
const queryPath = '/services/data/v00.0/query?q='.length;
const daysMs = 24 * 60 * 60_000;

/** One child relationship of a queried record: null when there are no children. */
interface ChildResult {
  done?: boolean;
  nextRecordsUrl?: string;
  records?: unknown[];
}

/**
 * Pulls everything Precall shows for some opportunities, now, in one relationship query per
 * chunk of ids: each opportunity with its plans, their objections, and its meetings around now
 * (as many ids a chunk as the query URI holds: 500 and more). What Salesforce no longer returns
 * for an opportunity it returned (a plan, an objection or a meeting deleted there, in the recycle
 * bin or long gone) is deleted here too, edits not yet sent excepted. Opportunities pulled within
 * `freshForMs` are skipped unless `force`.
 */
export async function pullOpportunities(
  ctx: SyncContext,
  requested: readonly string[],
  options: { force?: boolean } = {},
): Promise<OpportunityPull> {
  const { db } = ctx;
  const now = ctx.now();
  const ids = [...new Set(requested.map((id) => normalizeRecordId(id)).filter((id): id is string => id !== null))];
  const fresh = new Set(
    options.force
      ? []
      : (await db.opportunities.bulkGet(ids))
          .filter(
            (row) => row?.plansFetchedAt && now.getTime() - Date.parse(row.plansFetchedAt) < ctx.options.freshForMs,
          )
          .map((row) => row?.id as string),
  );
  const from = new Date(now.getTime() - ctx.options.meetingsPastDays * daysMs);
  const to = new Date(now.getTime() + ctx.options.meetingsAheadDays * daysMs);
  const soql = (idList: string) =>
    `SELECT ${opportunitySelect.join(', ')}, ` +
    `(SELECT ${selectFieldsOf(callPlanSync).join(', ')}, (SELECT ${selectFieldsOf(objectionSync).join(', ')} FROM Objections__r) FROM Call_Plans__r), ` +
    `(SELECT ${meetingSelect.join(', ')} FROM Events WHERE StartDateTime >= ${soqlDateTime(from)} AND StartDateTime <= ${soqlDateTime(to)}) ` +
    `FROM Opportunity WHERE Id IN (${idList})`;
  // 15-character ids name the same records in fewer characters: more ids a query. Only ids go
  // into the SOQL (normalised above; checked again here), never anything quoted as one.
  const literal = (id: string) => soqlIdList([id.slice(0, 15)]).slice(1, -1);
  const chunks = idChunksWithin(
    ids.filter((id) => !fresh.has(id)),
    queryPath + encodeSoql(soql('')).length,
    (id) => encodeSoql(`${literal(id)},`).length,
    maxQueryUri,
  );
  const result: OpportunityPull = { pulled: [], notVisible: [] };
  for (const batch of chunks) {
    ctx.checkpoint('pull opportunities');
    const at = now.toISOString();
    const visible = new Set<string>();
    const seen = new Set<string>();
    await pullQuery(ctx, soql(batch.map(literal).join(',')), { all: false }, async (records) => {
      const opportunities = parseRemote(records, (raw) => remoteOpportunityOf(raw, at), 'opportunity');
      for (const opportunity of opportunities) visible.add(opportunity.row.id);
      await storeOpportunities(db, opportunities, at);
      const planRecords: unknown[] = [];
      const objectionRecords: unknown[] = [];
      const meetingRecords: unknown[] = [];
      for (const record of records as Record<string, unknown>[]) {
        for (const plan of await childRecords(ctx, record.Call_Plans__r)) {
          planRecords.push(plan);
          objectionRecords.push(...(await childRecords(ctx, (plan as Record<string, unknown>).Objections__r)));
        }
        meetingRecords.push(...(await childRecords(ctx, record.Events)));
      }
      const plans = parseRemote(planRecords, remotePlanOf, 'call plan');
      const objections = parseRemote(objectionRecords, remoteObjectionOf, 'objection');
      for (const record of [...plans, ...objections]) seen.add(record.salesforceId);
      await storeRemoteRecords(db, ctx.session.userId, plans, ctx.now());
      await storeRemoteRecords(db, ctx.session.userId, objections, ctx.now());
      const meetings = parseRemote(meetingRecords, (raw) => remoteMeetingOf(raw, at), 'event');
      for (const meeting of meetings) seen.add(meeting.id);
      await storeMeetings(db, meetings);
    });
    const shown = batch.filter((id) => visible.has(id));
    result.pulled.push(...shown);
    const hidden = batch.filter((id) => !visible.has(id));
    result.notVisible.push(...hidden);
    await forgetUnchangedPlansOf(ctx, hidden);
    if (shown.length === 0) continue;
    await goneFromSalesforce(ctx, shown, seen);
    await meetingsGone(ctx, shown, seen, from, to);
  }
  return result;
}

/**
 * Every record of a child relationship: Salesforce may send a large one in batches, the rest
 * behind its own `nextRecordsUrl`.
 */
async function childRecords(ctx: SyncContext, value: unknown): Promise<unknown[]> {
  let child = value as ChildResult | null | undefined;
  const records = [...(child?.records ?? [])];
  while (child && child.done === false && child.nextRecordsUrl) {
    ctx.checkpoint('query page');
    child = await ctx.salesforce.queryMore(child.nextRecordsUrl);
    records.push(...(child.records ?? []));
  }
  return records;
}

/**
 * Plans and objections synced here for these opportunities that Salesforce returned no trace
 * of: deleted there.
 */
async function goneFromSalesforce(ctx: SyncContext, opportunityIds: readonly string[], seen: ReadonlySet<string>) {
  const { db } = ctx;
  const plans = await db.plans
    .where('opportunityId')
    .anyOf([...opportunityIds])
    .toArray();
  const bases = await db.bases
    .where('planKey')
    .anyOf(plans.map((plan) => plan.planKey))
    .toArray();
  const gone: RemoteRecord[] = bases
    .filter((base) => !seen.has(base.salesforceId))
    // Plans before their objections: a plan edited here becomes a conflict that keeps its
    // objections, which then are no longer untouched and stay for the rep's choice.
    .sort((a, b) => (a.table === b.table ? 0 : a.table === 'plans' ? -1 : 1))
    .map((base) => ({ ...baseRecord(base), isDeleted: true }));
  if (gone.length > 0) await storeRemoteRecords(db, ctx.session.userId, gone, ctx.now());
}

/** Meetings kept here for these opportunities, within the window asked for, that Salesforce no longer has. */
async function meetingsGone(
  ctx: SyncContext,
  opportunityIds: readonly string[],
  seen: ReadonlySet<string>,
  from: Date,
  to: Date,
) {
  const inWindow = (startAt: string | null) =>
    startAt !== null && Date.parse(startAt) >= from.getTime() && Date.parse(startAt) <= to.getTime();
  const gone = (
    await ctx.db.meetings
      .where('opportunityId')
      .anyOf([...opportunityIds])
      .toArray()
  ).filter((meeting) => !seen.has(meeting.id) && inWindow(meeting.startAt));
  if (gone.length > 0) await ctx.db.meetings.bulkDelete(gone.map((meeting) => meeting.id));
}

/** An opportunity this user can no longer see takes its untouched plans with it. */
async function forgetUnchangedPlansOf(ctx: SyncContext, opportunityIds: readonly string[]) {
  const { db } = ctx;
  if (opportunityIds.length === 0) return;
  const plans = await db.plans
    .where('opportunityId')
    .anyOf([...opportunityIds])
    .toArray();
  for (const plan of plans) {
    const base = await db.bases.get(['plans', plan.planKey]);
    const changed = (await db.outbox.where('planKey').equals(plan.planKey).count()) > 0;
    if (base && !changed) await forgetPlan(db, plan.planKey);
  }
  await db.opportunities.bulkDelete([...opportunityIds]);
}

function baseRecord(base: {
  table: 'plans' | 'objections';
  key: string;
  planKey: string;
  salesforceId: string;
  systemModstamp: string;
  values: Record<string, unknown>;
}): Omit<RemoteRecord, 'isDeleted'> {
  return {
    table: base.table,
    key: base.key,
    planKey: base.planKey,
    salesforceId: base.salesforceId,
    systemModstamp: base.systemModstamp,
    values: base.values,
  };
}
