import { beforeEach, describe, expect, it } from 'vitest';
import { forgetObjection, forgetPlan } from '../../../lib/db/forget-plan';
import type { SyncedTable } from '../../../lib/db/outbox-entry';
import { PrecallDb } from '../../../lib/db/precall-db';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';

const now = new Date('2026-03-10T12:00:00.000Z');
const at = now.toISOString();
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});

/** A plan with two objections, each with a synced copy, a waiting change, a conflict and a rejection. */
async function seedPlan(planKey: string) {
  const { objections: _none, ...fresh } = newCallPlan('0065g00000Nwd01AAB', now, () => planKey);
  await db.plans.put({ ...fresh, ownerId: '0055g00000Rly01AAB' });
  const records: [SyncedTable, string][] = [
    ['plans', planKey],
    ['objections', `${planKey}-o1`],
    ['objections', `${planKey}-o2`],
  ];
  for (const [table, key] of records) {
    if (table === 'objections') {
      await db.objections.put({ ...newObjection(0, true, () => key), planKey });
    }
    await db.outbox.put({ table, key, op: 'upsert', planKey, at });
    await db.bases.put({ table, key, planKey, salesforceId: `a0X${key}`, systemModstamp: at, values: {} });
    await db.conflicts.put({
      table,
      key,
      planKey,
      fields: [],
      remoteDeleted: true,
      remoteModstamp: at,
      detectedAt: at,
    });
    await db.rejections.put({
      table,
      key,
      planKey,
      seq: 1,
      code: 'REQUIRED_FIELD_MISSING',
      message: 'x',
      fields: [],
      at,
    });
  }
}

/** What each table still holds, as table:key. */
async function held() {
  const synced = async (rows: Promise<{ table: string; key: string }[]>) =>
    (await rows).map((r) => `${r.table}:${r.key}`).sort();
  return {
    plans: (await db.plans.toArray()).map((p) => p.planKey).sort(),
    objections: (await db.objections.toArray()).map((o) => o.objectionKey).sort(),
    outbox: await synced(db.outbox.toArray()),
    bases: await synced(db.bases.toArray()),
    conflicts: await synced(db.conflicts.toArray()),
    rejections: await synced(db.rejections.toArray()),
  };
}

const everything = (planKey: string) => [`objections:${planKey}-o1`, `objections:${planKey}-o2`, `plans:${planKey}`];

describe('forgetPlan', () => {
  it('removes the plan and all kept about it and its objections, and nothing of another plan', async () => {
    await seedPlan('gone');
    await seedPlan('kept');
    await forgetPlan(db, 'gone');
    expect(await held()).toEqual({
      plans: ['kept'],
      objections: ['kept-o1', 'kept-o2'],
      outbox: everything('kept'),
      bases: everything('kept'),
      conflicts: everything('kept'),
      rejections: everything('kept'),
    });
  });

  it('runs inside the caller’s transaction, undone with it', async () => {
    await seedPlan('gone');
    const before = await held();
    await expect(
      db.transaction('rw', [db.plans, db.objections, db.outbox, db.bases, db.conflicts, db.rejections], async () => {
        await forgetPlan(db, 'gone');
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await held()).toEqual(before);
  });
});

describe('forgetObjection', () => {
  it('removes one objection and all kept about it, and nothing else', async () => {
    await seedPlan('p');
    await forgetObjection(db, 'p-o1');
    const left = ['objections:p-o2', 'plans:p'];
    expect(await held()).toEqual({
      plans: ['p'],
      objections: ['p-o2'],
      outbox: left,
      bases: left,
      conflicts: left,
      rejections: left,
    });
  });
});
