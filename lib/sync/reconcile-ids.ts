import Dexie from 'dexie';
import { callPlanSync } from '../salesforce/map-call-plan';
import { objectionSync } from '../salesforce/map-objection';
import type { RemoteRecord, SyncedObject } from '../salesforce/map-synced-record';
import { pullQuery } from './pull-query';
import { soqlDateTime } from './soql';
import { storeRemoteRecords } from './store-remote-records';
import type { SyncContext } from './sync-context';

const daysMs = 24 * 60 * 60_000;

/**
 * Salesforce keeps deleted records (and queryAll sees them) for about 15 days; a client away
 * longer would never learn those deletions. So every `reconcileEveryMs` the ids Salesforce still
 * has are read (ids only, 2000 a page) and every synced local record missing from them is
 * treated as deleted there: gone if untouched here, a conflict if the rep changed it.
 */
export async function reconcileIfDue(ctx: SyncContext): Promise<boolean> {
  const plans = await ctx.db.syncState.get(callPlanSync.sobject);
  if (!plans?.watermark) return false;
  const last = plans.lastFullAt ? Date.parse(plans.lastFullAt) : 0;
  if (ctx.now().getTime() - last < ctx.options.reconcileEveryMs) return false;
  const windowStart = new Date(ctx.now().getTime() - ctx.options.planWindowDays * daysMs);
  await reconcile(ctx, callPlanSync, `Call_At__c >= ${soqlDateTime(windowStart)}`, windowStart);
  await reconcile(ctx, objectionSync, `Call_Plan__r.Call_At__c >= ${soqlDateTime(windowStart)}`, windowStart);
  return true;
}

async function reconcile(ctx: SyncContext, object: SyncedObject, inWindow: string, windowStart: Date): Promise<void> {
  const { db } = ctx;
  const startedAt = ctx.now().toISOString();
  const ids = new Set<string>();
  await pullQuery(ctx, `SELECT Id FROM ${object.sobject} WHERE ${inWindow}`, { all: false }, async (records) => {
    for (const record of records) {
      const id = (record as { Id?: unknown }).Id;
      if (typeof id === 'string') ids.add(id);
    }
  });
  const bases = await db.bases
    .where('[table+key]')
    .between([object.table, Dexie.minKey], [object.table, Dexie.maxKey])
    .toArray();
  const gone: RemoteRecord[] = [];
  for (const base of bases) {
    if (ids.has(base.salesforceId)) continue;
    // Outside the window the query could not have returned it: not a deletion.
    const plan = await db.plans.get(base.planKey);
    const callAt = (plan?.callAt ?? (object.table === 'plans' ? base.values.callAt : undefined)) as string | undefined;
    if (!callAt || Date.parse(callAt) < windowStart.getTime()) continue;
    gone.push({
      table: base.table,
      key: base.key,
      planKey: base.planKey,
      salesforceId: base.salesforceId,
      systemModstamp: base.systemModstamp,
      isDeleted: true,
      values: base.values,
    });
  }
  if (gone.length > 0) await storeRemoteRecords(db, ctx.session.userId, gone, ctx.now());
  await db.transaction('rw', db.syncState, async () => {
    const row = (await db.syncState.get(object.sobject)) ?? { name: object.sobject };
    await db.syncState.put({ ...row, lastFullAt: startedAt });
  });
}
