import { describe, expect, it } from 'vitest';
import type { BadgeStatus } from '../../../lib/model/badge-summary';
import { badgeText, dayOf } from '../../../lib/model/badge-text';

// Tuesday 10 March 2026, 09:00 in the test's time zone.
const now = new Date(2026, 2, 10, 9, 0);
const at = (day: number, hour = 14) => new Date(2026, 2, day, hour, 0).toISOString();

describe('badgeText', () => {
  it.each<[string, BadgeStatus, number, number, string, string | null, string]>([
    ['stalled with goals met', { kind: 'stalled' }, 2, 4, 'Stalled', '2/4 met', 'Call plan: stalled, 2 of 4 goals met'],
    ['advanced', { kind: 'advanced' }, 3, 3, 'Advanced', '3/3 met', 'Call plan: advanced, 3 of 3 goals met'],
    ['lost, nothing logged', { kind: 'lost' }, 0, 0, 'Lost', null, 'Call plan: lost'],
    [
      'outcome due',
      { kind: 'outcome-due', callAt: at(9) },
      1,
      2,
      'Outcome due',
      '1/2 met',
      'Call plan: outcome due, 1 of 2 goals met',
    ],
    ['no plan', { kind: 'no-plan' }, 0, 0, 'No plan', null, 'Call plan: no plan'],
    [
      'planned later today',
      { kind: 'planned', callAt: at(10) },
      0,
      0,
      'Planned today',
      null,
      'Call plan: planned for today, Tuesday, March 10',
    ],
    [
      'planned tomorrow',
      { kind: 'planned', callAt: at(11) },
      0,
      0,
      'Planned tomorrow',
      null,
      'Call plan: planned for tomorrow, Wednesday, March 11',
    ],
    [
      'planned this week',
      { kind: 'planned', callAt: at(13) },
      0,
      0,
      'Planned Fri',
      null,
      'Call plan: planned for Friday, March 13',
    ],
    [
      'planned later',
      { kind: 'planned', callAt: at(24) },
      1,
      1,
      'Planned Mar 24',
      '1/1 met',
      'Call plan: planned for Tuesday, March 24, 1 of 1 goals met',
    ],
    [
      'a meeting with no plan',
      { kind: 'meeting-no-plan', startAt: at(12) },
      0,
      0,
      'Meeting Thu, no plan',
      null,
      'Call plan: meeting Thursday, March 12 with no plan',
    ],
  ])('%s', (_name, status, goalsMet, outcomesLogged, label, met, accessibleName) => {
    expect(badgeText({ status, goalsMet, outcomesLogged }, now, 'en-US')).toEqual({ label, met, accessibleName });
  });
});

describe('dayOf', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(dayOf(at(11, 0), new Date(2026, 2, 10, 23, 59), 'en-US').short).toBe('tomorrow');
    expect(dayOf(at(10, 23), new Date(2026, 2, 10, 0, 1), 'en-US').short).toBe('today');
  });

  it.each([
    [12, 'Thu'],
    [16, 'Mon'],
    [17, 'Mar 17'],
    [24, 'Mar 24'],
  ])('in the coming week a day is named by its weekday, from a week on by its date: March %i', (day, short) => {
    expect(dayOf(at(day), now, 'en-US').short).toBe(short);
  });

  it('a day in the past is named by its date', () => {
    expect(dayOf(at(3), now, 'en-US').short).toBe('Mar 3');
  });
});
