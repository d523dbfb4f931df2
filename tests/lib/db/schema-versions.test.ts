import { describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';

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
