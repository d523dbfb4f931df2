import { describe, expect, it } from 'vitest';
import { meetingsToRemind, type ReminderMeeting } from '../../../lib/model/meeting-reminders';

/** Tuesday 3 March 2026, 20:00 UTC (Wednesday 05:00 in Tokyo). */
const now = new Date('2026-03-03T20:00:00Z');
const meeting = (id: string, startAt: string, extra: Partial<ReminderMeeting> = {}): ReminderMeeting => ({
  id,
  opportunityId: `opp-${id}`,
  ownerId: 'riley',
  subject: `Meeting ${id}`,
  startAt,
  ...extra,
});

describe('meetings to remind of the day before', () => {
  const meetings = [
    meeting('tomorrow-late', '2026-03-04T16:00:00Z'),
    meeting('tomorrow-early', '2026-03-04T08:00:00Z'),
    meeting('today', '2026-03-03T21:00:00Z'),
    meeting('in-two-days', '2026-03-05T09:00:00Z'),
    meeting('planned', '2026-03-04T10:00:00Z'),
    meeting('sams', '2026-03-04T10:00:00Z', { ownerId: 'sam' }),
    meeting('reminded', '2026-03-04T11:00:00Z'),
    meeting('bad-date', 'not a date'),
    meeting('planned-other-day', '2026-03-04T12:00:00Z'),
  ];
  const plans = [
    { opportunityId: 'opp-planned', callAt: '2026-03-04T10:00:00Z' },
    { opportunityId: 'opp-planned-other-day', callAt: '2026-03-06T10:00:00Z' },
    { opportunityId: 'opp-x', callAt: 'not a date' },
  ];

  it('picks the rep’s meetings tomorrow with no plan that day, not reminded yet, earliest first', () => {
    const due = meetingsToRemind({
      meetings,
      plans,
      userId: 'riley',
      now,
      timeZone: 'UTC',
      reminded: new Set(['reminded']),
    });
    expect(due.map((m) => m.id)).toEqual(['tomorrow-early', 'planned-other-day', 'tomorrow-late']);
  });

  it('counts tomorrow in the rep’s time zone', () => {
    const due = meetingsToRemind({
      meetings,
      plans,
      userId: 'riley',
      now,
      timeZone: 'Asia/Tokyo',
      reminded: new Set(),
    });
    // In Tokyo it is already Wednesday: tomorrow is Thursday 5 March, which begins at 15:00 UTC on the 4th.
    expect(due.map((m) => m.id)).toEqual(['tomorrow-late', 'in-two-days']);
  });
});
