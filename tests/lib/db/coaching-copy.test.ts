import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoachingCopies } from '../../../lib/db/coaching-copy';
import { PrecallDb } from '../../../lib/db/precall-db';
import { readCoachingData } from '../../../lib/db/read-coaching-data';
import type { MeetingRow, OpportunityRow, UserRow } from '../../../lib/db/salesforce-cache';
import type { StoredObjection } from '../../../lib/db/stored-objection';
import { newCallPlan, newObjection, type StoredCallPlan } from '../../../lib/model/call-plan';
import { coachingReport } from '../../../lib/model/coaching/coaching-report';
import { commitments, handledLevels, outcomes } from '../../../lib/model/picklists';

const seeds = Number(process.env.PROPERTY_RUNS ?? 15);
const reps = ['0055g00000Rly01AAA', '0055g00000Sam01AAA', '0055g00000Mrg01AAA'];
const start = Date.parse('2026-02-01T00:00:00Z');
const dayMs = 86_400_000;

/** A small deterministic generator (mulberry32): a failing seed is reproduced by its number. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const iso = (ms: number) => new Date(ms).toISOString();

function opportunity(r: Random, i: number): OpportunityRow {
  return {
    id: `006O${String(i).padStart(3, '0')}`,
    name: `Deal ${i}`,
    stageName: 'Proposal',
    closeDate: iso(start + r.int(120) * dayMs).slice(0, 10),
    amount: null,
    ownerId: r.pick(reps),
    accountId: null,
    accountName: r.chance(0.5) ? `Account ${i % 7}` : null,
    isClosed: r.chance(0.2),
    isWon: false,
    fetchedAt: iso(start),
  };
}

function plan(r: Random, key: string, opportunityIds: readonly string[]): StoredCallPlan {
  const callAt = start + r.int(100 * 24) * 3_600_000;
  const outcome = r.chance(0.6) ? r.pick(outcomes) : null;
  const { objections: _none, ...fresh } = newCallPlan(r.pick(opportunityIds), new Date(start), () => key);
  return {
    ...fresh,
    ownerId: r.pick(reps),
    callAt: iso(callAt),
    createdAt: iso(callAt + (r.chance(0.2) ? 3_600_000 : -r.int(72) * 3_600_000)),
    outcome,
    outcomeAt: outcome && r.chance(0.8) ? iso(callAt + r.int(60) * 3_600_000) : null,
    commitment: outcome ? r.pick([...commitments, null]) : null,
    goal: `Goal ${key}`,
  };
}

function objection(r: Random, key: string, planKeys: readonly string[]): StoredObjection {
  return {
    ...newObjection(r.int(5), r.chance(0.6), () => key),
    planKey: r.pick(planKeys),
    objection: r.pick(['Too expensive', 'No budget', 'Timing', 'Security review']),
    raised: r.chance(0.7),
    handled: r.pick([...handledLevels, null]),
  };
}

function meeting(r: Random, key: string, opportunityIds: readonly string[]): MeetingRow {
  const startAt = start + r.int(100 * 24) * 3_600_000;
  return {
    id: key,
    opportunityId: r.pick(opportunityIds),
    subject: `Meeting ${key}`,
    type: null,
    startAt: iso(startAt),
    endAt: null,
    ownerId: r.pick(reps),
    fetchedAt: iso(start),
  };
}

const users: UserRow[] = reps.map((id, i) => ({
  id,
  name: `Rep ${i}`,
  managerId: i < 2 ? (reps[2] as string) : null,
  fetchedAt: iso(start),
}));

const opened: PrecallDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

async function seeded(r: Random) {
  const db = new PrecallDb(`coaching-copy-${crypto.randomUUID()}`);
  opened.push(db);
  const opportunities = Array.from({ length: 12 }, (_, i) => opportunity(r, i));
  const ids = opportunities.map((o) => o.id);
  let counter = 0;
  const key = (prefix: string) => `${prefix}-${String(++counter).padStart(4, '0')}-${r.int(1000)}`;
  const plans = Array.from({ length: 40 + r.int(40) }, () => plan(r, key('plan'), ids));
  await db.opportunities.bulkPut(opportunities);
  await db.users.bulkPut(users);
  await db.plans.bulkPut(plans);
  await db.objections.bulkPut(
    Array.from({ length: 60 + r.int(60) }, () =>
      objection(
        r,
        key('obj'),
        plans.map((p) => p.planKey),
      ),
    ),
  );
  await db.meetings.bulkPut(Array.from({ length: 20 + r.int(20) }, () => meeting(r, key('00U'), ids)));
  return { db, ids, key };
}

/** One write of the kinds sync and the rep make: new rows, changed rows, deletions, refreshed copies, a clear. */
async function someWrite(r: Random, db: PrecallDb, ids: readonly string[], key: (prefix: string) => string) {
  const planKeys = (await db.plans.toCollection().primaryKeys()) as string[];
  const objectionKeys = (await db.objections.toCollection().primaryKeys()) as string[];
  switch (r.int(10)) {
    case 0:
      return db.plans.bulkPut(Array.from({ length: 1 + r.int(60) }, () => plan(r, key('plan'), ids)));
    case 1:
      if (planKeys.length > 0) {
        return db.plans.update(r.pick(planKeys), {
          outcome: r.pick([...outcomes, null]),
          outcomeAt: iso(start + r.int(100) * dayMs),
        });
      }
      return;
    case 2:
      if (planKeys.length > 0) return db.plans.delete(r.pick(planKeys));
      return;
    case 3:
      if (planKeys.length > 0) {
        return db.objections.bulkPut(Array.from({ length: 1 + r.int(5) }, () => objection(r, key('obj'), planKeys)));
      }
      return;
    case 4:
      if (objectionKeys.length > 0) {
        const moved = r.chance(0.3) && planKeys.length > 0 ? { planKey: r.pick(planKeys) } : {};
        return db.objections.update(r.pick(objectionKeys), { handled: r.pick([...handledLevels, null]), ...moved });
      }
      return;
    case 5:
      if (objectionKeys.length > 0) return db.objections.bulkDelete(objectionKeys.filter(() => r.chance(0.2)));
      return;
    case 6: {
      // A cache refresh: the same opportunities again, now and then with a new close date or owner.
      const rows = await db.opportunities.toArray();
      return db.opportunities.bulkPut(
        rows.map((row) =>
          r.chance(0.2)
            ? { ...row, closeDate: iso(start + r.int(120) * dayMs).slice(0, 10), ownerId: r.pick(reps) }
            : { ...row, fetchedAt: iso(start + r.int(10) * dayMs) },
        ),
      );
    }
    case 7:
      return db.meetings.bulkPut(Array.from({ length: 1 + r.int(4) }, () => meeting(r, key('00U'), ids)));
    case 8:
      return r.chance(0.3)
        ? db.meetings.clear()
        : db.plans
            .where('callAt')
            .below(iso(start + r.int(30) * dayMs))
            .delete();
    default:
      return db.users.update(r.pick(reps), { name: `Rep ${r.int(100)}` });
  }
}

function query(r: Random) {
  const from = start + r.int(100) * dayMs;
  return {
    timeZone: r.pick(['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Auckland']),
    from: iso(from).slice(0, 10),
    to: iso(from + r.int(40) * dayMs).slice(0, 10),
    now: new Date(start + r.int(110) * dayMs),
  };
}

/** A report with each tally's calls listed, so two reports compare by the calls behind every number. */
function plain(value: unknown): unknown {
  if (typeof value === 'function') return value.length === 0 ? plain(value()) : 'function';
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

const periodOf = (q: { from: string; to: string }) => ({
  fromMs: Date.parse(`${q.from}T00:00:00Z`),
  toMs: Date.parse(`${q.to}T23:59:59Z`),
});

describe('the coaching copy kept between reports', () => {
  it(`gives the same report as reading every row afresh, after any writes (${seeds} seeds)`, async () => {
    for (let seed = 1; seed <= seeds; seed++) {
      const r = random(seed);
      const { db, ids, key } = await seeded(r);
      const copies = createCoachingCopies();
      try {
        for (let round = 0; round < 6; round++) {
          const q = query(r);
          const [copied, full] = [await copies.read(db, periodOf(q)), await readCoachingData(db, periodOf(q))];
          expect(copied.data, `seed ${seed}, round ${round}`).toEqual(full.data);
          expect(plain(coachingReport(copied.data, q)), `seed ${seed}, round ${round}`).toEqual(
            plain(coachingReport(full.data, q)),
          );
          expect(copied.users).toEqual(full.users);
          expect(copied.opportunities).toEqual(full.opportunities);
          expect(copied.meetings).toEqual(full.meetings);
          for (let writes = r.int(4); writes > 0; writes--) await someWrite(r, db, ids, key);
        }
      } finally {
        copies.stop();
      }
    }
  }, 120_000);

  it('reads a table again only for the keys written since, and moves the revision only when a counted field changed', async () => {
    const r = random(7);
    const { db } = await seeded(r);
    const copies = createCoachingCopies();
    const period = periodOf({ from: '2026-02-01', to: '2026-03-01' });
    const first = await copies.read(db, period);
    expect((await copies.read(db, period)).revision).toBe(first.revision);

    // A sync refreshing the opportunities as they were: nothing the view counts changed.
    const rows = await db.opportunities.toArray();
    await db.opportunities.bulkPut(rows.map((row) => ({ ...row, fetchedAt: iso(start + dayMs) })));
    const afterRefresh = await copies.read(db, period);
    expect(afterRefresh.revision).toBe(first.revision);

    const logged = first.data.plans.find((p) => p.outcome === null) as { planKey: string };
    await db.plans.update(logged.planKey, { outcome: 'Advance', outcomeAt: iso(start) });
    const afterOutcome = await copies.read(db, period);
    expect(afterOutcome.revision).not.toBe(first.revision);
    expect(afterOutcome.data.plans.find((p) => p.planKey === logged.planKey)?.outcome).toBe('Advance');

    // A plan's goal is not counted (a drill-down reads it afresh): same revision.
    await db.plans.update(logged.planKey, { goal: 'Another goal' });
    expect((await copies.read(db, period)).revision).toBe(afterOutcome.revision);
    copies.stop();
  });

  it('reads nothing again when nothing was written, and everything again after a clear', async () => {
    const r = random(11);
    const { db } = await seeded(r);
    const copies = createCoachingCopies();
    const period = periodOf({ from: '2026-02-01', to: '2026-03-01' });
    await copies.read(db, period);
    const reads: string[] = [];
    for (const table of ['plans', 'meetings', 'opportunities', 'users'] as const) {
      db[table].hook('reading', (row) => {
        reads.push(table);
        return row;
      });
    }
    const transactions = vi.spyOn(db, 'transaction');
    await copies.read(db, period);
    expect(reads).toEqual([]);
    // Nothing to read: no transaction, so a sync writing meanwhile keeps no report waiting.
    expect(transactions).not.toHaveBeenCalled();
    await db.meetings.clear();
    await db.meetings.put(meeting(r, '00U-after-clear', ['006O001']));
    const after = await copies.read(db, period);
    expect(reads).toEqual(['meetings']);
    expect([...after.meetings.keys()]).toEqual(['00U-after-clear']);
    copies.stop();
  });
});
