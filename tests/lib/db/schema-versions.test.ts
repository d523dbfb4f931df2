import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { databaseName, PrecallDb, userIdOfDatabase } from '../../../lib/db/precall-db';
import { to18 } from '../../../lib/model/record-id';

/**
 * Versions are append-only: a rep's browser holds data written under every earlier version, and
 * Dexie upgrades it version by version. Editing a released version's stores would strand it.
 * A new version is added here as a new entry; the entries above it never change.
 */
const releasedVersions: Record<number, Record<string, string>> = {
  1: {
    plans: 'planKey, opportunityId, callAt, updatedAt',
    objections: 'objectionKey, planKey',
    outbox: '++seq, [table+key], at',
  },
  2: {
    plans: 'planKey, opportunityId, callAt, updatedAt, ownerId',
    objections: 'objectionKey, planKey',
    outbox: '++seq, [table+key], planKey',
    bases: '[table+key], planKey, salesforceId',
    syncState: 'name',
    conflicts: '[table+key], planKey',
    rejections: '[table+key], planKey',
    opportunities: 'id, ownerId, accountId, closeDate',
    meetings: 'id, opportunityId, startAt, ownerId',
    users: 'id, managerId',
    drafts: 'planKey, opportunityId',
    noteReads: 'planKey',
  },
  3: {
    playbooks: 'playbookKey, ownerId',
    playbookStages: 'stageKey, playbookKey',
    playbookObjections: 'objectionKey, playbookKey',
    playbookOutbox: '++seq, [table+key], playbookKey',
    orgStages: 'name',
  },
};

describe('database schema', () => {
  it('declares exactly the released versions, each unchanged', () => {
    const db = new PrecallDb(`schema-${crypto.randomUUID()}`);
    // Dexie keeps the declared versions; their store strings are what upgrades are built from.
    const declared = (
      db as unknown as { _versions: { _cfg: { version: number; storesSource: Record<string, string> } }[] }
    )._versions;
    const byVersion = Object.fromEntries(declared.map((v) => [v._cfg.version, v._cfg.storesSource]));
    expect(byVersion).toEqual(releasedVersions);
  });

  it('opens at the newest version', async () => {
    const db = new PrecallDb(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(Math.max(...Object.keys(releasedVersions).map(Number)));
    db.close();
  });
});

describe('upgrading a database written before sync (version 1)', () => {
  const orgId = to18('00D5g00000PrcAL');
  const userId = to18('0055g00000Rly01');

  it('opens with every plan, objection and outbox entry kept, and each plan owned by its user', async () => {
    // A copy of what version 1 declared, writing as the released extension did.
    const released = new Dexie(databaseName(orgId, userId));
    released.version(1).stores(releasedVersions[1] as Record<string, string>);
    await released.open();
    const plans = [1, 2, 3].map((n) => ({
      planKey: `00000000-0000-4000-8000-00000000000${n}`,
      opportunityId: to18('0065g00000Nwd01'),
      callAt: `2026-03-1${n}T09:00:00.000Z`,
      goal: `Goal ${n}`,
      updatedAt: '2026-03-01T09:00:00.000Z',
    }));
    await released.table('plans').bulkAdd(plans);
    await released.table('objections').add({ objectionKey: 'o1', planKey: plans[0]?.planKey, objection: 'Price' });
    await released.table('outbox').add({ table: 'plans', key: plans[0]?.planKey, op: 'upsert', planKey: 'x', at: 'y' });
    released.close();

    const upgraded = new PrecallDb(databaseName(orgId, userId));
    await upgraded.open();
    const stored = await upgraded.plans.orderBy('planKey').toArray();
    expect(stored.map((p) => [p.goal, p.ownerId])).toEqual([
      ['Goal 1', userId],
      ['Goal 2', userId],
      ['Goal 3', userId],
    ]);
    expect(await upgraded.plans.where('ownerId').equals(userId).count()).toBe(3);
    expect(await upgraded.objections.count()).toBe(1);
    expect(await upgraded.outbox.where('planKey').equals('x').count()).toBe(1);
    upgraded.close();
    await Dexie.delete(databaseName(orgId, userId));
  });

  it('reads the user from a database name, and nothing from a name it did not make', () => {
    expect(userIdOfDatabase(databaseName(orgId, userId))).toBe(userId);
    expect(userIdOfDatabase('test-1234')).toBeNull();
  });
});
