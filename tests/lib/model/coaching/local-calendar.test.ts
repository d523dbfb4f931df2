import { describe, expect, it, vi } from 'vitest';
import { dateOfDay, dayOfDate, localCalendar, mondayOf } from '../../../../lib/model/coaching/local-calendar';

const dateIn = (timeZone: string, iso: string) => dateOfDay(localCalendar(timeZone).dayOf(Date.parse(iso)));

describe('localCalendar', () => {
  it.each([
    ['UTC', '2026-03-08T23:30:00Z', '2026-03-08'],
    // New York moved to summer time at 2026-03-08 02:00 local: 03:30 UTC is still the 8th there.
    ['America/New_York', '2026-03-09T03:30:00Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00Z', '2026-03-09'],
    // Before the change the offset was 5 hours: 04:30 UTC was 23:30 the day before.
    ['America/New_York', '2026-03-08T04:30:00Z', '2026-03-07'],
    // London: 2026-03-29 01:00 UTC clocks go forward; 23:30 UTC that day is 00:30 on the 30th.
    ['Europe/London', '2026-03-29T00:30:00Z', '2026-03-29'],
    ['Europe/London', '2026-03-29T23:30:00Z', '2026-03-30'],
    ['Europe/London', '2026-10-25T00:30:00Z', '2026-10-25'],
    ['Europe/London', '2026-10-25T23:30:00Z', '2026-10-25'],
    ['Asia/Kathmandu', '2026-03-08T18:14:00Z', '2026-03-08'],
    ['Asia/Kathmandu', '2026-03-08T18:15:00Z', '2026-03-09'],
    ['Pacific/Auckland', '2026-03-08T11:00:00Z', '2026-03-09'],
    // Monrovia kept 44 min 30 s behind UTC until 1972: its midnight fell at 00:44:30 UTC.
    ['Africa/Monrovia', '1970-06-01T00:44:20Z', '1970-05-31'],
    ['Africa/Monrovia', '1970-06-01T00:44:40Z', '1970-06-01'],
  ])('in %s, %s is on %s', (timeZone, iso, date) => {
    expect(dateIn(timeZone, iso)).toBe(date);
  });

  it('finds the day of every instant around a change of offset, not only of whole days', () => {
    const calendar = localCalendar('Europe/Berlin');
    // Berlin: 2026-03-29 01:00 UTC, 02:00 → 03:00 local. 22:00 UTC that day is midnight local.
    expect(dateOfDay(calendar.dayOf(Date.parse('2026-03-29T21:59:59Z')))).toBe('2026-03-29');
    expect(dateOfDay(calendar.dayOf(Date.parse('2026-03-29T22:00:00Z')))).toBe('2026-03-30');
    expect(dateOfDay(calendar.dayOf(Date.parse('2026-03-28T22:59:59Z')))).toBe('2026-03-28');
    expect(dateOfDay(calendar.dayOf(Date.parse('2026-03-28T23:00:00Z')))).toBe('2026-03-29');
  });

  it('asks the zone for its offset twice per UTC day without a change, and by the quarter hour on a day with one', () => {
    // The coaching view places every call of 20,000 plans: the look-ups, not the calls, are the cost.
    const lookUps = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      const calendar = localCalendar('Europe/London');
      const quiet = Date.parse('2026-03-10T00:00:00Z');
      for (let minute = 0; minute < 24 * 60; minute += 7) calendar.dayOf(quiet + minute * 60_000);
      expect(lookUps).toHaveBeenCalledTimes(2);
      lookUps.mockClear();
      // 2026-03-29: the clocks go forward at 01:00 UTC.
      const change = Date.parse('2026-03-29T00:00:00Z');
      for (let minute = 0; minute < 24 * 60; minute += 7) calendar.dayOf(change + minute * 60_000);
      expect(lookUps).toHaveBeenCalledTimes(2 + 96);
    } finally {
      lookUps.mockRestore();
    }
  });

  it('an unknown zone is a clear error', () => {
    expect(() => localCalendar('Mars/Olympus')).toThrow('Unknown time zone: Mars/Olympus');
  });
});

describe('dates and Monday weeks', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-04', '2026-03-02'],
    ['2026-03-08', '2026-03-02'],
    ['2026-03-09', '2026-03-09'],
    ['1970-01-01', '1969-12-29'],
    ['1969-12-28', '1969-12-22'],
  ])('the week of %s starts on Monday %s', (date, monday) => {
    expect(dateOfDay(mondayOf(dayOfDate(date)))).toBe(monday);
  });

  it.each(['2026-02-30', '2026-3-1', 'yesterday', '2026-13-01', ''])('%s is not a date', (date) => {
    expect(() => dayOfDate(date)).toThrow(`Not a date: ${date}`);
  });

  it('day numbers count from 1970-01-01', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dayOfDate('1970-01-02')).toBe(1);
    expect(dateOfDay(-1)).toBe('1969-12-31');
  });
});
