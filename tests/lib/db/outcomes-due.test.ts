import { beforeEach, expect, it } from 'vitest';
import { outcomesDue } from '../../../lib/db/outcomes-due';
import { PrecallDb } from '../../../lib/db/precall-db';
import { newCallPlan, type StoredCallPlan } from '../../../lib/model/call-plan';

const rep = '0055g00000Rly01AAB';
const otherRep = '0055g00000Sam01AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
const minuteMs = 60_000;
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});

function plan(planKey: string, callBeforeNowMs: number, changes: Partial<StoredCallPlan> = {}): StoredCallPlan {
  const { objections: _none, ...fresh } = newCallPlan('0065g00000Nwd01AAB', now, () => planKey);
  return { ...fresh, ownerId: rep, callAt: new Date(now.getTime() - callBeforeNowMs).toISOString(), ...changes };
}

it.each([
  { case: 'a call 3 hours ago without an outcome', stored: plan('a', 180 * minuteMs), due: 1 },
  { case: 'a call 2 hours and a minute ago', stored: plan('a', 121 * minuteMs), due: 1 },
  { case: 'a call exactly 2 hours ago (still in grace)', stored: plan('a', 120 * minuteMs), due: 0 },
  { case: 'a call an hour ago', stored: plan('a', 60 * minuteMs), due: 0 },
  { case: 'a call tomorrow', stored: plan('a', -24 * 60 * minuteMs), due: 0 },
  { case: 'a call 3 hours ago with its outcome', stored: plan('a', 180 * minuteMs, { outcome: 'Advance' }), due: 0 },
  { case: 'another rep’s call 3 hours ago', stored: plan('a', 180 * minuteMs, { ownerId: otherRep }), due: 0 },
])('$case: $due due', async ({ stored, due }) => {
  await db.plans.put(stored);
  expect(await outcomesDue(db, rep, now)).toBe(due);
});

it('counts every overdue plan of the rep', async () => {
  await db.plans.bulkPut([
    plan('a', 180 * minuteMs),
    plan('b', 3 * 24 * 60 * minuteMs),
    plan('c', 180 * minuteMs, { outcome: 'Advance' }),
    plan('d', 180 * minuteMs, { ownerId: otherRep }),
    plan('e', 30 * minuteMs),
  ]);
  expect(await outcomesDue(db, rep, now)).toBe(2);
});
