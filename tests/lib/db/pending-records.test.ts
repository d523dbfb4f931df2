import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../lib/db/outbox-entry';
import { pendingRecords } from '../../../lib/db/pending-records';
import { PrecallDb } from '../../../lib/db/precall-db';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`pending-records-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

type Entry = Pick<OutboxEntry, 'table' | 'key'> & { sent?: boolean };
const entry = ({ table, key, sent }: Entry): OutboxEntry => ({
  table,
  key,
  op: 'upsert',
  planKey: table === 'plans' ? key : `plan-of-${key}`,
  at: '2026-03-10T09:00:00.000Z',
  ...(sent ? { sent: { goal: 'as sent' } } : {}),
});

describe('the outbox by record', () => {
  it.each<[string, Entry[], { key: string; maxSeq: number; sentUnanswered: boolean; planKey: string }[]]>([
    ['nothing waiting', [], []],
    [
      'one record edited three times: one record, its newest entry',
      [
        { table: 'plans', key: 'p1' },
        { table: 'plans', key: 'p1' },
        { table: 'plans', key: 'p1' },
      ],
      [{ key: 'p1', maxSeq: 3, sentUnanswered: false, planKey: 'p1' }],
    ],
    [
      'records in the order their first change was made, a plan and its objection apart',
      [
        { table: 'objections', key: 'o1' },
        { table: 'plans', key: 'p1' },
        { table: 'objections', key: 'o1' },
      ],
      [
        { key: 'o1', maxSeq: 3, sentUnanswered: false, planKey: 'plan-of-o1' },
        { key: 'p1', maxSeq: 2, sentUnanswered: false, planKey: 'p1' },
      ],
    ],
    [
      'a push sent and unanswered, then an edit: still possibly in Salesforce',
      [
        { table: 'plans', key: 'p1', sent: true },
        { table: 'plans', key: 'p1' },
      ],
      [{ key: 'p1', maxSeq: 2, sentUnanswered: true, planKey: 'p1' }],
    ],
    [
      'an edit, then a push of it sent and unanswered',
      [
        { table: 'plans', key: 'p1' },
        { table: 'plans', key: 'p1', sent: true },
      ],
      [{ key: 'p1', maxSeq: 2, sentUnanswered: true, planKey: 'p1' }],
    ],
    [
      'sent for one record only',
      [
        { table: 'plans', key: 'p1', sent: true },
        { table: 'plans', key: 'p2' },
      ],
      [
        { key: 'p1', maxSeq: 1, sentUnanswered: true, planKey: 'p1' },
        { key: 'p2', maxSeq: 2, sentUnanswered: false, planKey: 'p2' },
      ],
    ],
  ])('%s', async (_, entries, expected) => {
    for (const each of entries) await db.outbox.add(entry(each));
    const pending = await pendingRecords(db);
    expect(
      pending.map(({ key, maxSeq, sentUnanswered, planKey }) => ({ key, maxSeq, sentUnanswered, planKey })),
    ).toEqual(expected);
    for (const [index, record] of pending.entries()) {
      expect(record.table).toBe(expected[index]?.key.startsWith('o') ? 'objections' : 'plans');
    }
  });

  it('a plan and an objection sharing a key stay two records', async () => {
    await db.outbox.add(entry({ table: 'plans', key: 'same' }));
    await db.outbox.add({ ...entry({ table: 'objections', key: 'same' }), planKey: 'other' });
    expect((await pendingRecords(db)).map((record) => `${record.table}:${record.key}`)).toEqual([
      'plans:same',
      'objections:same',
    ]);
  });
});
