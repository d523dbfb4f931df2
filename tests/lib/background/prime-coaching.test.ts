import { describe, expect, it } from 'vitest';
import { primeCoachingCopy } from '../../../lib/background/prime-coaching';
import type { CoachingCopies } from '../../../lib/db/coaching-copy';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';

const now = new Date('2026-03-04T12:00:00Z');
const day = 86_400_000;
const fetchedAt = now.toISOString();

function sessionOf(userId: string): Session {
  return { userId, dbName: `prime-${crypto.randomUUID()}` } as Session;
}

/** The copies as the coaching view reads them, recording each read's days. */
function recordingCopies() {
  const reads: { fromMs: number; toMs: number }[] = [];
  const copies: CoachingCopies = {
    async read(_db, period) {
      reads.push(period);
      return {} as Awaited<ReturnType<CoachingCopies['read']>>;
    },
  };
  return { reads, copies };
}

describe('priming the coaching copy after a sync run', () => {
  it.each([
    { who: 'a manager, with someone reporting to them', userId: 'manager', primes: true },
    { who: 'a rep, reporting to a manager', userId: 'rep', primes: false },
    { who: 'someone nobody reports to', userId: 'alone', primes: false },
  ])('$who: primed $primes', async ({ userId, primes }) => {
    const session = sessionOf(userId);
    const db = new PrecallDb(session.dbName);
    await db.users.bulkPut([
      { id: 'manager', name: 'Morgan', managerId: null, fetchedAt },
      { id: 'rep', name: 'Riley', managerId: 'manager', fetchedAt },
      { id: 'alone', name: 'Alex', managerId: null, fetchedAt },
    ]);
    const { reads, copies } = recordingCopies();
    expect(await primeCoachingCopy(copies, db, session, now)).toBe(primes);
    // The view opens on the last four weeks: the days read cover them, whatever the zone.
    expect(reads).toEqual(primes ? [{ fromMs: now.getTime() - 34 * day, toMs: now.getTime() + day }] : []);
    db.close();
  });
});
