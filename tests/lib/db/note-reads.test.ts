import { beforeEach, describe, expect, it } from 'vitest';
import { markNoteRead, unreadNotes } from '../../../lib/db/note-reads';
import { PrecallDb } from '../../../lib/db/precall-db';
import { newCallPlan, type StoredCallPlan } from '../../../lib/model/call-plan';

const deal = '0065g00000Nwd01AAB';
const otherDeal = '0065g00000Nwd02AAB';
const rep = '0055g00000Rly01AAB';
const otherRep = '0055g00000Sam01AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});

function plan(planKey: string, changes: Partial<StoredCallPlan> = {}): StoredCallPlan {
  const { objections: _none, ...fresh } = newCallPlan(deal, now, () => planKey);
  return { ...fresh, ownerId: rep, ...changes };
}

describe('unreadNotes', () => {
  it.each([
    {
      case: 'a note on the rep’s own plan never read',
      stored: plan('a', { coachNote: 'Ask for the budget' }),
      unread: ['a'],
    },
    { case: 'a plan without a note', stored: plan('a', { coachNote: '' }), unread: [] },
    { case: 'a note of blanks only', stored: plan('a', { coachNote: '  \n ' }), unread: [] },
    {
      case: 'a note on another rep’s plan',
      stored: plan('a', { coachNote: 'Call the CFO', ownerId: otherRep }),
      unread: [],
    },
    {
      case: 'a note on another deal',
      stored: plan('a', { coachNote: 'Call the CFO', opportunityId: otherDeal }),
      unread: [],
    },
  ])('$case', async ({ stored, unread }) => {
    await db.plans.put(stored);
    expect(await unreadNotes(db, deal, rep)).toEqual(unread);
  });

  it('lists every unread note of the rep on the deal, and not one marked read', async () => {
    await db.plans.bulkPut([
      plan('a', { coachNote: 'Ask for the budget' }),
      plan('b', { coachNote: 'Bring the security paper' }),
      plan('c', { coachNote: 'Confirm the date' }),
    ]);
    expect(await markNoteRead(db, 'b', 'Bring the security paper', now)).toBe(true);
    expect(await unreadNotes(db, deal, rep)).toEqual(['a', 'c']);
  });

  it('shows a note again once the manager rewrites it', async () => {
    await db.plans.put(plan('a', { coachNote: 'Ask for the budget' }));
    await markNoteRead(db, 'a', 'Ask for the budget', now);
    expect(await unreadNotes(db, deal, rep)).toEqual([]);
    await db.plans.update('a', { coachNote: 'Ask for the budget and the timeline' });
    expect(await unreadNotes(db, deal, rep)).toEqual(['a']);
  });
});

describe('markNoteRead', () => {
  it('keeps the note read and when', async () => {
    await db.plans.put(plan('a', { coachNote: 'Ask for the budget' }));
    expect(await markNoteRead(db, 'a', 'Ask for the budget', now)).toBe(true);
    expect(await db.noteReads.get('a')).toEqual({
      planKey: 'a',
      note: 'Ask for the budget',
      readAt: now.toISOString(),
    });
  });

  it.each([
    { case: 'a plan this browser does not hold', planKey: 'gone', note: 'Ask for the budget' },
    { case: 'a note older than the one the plan holds now', planKey: 'a', note: 'Ask for it' },
    { case: 'a note of blanks only', planKey: 'blank', note: '   ' },
    { case: 'no note at all', planKey: 'empty', note: '' },
  ])('marks nothing for $case', async ({ planKey, note }) => {
    await db.plans.bulkPut([
      plan('a', { coachNote: 'Ask for the budget' }),
      plan('blank', { coachNote: '   ' }),
      plan('empty', { coachNote: '' }),
    ]);
    expect(await markNoteRead(db, planKey, note, now)).toBe(false);
    expect(await db.noteReads.count()).toBe(0);
    expect(await unreadNotes(db, deal, rep)).toEqual(['a']);
  });
});
