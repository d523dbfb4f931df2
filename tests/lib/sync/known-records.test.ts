import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BaseCopy } from '../../../lib/db/base-copy';
import type { SyncedTable } from '../../../lib/db/outbox-entry';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { RemoteRecord } from '../../../lib/salesforce/map-synced-record';
import { readKnownRecords } from '../../../lib/sync/known-records';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`known-records-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

const at = '2026-03-10T09:00:00.000Z';

function remote(table: SyncedTable, key: string, planKey = key): RemoteRecord {
  return {
    table,
    key,
    planKey,
    salesforceId: `a0P${key}`,
    systemModstamp: at,
    isDeleted: false,
    values: { key },
  };
}

function base(table: SyncedTable, key: string, planKey = key): BaseCopy {
  return { table, key, planKey, salesforceId: `a0P${key}`, systemModstamp: at, values: { goal: `base of ${key}` } };
}

/** Rows as the tables take them: only their keys matter to what is known. */
async function holds(table: 'plans' | 'objections', key: string, planKey = key): Promise<void> {
  const row = table === 'plans' ? { planKey: key, goal: `local ${key}` } : { objectionKey: key, planKey };
  await db.table(table).put(row);
}

describe('what this client knows of a pulled page', () => {
  it('finds each record’s local row, the plan of each objection, and only those of the page', async () => {
    await holds('plans', 'P1');
    await holds('plans', 'P2');
    await holds('objections', 'O1', 'P2');
    await holds('plans', 'elsewhere');
    const known = await readKnownRecords(db, [remote('plans', 'P1'), remote('objections', 'O1', 'P2')]);
    expect(known.row('plans', 'P1')).toMatchObject({ goal: 'local P1' });
    expect(known.row('plans', 'P2')).toMatchObject({ goal: 'local P2' });
    expect(known.row('objections', 'O1')).toMatchObject({ planKey: 'P2' });
    expect(known.row('plans', 'elsewhere')).toBeUndefined();
    expect(known.row('objections', 'P1')).toBeUndefined();
    expect(known.row('plans', 'O1')).toBeUndefined();
  });

  it('tells records new here from known ones', async () => {
    await holds('plans', 'P1');
    const known = await readKnownRecords(db, [
      remote('plans', 'P1'),
      remote('plans', 'P9'),
      remote('objections', 'O9', 'P9'),
    ]);
    expect(known.row('plans', 'P9')).toBeUndefined();
    expect(known.row('objections', 'O9')).toBeUndefined();
    expect(known.base('plans', 'P9')).toBeUndefined();
  });

  it('finds the last synced copies, by table and key', async () => {
    await db.bases.bulkPut([base('plans', 'P1'), base('objections', 'O1', 'P1'), base('plans', 'X')]);
    const known = await readKnownRecords(db, [remote('plans', 'P1'), remote('objections', 'O1', 'P1')]);
    expect(known.base('plans', 'P1')).toEqual(base('plans', 'P1'));
    expect(known.base('objections', 'O1')).toEqual(base('objections', 'O1', 'P1'));
    expect(known.base('plans', 'O1')).toBeUndefined();
    expect(known.base('plans', 'X')).toBeUndefined();
  });

  it('knows which records wait in the outbox, whatever their operation', async () => {
    await db.outbox.bulkAdd([
      { table: 'plans', key: 'P1', op: 'upsert', planKey: 'P1', at },
      { table: 'objections', key: 'O2', op: 'delete', planKey: 'P1', at },
    ]);
    const known = await readKnownRecords(db, [
      remote('plans', 'P1'),
      remote('objections', 'O1', 'P1'),
      remote('objections', 'O2', 'P1'),
    ]);
    expect(known.waiting('plans', 'P1')).toBe(true);
    expect(known.waiting('objections', 'O2')).toBe(true);
    expect(known.waiting('objections', 'O1')).toBe(false);
    expect(known.waiting('objections', 'P1')).toBe(false);
  });

  it('knows which records hold a conflict', async () => {
    await db.conflicts.put({
      table: 'objections',
      key: 'O1',
      planKey: 'P1',
      fields: [],
      remoteDeleted: true,
      remoteModstamp: null,
      detectedAt: at,
    });
    const known = await readKnownRecords(db, [remote('plans', 'P1'), remote('objections', 'O1', 'P1')]);
    expect(known.hasConflict('objections', 'O1')).toBe(true);
    expect(known.hasConflict('plans', 'P1')).toBe(false);
    expect(known.hasConflict('plans', 'O1')).toBe(false);
  });

  it('answers for what the page stored since, so later records of the page see it', async () => {
    const known = await readKnownRecords(db, [remote('plans', 'P1'), remote('objections', 'O1', 'P1')]);
    known.stored('plans', 'P1', { planKey: 'P1', goal: 'pulled' }, base('plans', 'P1'));
    expect(known.row('plans', 'P1')).toEqual({ planKey: 'P1', goal: 'pulled' });
    expect(known.base('plans', 'P1')).toEqual(base('plans', 'P1'));
    expect(known.row('objections', 'P1')).toBeUndefined();
    expect(known.base('objections', 'P1')).toBeUndefined();
  });

  it('knows nothing of an empty page', async () => {
    await holds('plans', 'P1');
    const known = await readKnownRecords(db, []);
    expect(known.row('plans', 'P1')).toBeUndefined();
    expect(known.waiting('plans', 'P1')).toBe(false);
  });
});
