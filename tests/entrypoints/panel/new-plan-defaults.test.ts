import { describe, expect, it } from 'vitest';
import { callTypeOfMeeting, defaultCallAt, meetingToPlan } from '../../../entrypoints/panel/new-plan-defaults';
import { moveObjectionTo } from '../../../entrypoints/panel/objection-edits';
import { newObjection } from '../../../lib/model/call-plan';

// Local times, so the table reads the same in every time zone. 2 March 2026 is a Monday.
const local = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute);

describe('defaultCallAt: the next working-hours slot at least an hour ahead', () => {
  it.each([
    ['Monday 10:20 → Monday 12:00', local(2, 10, 20), local(2, 12)],
    ['Monday 10:00 sharp → Monday 11:00', local(2, 10), local(2, 11)],
    ['Monday 6:00 → Monday 9:00', local(2, 6), local(2, 9)],
    ['Monday 15:00 → Monday 16:00, the last start', local(2, 15), local(2, 16)],
    ['Monday 15:30 → Tuesday 9:00', local(2, 15, 30), local(3, 9)],
    ['Monday 23:00 → Tuesday 9:00, never midnight', local(2, 23), local(3, 9)],
    ['Friday 16:10 → Monday 9:00', local(6, 16, 10), local(9, 9)],
    ['Saturday 11:00 → Monday 9:00', local(7, 11), local(9, 9)],
  ])('%s', (_name, now, expected) => {
    expect(defaultCallAt(now)).toEqual(expected);
  });
});

describe('callTypeOfMeeting: the call type follows the Salesforce Event', () => {
  it.each([
    [{ type: 'Call', subject: 'Quick sync' }, 'Call'],
    [{ type: 'meeting', subject: 'Demo of the portal' }, 'Meeting'],
    [{ type: 'Demo', subject: 'Walk-through' }, 'Demo'],
    [{ type: 'Email', subject: 'Send pricing' }, 'Other'],
    [{ type: 'Other', subject: 'Lunch' }, 'Other'],
    [{ type: null, subject: 'Demo: fleet dashboard' }, 'Demo'],
    [{ type: null, subject: 'Call with the CFO' }, 'Call'],
    [{ type: null, subject: 'Quarterly review' }, 'Meeting'],
  ] as const)('%o → %s', (meeting, expected) => {
    expect(callTypeOfMeeting(meeting)).toBe(expected);
  });
});

describe('meetingToPlan: the first meeting ahead without a plan', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  const meeting = (id: string, startAt: string) => ({ id, subject: id, type: 'Meeting', startAt, endAt: null });
  const meetings = [
    meeting('past', '2026-03-01T10:00:00.000Z'),
    meeting('planned', '2026-03-03T10:00:00.000Z'),
    meeting('next', '2026-03-05T10:00:00.000Z'),
    meeting('later', '2026-03-09T10:00:00.000Z'),
  ];
  it.each([
    ['no plans: the soonest ahead', [], 'next-or-planned'],
    ['a plan at the same time covers it', [{ callAt: '2026-03-03T10:15:00.000Z' }], 'next'],
    [
      'every meeting planned: none',
      [
        { callAt: '2026-03-03T10:00:00.000Z' },
        { callAt: '2026-03-05T10:00:00.000Z' },
        { callAt: '2026-03-09T09:45:00.000Z' },
      ],
      null,
    ],
  ])('%s', (_name, plans, expected) => {
    const picked = meetingToPlan(meetings, plans, now)?.id ?? null;
    expect(picked).toBe(expected === 'next-or-planned' ? 'planned' : expected);
  });
});

describe('moveObjectionTo: a drop among objections of the same kind', () => {
  const keys = ['a', 'b', 'c', 'd'];
  let n = 0;
  const objections = keys.map((key, index) => ({
    ...newObjection(index, key !== 'c', () => `00000000-0000-4000-8000-00000000000${n++}`),
    objection: key,
  }));
  it.each([
    ['first to last expected; the surprise keeps its place', 'a', 2, ['b', 'd', 'c', 'a']],
    ['last to first', 'd', 0, ['d', 'a', 'c', 'b']],
    ['past the end stays last', 'b', 9, ['a', 'd', 'c', 'b']],
    ['the surprise among surprises stays put', 'c', 0, ['a', 'b', 'c', 'd']],
  ])('%s', (_name, key, position, order) => {
    const moving = objections.find((o) => o.objection === key)?.objectionKey ?? '';
    const moved = moveObjectionTo(objections, moving, position);
    expect(moved.map((o) => o.objection)).toEqual(order);
    expect(moved.map((o) => o.sortOrder)).toEqual([0, 1, 2, 3]);
  });
});
