import { describe, expect, it } from 'vitest';
import { type AlarmsArea, keepAlarm } from '../../../lib/background/keep-alarm';

/** chrome.alarms as far as a schedule sees it: creating replaces the alarm of that name. */
function fakeAlarms(existing: Record<string, number> = {}) {
  const created: [string, number][] = [];
  const alarms: AlarmsArea = {
    async get(name) {
      const period = existing[name];
      return period === undefined ? undefined : { name, periodInMinutes: period };
    },
    async create(name, info) {
      created.push([name, info.periodInMinutes]);
      existing[name] = info.periodInMinutes;
    },
  };
  return { alarms, created };
}

describe('keeping an alarm across worker starts', () => {
  it('sets an alarm that is not there (first start, or after Chrome dropped it)', async () => {
    const { alarms, created } = fakeAlarms();
    await keepAlarm(alarms, 'precall-reminders', 60);
    expect(created).toEqual([['precall-reminders', 60]]);
  });

  it('leaves an alarm already set to the same period, so its hour is not started over', async () => {
    const { alarms, created } = fakeAlarms({ 'precall-reminders': 60 });
    for (let start = 0; start < 3; start++) await keepAlarm(alarms, 'precall-reminders', 60);
    expect(created).toEqual([]);
  });

  it('sets it again when an update changed its period', async () => {
    const { alarms, created } = fakeAlarms({ 'precall-sync': 5 });
    await keepAlarm(alarms, 'precall-sync', 1);
    expect(created).toEqual([['precall-sync', 1]]);
  });
});
