import type { PlaybookOutboxEntry } from '../db/playbook-rows';
import type { PrecallDb } from '../db/precall-db';
import { classifyRecordErrors } from './classify-result';
import { type PlaybookObject, type PlaybookTable, playbookObjects } from './playbook-fields';
import { playbookUpsertOf } from './playbook-records';
import { playbookTables } from './pull-playbook';
import { maxRecordsPerRequest } from './push-outbox';
import type { SaveResult } from './salesforce-client';
import { chunks } from './soql';
import type { SyncContext } from './sync-context';
import { SyncFailure } from './sync-failure';

export interface PlaybookPushReport {
  acknowledged: number;
  rejected: number;
  waiting: number;
  requests: number;
}

interface Pending {
  table: PlaybookTable;
  key: string;
  playbookKey: string;
  maxSeq: number;
  op: 'upsert' | 'delete';
  salesforceId: string | null;
}

/**
 * Sends a manager's playbook changes: each changed record once, as it is now, upserted on its
 * External ID through sObject Collections (≤ 200 a request, allOrNone false, playbooks before
 * their stages and objections), removed records deleted by Salesforce id. Confirmed records
 * leave the outbox (exactly the entries sent) and learn their id; refused ones keep the entry
 * with Salesforce's reason and wait for the next change; the rest wait for the next run.
 * Nothing waiting, no request.
 */
export async function pushPlaybook(ctx: SyncContext): Promise<PlaybookPushReport> {
  const report: PlaybookPushReport = { acknowledged: 0, rejected: 0, waiting: 0, requests: 0 };
  const { db } = ctx;
  if ((await db.playbookOutbox.count()) === 0) return report;
  const pending = pendingOf(await db.playbookOutbox.toArray());

  for (const object of playbookObjects) {
    const upserts: { pending: Pending; row: Record<string, unknown> }[] = [];
    for (const record of pending.filter((p) => p.table === object.table && p.op === 'upsert')) {
      const row = (await db[object.table].get(record.key)) as Record<string, unknown> | undefined;
      if (!row) continue;
      // Stages and objections are created through their playbook: only once Salesforce has it.
      if (object.parent && !row.salesforceId) {
        const playbook = await db.playbooks.get(record.playbookKey);
        if (!playbook?.salesforceId) {
          report.waiting += 1;
          continue;
        }
      }
      upserts.push({ pending: record, row });
    }
    for (const batch of chunks(upserts, maxRecordsPerRequest)) {
      ctx.checkpoint(`push ${object.sobject}`);
      const records = batch.map((u) => playbookUpsertOf(object, u.row, !u.row.salesforceId));
      const results = await ctx.salesforce.upsert(object.sobject, object.externalIdField, records);
      report.requests += 1;
      checkCount(results, batch.length);
      await db.transaction('rw', playbookTables(db), async () => {
        for (const [index, upsert] of batch.entries()) {
          await settle(db, object, upsert.pending, results[index] as SaveResult, 'upsert', ctx.now(), report);
        }
      });
    }
  }

  // A deleted playbook takes its stages and objections with it in Salesforce.
  const deletedPlaybooks = new Set(
    pending.filter((p) => p.table === 'playbooks' && p.op === 'delete').map((p) => p.key),
  );
  const deletes = pending.filter((p) => p.op === 'delete');
  const sendable = deletes.filter(
    (p) => p.salesforceId && (p.table === 'playbooks' || !deletedPlaybooks.has(p.playbookKey)),
  );
  await db.transaction('rw', playbookTables(db), async () => {
    for (const record of deletes.filter((p) => !sendable.includes(p))) await removeCovered(db, record);
  });
  for (const batch of chunks(sendable, maxRecordsPerRequest)) {
    ctx.checkpoint('push playbook deletes');
    const results = await ctx.salesforce.destroy(batch.map((p) => p.salesforceId ?? ''));
    report.requests += 1;
    checkCount(results, batch.length);
    await db.transaction('rw', playbookTables(db), async () => {
      for (const [index, record] of batch.entries()) {
        const object = playbookObjects.find((o) => o.table === record.table) as PlaybookObject;
        await settle(db, object, record, results[index] as SaveResult, 'delete', ctx.now(), report);
      }
    });
  }
  return report;
}

/** Entries by record: the latest operation, less those refused and not changed since. */
function pendingOf(entries: readonly PlaybookOutboxEntry[]): Pending[] {
  const byRecord = new Map<string, { latest: PlaybookOutboxEntry; refusedUpTo: number }>();
  for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const id = `${entry.table}:${entry.key}`;
    const known = byRecord.get(id);
    const refusedUpTo = entry.refused ? (entry.seq ?? 0) : (known?.refusedUpTo ?? -1);
    byRecord.set(id, { latest: entry, refusedUpTo });
  }
  return [...byRecord.values()]
    .filter(({ latest, refusedUpTo }) => (latest.seq ?? 0) > refusedUpTo)
    .map(({ latest }) => ({
      table: latest.table,
      key: latest.key,
      playbookKey: latest.playbookKey,
      maxSeq: latest.seq ?? 0,
      op: latest.op,
      salesforceId: latest.salesforceId,
    }));
}

async function settle(
  db: PrecallDb,
  object: PlaybookObject,
  record: Pending,
  result: SaveResult,
  op: 'upsert' | 'delete',
  now: Date,
  report: PlaybookPushReport,
): Promise<void> {
  const verdict = result.success ? null : classifyRecordErrors(result.errors, op);
  if (verdict === null || verdict.kind === 'gone') {
    await removeCovered(db, record);
    if (op === 'upsert' && result.id) {
      await db[object.table].update(record.key, { salesforceId: result.id } as never);
    }
    report.acknowledged += 1;
  } else if (verdict.kind === 'rejected') {
    await db.playbookOutbox.update(record.maxSeq, {
      refused: { code: verdict.code, message: verdict.message, at: now.toISOString() },
    });
    report.rejected += 1;
  } else report.waiting += 1;
}

/** Removes exactly the entries a push covered; a newer edit keeps its own entry. */
async function removeCovered(db: PrecallDb, record: Pending): Promise<void> {
  await db.playbookOutbox
    .where('[table+key]')
    .equals([record.table, record.key])
    .filter((entry) => (entry.seq ?? 0) <= record.maxSeq)
    .delete();
}

function checkCount(results: readonly SaveResult[], expected: number): void {
  if (results.length !== expected) {
    throw new SyncFailure(
      'error',
      'MALFORMED_RESPONSE',
      `Salesforce answered ${results.length} results for ${expected} records`,
    );
  }
}
