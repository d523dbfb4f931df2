import { forgetPlan } from '../db/forget-plan';
import { normalizeRecordId } from '../model/record-id';
import { callPlanSync, remotePlanOf } from '../salesforce/map-call-plan';
import { meetingSelect, remoteMeetingOf } from '../salesforce/map-meeting';
import { objectionSync, remoteObjectionOf } from '../salesforce/map-objection';
import { opportunitySelect, remoteOpportunityOf } from '../salesforce/map-opportunity';
import { type RemoteRecord, selectFieldsOf } from '../salesforce/map-synced-record';
import { parseRemote } from './parse-remote';
import { pullQuery } from './pull-query';
import { chunks, soqlDateTime, soqlIdList } from './soql';
import { storeMeetings, storeOpportunities } from './store-cache-records';
import { storeRemoteRecords } from './store-remote-records';
import type { SyncContext } from './sync-context';

export interface OpportunityPull {
  /** Opportunities read from Salesforce now (fresh ones are skipped). */
  pulled: string[];
  /** Asked for, but Salesforce shows this user no such opportunity (not shared, or deleted). */
  notVisible: string[];
}

/** Ids per query: SOQL `IN` lists stay well inside Salesforce's query length limits. */
const idsPerQuery = 200;
const daysMs = 24 * 60 * 60_000;

/**
 * Pulls everything Precall shows for some opportunities, now: the opportunities themselves,
 * their plans (deleted ones included, through queryAll) with their objections, and their
 * meetings around now. One query per 200 ids per sObject; opportunities pulled within
 * `freshForMs` are skipped unless `force`. A plan kept here that Salesforce no longer has for
 * the opportunity is treated as deleted there.
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
  const result: OpportunityPull = { pulled: [], notVisible: [] };
  for (const batch of chunks(
    ids.filter((id) => !fresh.has(id)),
    idsPerQuery,
  )) {
    ctx.checkpoint('pull opportunities');
    const at = now.toISOString();
    const visible = new Set<string>();
    await pullQuery(
      ctx,
      `SELECT ${opportunitySelect.join(', ')} FROM Opportunity WHERE Id IN ${soqlIdList(batch)}`,
      { all: false },
      async (records) => {
        const opportunities = parseRemote(records, (raw) => remoteOpportunityOf(raw, at), 'opportunity');
        for (const opportunity of opportunities) visible.add(opportunity.row.id);
        await storeOpportunities(db, opportunities, at);
      },
    );
    const shown = batch.filter((id) => visible.has(id));
    result.pulled.push(...shown);
    const hidden = batch.filter((id) => !visible.has(id));
    result.notVisible.push(...hidden);
    await forgetUnchangedPlansOf(ctx, hidden);
    if (shown.length === 0) continue;

    const seenPlans = new Set<string>();
    await pullQuery(
      ctx,
      `SELECT ${selectFieldsOf(callPlanSync).join(', ')} FROM ${callPlanSync.sobject} WHERE Opportunity__c IN ${soqlIdList(shown)}`,
      { all: true },
      async (records) => {
        const plans = parseRemote(records, remotePlanOf, 'call plan');
        for (const plan of plans) seenPlans.add(plan.salesforceId);
        await storeRemoteRecords(db, ctx.session.userId, plans, ctx.now());
      },
    );
    await pullQuery(
      ctx,
      `SELECT ${selectFieldsOf(objectionSync).join(', ')} FROM ${objectionSync.sobject} WHERE Call_Plan__r.Opportunity__c IN ${soqlIdList(shown)}`,
      { all: true },
      async (records) => {
        await storeRemoteRecords(
          db,
          ctx.session.userId,
          parseRemote(records, remoteObjectionOf, 'objection'),
          ctx.now(),
        );
      },
    );
    await goneFromSalesforce(ctx, shown, seenPlans);
    const from = new Date(now.getTime() - ctx.options.meetingsPastDays * daysMs);
    const to = new Date(now.getTime() + ctx.options.meetingsAheadDays * daysMs);
    await pullQuery(
      ctx,
      `SELECT ${meetingSelect.join(', ')} FROM Event WHERE WhatId IN ${soqlIdList(shown)} AND StartDateTime >= ${soqlDateTime(from)} AND StartDateTime <= ${soqlDateTime(to)}`,
      { all: true },
      async (records) => {
        await storeMeetings(
          db,
          parseRemote(records, (raw) => remoteMeetingOf(raw, at), 'event'),
        );
      },
    );
  }
  return result;
}

/** Plans synced here for these opportunities that Salesforce returned no trace of. */
async function goneFromSalesforce(ctx: SyncContext, opportunityIds: readonly string[], seen: ReadonlySet<string>) {
  const { db } = ctx;
  const plans = await db.plans
    .where('opportunityId')
    .anyOf([...opportunityIds])
    .toArray();
  const gone: RemoteRecord[] = [];
  for (const plan of plans) {
    const base = await db.bases.get(['plans', plan.planKey]);
    if (!base || seen.has(base.salesforceId)) continue;
    gone.push({ ...baseRecord(base), isDeleted: true });
  }
  if (gone.length > 0) await storeRemoteRecords(db, ctx.session.userId, gone, ctx.now());
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
