import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CoachingCopyRead, createCoachingCopies } from '../../../lib/db/coaching-copy';
import { PrecallDb } from '../../../lib/db/precall-db';
import { readCoachingData } from '../../../lib/db/read-coaching-data';
import type { MeetingRow } from '../../../lib/db/salesforce-cache';
import type { StoredObjection } from '../../../lib/db/stored-objection';
import { newCallPlan, newObjection, type StoredCallPlan } from '../../../lib/model/call-plan';

const rep = '0055g00000Rly01AAA';
const dayMs = 86_400_000;
/** Objections are read for calls up to two days either side of the period (time zones). */
const marginMs = 2 * dayMs;
const period = { fromMs: Date.parse('2026-03-01T00:00:00Z'), toMs: Date.parse('2026-03-31T23:59:59Z') };
const iso = (ms: number) => new Date(ms).toISOString();

const opened: PrecallDb[] = [];
const copiesMade: { stop(): void }[] = [];
afterEach(async () => {
  for (const copies of copiesMade.splice(0)) copies.stop();
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

function copies() {
  const made = createCoachingCopies();
  copiesMade.push(made);
  return made;
}

function plan(planKey: string, callMs: number): StoredCallPlan {
  const { objections: _none, ...fresh } = newCallPlan('006O001', new Date(callMs - dayMs), () => planKey);
  return { ...fresh, ownerId: rep, callAt: iso(callMs) };
}

function objection(objectionKey: string, planKey: string, changes: Partial<StoredObjection> = {}): StoredObjection {
  return {
    ...newObjection(0, true, () => objectionKey),
    planKey,
    objection: 'Too expensive',
    raised: true,
    handled: 'Partly',
    ...changes,
  };
}

function meeting(id: string): MeetingRow {
  return {
    id,
    opportunityId: '006O001',
    subject: `Meeting ${id}`,
    type: null,
    startAt: iso(period.fromMs + dayMs),
    endAt: null,
    ownerId: rep,
    fetchedAt: iso(period.fromMs),
  };
}

/**
 * Plans on the edges of the objection window and inside it, one long before it; each with two
 * objections; four meetings.
 */
async function seeded(name = `coaching-copy-${crypto.randomUUID()}`) {
  const db = new PrecallDb(name);
  opened.push(db);
  const plans = [
    plan('p-before', period.fromMs - marginMs - 1),
    plan('p-first', period.fromMs - marginMs),
    plan('p-mid', period.fromMs + 10 * dayMs),
    plan('p-last', period.toMs + marginMs),
    plan('p-after', period.toMs + marginMs + 1),
  ];
  await db.plans.bulkPut(plans);
  await db.objections.bulkPut(
    plans.flatMap((p) => [objection(`${p.planKey}-o2`, p.planKey), objection(`${p.planKey}-o1`, p.planKey)]),
  );
  await db.meetings.bulkPut(['00U-a', '00U-b', '00U-c', '00U-d'].map(meeting));
  return db;
}

/** The copy's answer, checked against every row read afresh. */
async function readChecked(
  made: ReturnType<typeof createCoachingCopies>,
  db: PrecallDb,
  asked = period,
): Promise<CoachingCopyRead> {
  const copied = await made.read(db, asked);
  const full = await readCoachingData(db, asked);
  expect(copied.data).toEqual(full.data);
  expect(copied.meetings).toEqual(full.meetings);
  return copied;
}

const objectionKeys = (read: CoachingCopyRead) => read.data.objections.map((o) => o.objectionKey);

describe('the coaching copy', () => {
  it('holds the objections of calls on the edges of the period’s window, and reads no others', async () => {
    const db = await seeded();
    const read: string[] = [];
    db.objections.hook('reading', (row) => {
      read.push(row.objectionKey);
      return row;
    });
    const first = await copies().read(db, period);
    const inWindow = ['p-first-o1', 'p-first-o2', 'p-last-o1', 'p-last-o2', 'p-mid-o1', 'p-mid-o2'];
    expect(objectionKeys(first)).toEqual(inWindow);
    expect(read.sort()).toEqual(inWindow);
  });

  it('answers another period with that period’s objections, whichever end moved', async () => {
    const db = await seeded();
    const made = copies();
    await readChecked(made, db);
    const laterEnd = await readChecked(made, db, { ...period, toMs: period.toMs + dayMs });
    expect(objectionKeys(laterEnd)).toContain('p-after-o1');
    const earlierStart = await readChecked(made, db, { fromMs: period.fromMs - dayMs, toMs: period.toMs + dayMs });
    expect(objectionKeys(earlierStart)).toContain('p-before-o1');
  });

  it('gives the very same answer again for the same period with nothing written since', async () => {
    const db = await seeded();
    const made = copies();
    const first = await readChecked(made, db);
    expect(await made.read(db, { ...period })).toBe(first);
    await db.meetings.put({ ...meeting('00U-a'), subject: 'Renamed' });
    const after = await readChecked(made, db);
    expect(after).not.toBe(first);
    expect(await made.read(db, period)).toBe(after);
  });

  it('reads again, in one transaction, only the table written since', async () => {
    const db = await seeded();
    const made = copies();
    await readChecked(made, db);
    const read: string[] = [];
    for (const table of ['plans', 'objections', 'meetings', 'opportunities', 'users'] as const) {
      db[table].hook('reading', (row) => {
        read.push(table);
        return row;
      });
    }
    const transactions = vi.spyOn(db, 'transaction');
    await db.meetings.put({ ...meeting('00U-a'), subject: 'Renamed' });
    transactions.mockClear();
    expect((await made.read(db, period)).meetings.get('00U-a')?.subject).toBe('Renamed');
    expect(read).toEqual(['meetings']);
    expect(transactions).toHaveBeenCalledTimes(1);
    const scope = transactions.mock.calls[0]?.[1] as unknown as { name: string }[];
    expect(scope.map((table) => table.name)).toEqual(['meetings']);
  });

  type Write = (db: PrecallDb) => Promise<unknown>;
  it.each<{ write: string; does: Write; moves: boolean }>([
    {
      write: 'an objection handled better',
      does: (db) => db.objections.update('p-mid-o1', { handled: 'Yes' }),
      moves: true,
    },
    { write: 'an objection deleted', does: (db) => db.objections.delete('p-mid-o1'), moves: true },
    { write: 'an objection added', does: (db) => db.objections.put(objection('p-mid-o3', 'p-mid')), moves: true },
    {
      write: 'an objection moved to another plan',
      does: (db) => db.objections.update('p-mid-o1', { planKey: 'p-first' }),
      moves: true,
    },
    {
      write: 'an objection’s response reworded (not counted)',
      does: (db) => db.objections.update('p-mid-o1', { response: 'Payback in 6 months' }),
      moves: false,
    },
    {
      write: 'an objection written again as it was',
      does: async (db) => db.objections.put((await db.objections.get('p-mid-o1')) as StoredObjection),
      moves: false,
    },
    { write: 'every objection cleared', does: (db) => db.objections.clear(), moves: true },
    {
      write: 'a meeting added and deleted again',
      does: async (db) => {
        await db.meetings.put(meeting('00U-e'));
        await db.meetings.delete('00U-e');
      },
      moves: false,
    },
    { write: 'a meeting deleted', does: (db) => db.meetings.delete('00U-b'), moves: true },
    {
      write: 'meetings cleared and one written again',
      does: async (db) => {
        await db.meetings.clear();
        await db.meetings.put(meeting('00U-a'));
      },
      moves: true,
    },
    {
      write: 'a range of meetings deleted',
      does: (db) => db.meetings.where('id').between('00U-a', '00U-c').delete(),
      moves: true,
    },
    {
      write: 'a plan’s call moved out of the window',
      does: (db) => db.plans.update('p-mid', { callAt: iso(period.toMs + 5 * dayMs) }),
      moves: true,
    },
  ])('after $write, the revision moves: $moves', async ({ does, moves }) => {
    const db = await seeded();
    const made = copies();
    const before = await readChecked(made, db);
    await does(db);
    const after = await readChecked(made, db);
    expect(after.revision !== before.revision).toBe(moves);
  });

  it('keeps the revision when objections are cleared while no plan of the period had any read', async () => {
    const db = await seeded();
    const made = copies();
    const empty = { fromMs: period.fromMs + 100 * dayMs, toMs: period.toMs + 100 * dayMs };
    const before = await readChecked(made, db, empty);
    await db.objections.clear();
    expect((await readChecked(made, db, empty)).revision).toBe(before.revision);
  });

  it('takes every write of a transaction made after a table was cleared', async () => {
    const db = await seeded();
    const made = copies();
    await readChecked(made, db);
    await db.meetings.clear();
    await db.transaction('rw', [db.meetings, db.objections], async () => {
      await db.meetings.put(meeting('00U-new'));
      await db.objections.update('p-mid-o1', { handled: 'No' });
    });
    const after = await readChecked(made, db);
    expect(after.data.objections.find((o) => o.objectionKey === 'p-mid-o1')?.handled).toBe('No');
  });

  it('loses nothing written when a read fails: the next read takes it, and only it', async () => {
    const db = await seeded();
    const made = copies();
    await readChecked(made, db);
    await db.meetings.put({ ...meeting('00U-b'), subject: 'Renamed' });
    await db.objections.update('p-mid-o1', { handled: 'Yes' });
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('The database is busy'));
    await expect(made.read(db, period)).rejects.toThrow('The database is busy');
    const read: string[] = [];
    db.meetings.hook('reading', (row) => {
      read.push(row.id);
      return row;
    });
    const after = await readChecked(made, db);
    expect(after.meetings.get('00U-b')?.subject).toBe('Renamed');
    // Once for the copy, once for the fresh read it is checked against.
    expect(read.sort()).toEqual(['00U-a', '00U-b', '00U-b', '00U-c', '00U-d']);
  });

  it('loses no clear when a read fails', async () => {
    const db = await seeded();
    const made = copies();
    await readChecked(made, db);
    await db.meetings.clear();
    await db.objections.clear();
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('The database is busy'));
    await expect(made.read(db, period)).rejects.toThrow('The database is busy');
    const after = await readChecked(made, db);
    expect([...after.meetings.keys()]).toEqual([]);
    expect(after.data.objections).toEqual([]);
  });

  it('starts afresh for a database deleted and opened again under its name, with revisions never seen before', async () => {
    const name = `coaching-copy-${crypto.randomUUID()}`;
    const made = copies();
    const old = await seeded(name);
    const revisions = [(await readChecked(made, old)).revision];
    await old.meetings.delete('00U-a');
    revisions.push((await readChecked(made, old)).revision);
    await old.delete();
    const reopened = new PrecallDb(name);
    opened.push(reopened);
    await reopened.meetings.put(meeting('00U-z'));
    const fresh = await readChecked(made, reopened);
    expect([...fresh.meetings.keys()]).toEqual(['00U-z']);
    revisions.push(fresh.revision);
    await reopened.meetings.put(meeting('00U-y'));
    revisions.push((await readChecked(made, reopened)).revision);
    expect(new Set(revisions).size).toBe(revisions.length);
  });

  it('stops listening to writes when stopped', async () => {
    const listeners = () => (Dexie.on('storagemutated') as unknown as { subscribers: unknown[] }).subscribers.length;
    const before = listeners();
    const made = createCoachingCopies();
    expect(listeners()).toBe(before + 1);
    made.stop();
    expect(listeners()).toBe(before);
  });
});
