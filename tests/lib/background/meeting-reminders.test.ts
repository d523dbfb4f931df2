import { describe, expect, it } from 'vitest';
import { demoOrgId, userIds } from '../../../demo/org/seed-data';
import {
  meetingRemindersKey,
  notificationIdOf,
  recordOfNotification,
  remindedMeetingsKey,
  remindOfMeetings,
} from '../../../lib/background/meeting-reminders';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';

const now = new Date('2026-03-03T20:00:00Z');
const session: Session = {
  orgId: demoOrgId,
  userId: userIds.riley,
  userName: 'riley@precall.demo',
  displayName: 'Riley',
  apiOrigin: 'https://acme.my.salesforce.com',
  dbName: `precall-reminders-${crypto.randomUUID()}`,
  source: 'identity',
};

async function setUp(setting: unknown) {
  const db = new PrecallDb(session.dbName);
  const fetchedAt = now.toISOString();
  await db.meetings.bulkPut([
    {
      id: '00U000000000001',
      opportunityId: '0065g00000Nwd02AAB',
      subject: 'Warehouse pilot scoping',
      type: 'Meeting',
      startAt: '2026-03-04T10:00:00Z',
      endAt: null,
      ownerId: userIds.riley,
      fetchedAt,
    },
  ]);
  await db.opportunities.put({
    id: '0065g00000Nwd02AAB',
    name: 'Northwind – Warehouse Pilot',
    stageName: 'Qualification',
    closeDate: null,
    amount: null,
    ownerId: userIds.riley,
    accountId: null,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt,
  });
  const items: Record<string, unknown> = { [meetingRemindersKey]: setting };
  const notices: { id: string; title: string; message: string }[] = [];
  const deps = {
    storage: {
      get: async (keys: string[]) => Object.fromEntries(keys.map((key) => [key, items[key]])),
      set: async (more: Record<string, unknown>) => void Object.assign(items, more),
    },
    sessions: async () => [session],
    openDb: () => db,
    now: () => now,
    timeZone: 'UTC',
    notify: async (id: string, notice: { title: string; message: string }) => void notices.push({ id, ...notice }),
  };
  return { deps, notices, items };
}

describe('the day-before reminder of a meeting with no plan', () => {
  it('is off by default and for anything but true', async () => {
    for (const setting of [undefined, 'true', 1]) {
      const { deps, notices } = await setUp(setting);
      expect(await remindOfMeetings(deps)).toBe(0);
      expect(notices).toEqual([]);
    }
  });

  it('reminds once per meeting, naming it and the deal, and a click opens the deal in Lightning', async () => {
    const { deps, notices, items } = await setUp(true);
    expect(await remindOfMeetings(deps)).toBe(1);
    expect(await remindOfMeetings(deps)).toBe(0);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toBe('Meeting tomorrow without a call plan');
    expect(notices[0]?.message).toMatch(
      /^Warehouse pilot scoping at .+ · Northwind – Warehouse Pilot\. Plan the call now\.$/,
    );
    expect(items[remindedMeetingsKey]).toEqual(['00U000000000001']);
    expect(recordOfNotification(notices[0]?.id ?? '')).toBe(
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd02AAB/view',
    );
  });

  it('ignores notifications that are not its own', () => {
    expect(recordOfNotification('something-else')).toBeNull();
    expect(recordOfNotification('precall-meeting|')).toBeNull();
    expect(recordOfNotification(notificationIdOf('not a url', '006', '00U'))).toBeNull();
  });

  it('tells the meeting’s time in hours and minutes of the rep’s zone', async () => {
    const { deps, notices } = await setUp(true);
    await remindOfMeetings({ ...deps, timeZone: 'America/New_York' });
    expect(notices[0]?.message).toMatch(/^Warehouse pilot scoping at 05:00( AM)? · /);
  });

  it('keeps only meeting ids from what it stored, and writes the list only when it reminded', async () => {
    const { deps, items } = await setUp(true);
    items[remindedMeetingsKey] = [42, '00U000000000009', null];
    expect(await remindOfMeetings(deps)).toBe(1);
    expect(items[remindedMeetingsKey]).toEqual(['00U000000000009', '00U000000000001']);
    const untouched = ['00U000000000001', 42];
    items[remindedMeetingsKey] = untouched;
    expect(await remindOfMeetings(deps)).toBe(0);
    expect(items[remindedMeetingsKey]).toBe(untouched);
  });

  it('remembers the last 500 meetings it reminded of', async () => {
    const { deps, items } = await setUp(true);
    const earlier = Array.from({ length: 500 }, (_, i) => `00U9${String(i).padStart(11, '0')}`);
    items[remindedMeetingsKey] = earlier;
    expect(await remindOfMeetings(deps)).toBe(1);
    expect(items[remindedMeetingsKey]).toEqual([...earlier.slice(1), '00U000000000001']);
  });

  it('a reminder id without its opportunity opens nothing', () => {
    expect(recordOfNotification('precall-meeting|https://acme.my.salesforce.com|')).toBeNull();
    expect(recordOfNotification('precall-meeting||0065g00000Nwd02AAB|00U')).toBeNull();
  });
});
