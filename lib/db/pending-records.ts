import type { SyncedTable } from './outbox-entry';
import type { PrecallDb } from './precall-db';

/** The outbox by record: one entry per changed record, however many edits it had. */
export interface PendingRecord {
  table: SyncedTable;
  key: string;
  planKey: string;
  /** The newest entry: a push covers every entry up to it. */
  maxSeq: number;
  /** A push of this record went out and its answer never came: Salesforce may have it. */
  sentUnanswered: boolean;
}

export async function pendingRecords(db: PrecallDb): Promise<PendingRecord[]> {
  const byRecord = new Map<string, PendingRecord>();
  await db.outbox.orderBy('seq').each((entry) => {
    const id = `${entry.table}:${entry.key}`;
    const known = byRecord.get(id);
    const seq = entry.seq ?? 0;
    const sent = entry.sent !== undefined;
    if (!known) {
      byRecord.set(id, {
        table: entry.table,
        key: entry.key,
        planKey: entry.planKey,
        maxSeq: seq,
        sentUnanswered: sent,
      });
    } else {
      known.maxSeq = Math.max(known.maxSeq, seq);
      known.sentUnanswered ||= sent;
    }
  });
  return [...byRecord.values()];
}
