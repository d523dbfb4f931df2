import type { PrecallDb } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import { opportunityUrl } from '../model/coaching/record-link';
import { meetingsToRemind } from '../model/meeting-reminders';

/** Off unless the rep turns it on in Precall's options (a strict `true`, nothing else). */
export const meetingRemindersKey = 'precall:meeting-reminders';
/** Meetings already reminded of, so each is reminded once. */
export const remindedMeetingsKey = 'precall:reminded-meetings';
const rememberedReminders = 500;
const notificationPrefix = 'precall-meeting|';

export interface ReminderStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface MeetingReminderDeps {
  storage: ReminderStorage;
  /** Users who used Precall in this browser. */
  sessions(): Promise<Session[]>;
  openDb(session: Session): PrecallDb;
  now(): Date;
  timeZone: string;
  notify(id: string, notice: { title: string; message: string }): Promise<void>;
}

/**
 * The optional reminder the day before a meeting with no plan: each meeting of each user once,
 * its notification named so a click opens the opportunity where its panel shows.
 */
export async function remindOfMeetings(deps: MeetingReminderDeps): Promise<number> {
  const stored = await deps.storage.get([meetingRemindersKey, remindedMeetingsKey]);
  if (stored[meetingRemindersKey] !== true) return 0;
  const previous = Array.isArray(stored[remindedMeetingsKey])
    ? (stored[remindedMeetingsKey] as unknown[]).filter((id): id is string => typeof id === 'string')
    : [];
  const reminded = new Set(previous);
  let sent = 0;
  for (const session of await deps.sessions()) {
    const db = deps.openDb(session);
    const [meetings, plans, opportunities] = await Promise.all([
      db.meetings.where('ownerId').equals(session.userId).toArray(),
      db.plans.toArray(),
      db.opportunities.toArray(),
    ]);
    const names = new Map(opportunities.map((o) => [o.id, o.name]));
    const due = meetingsToRemind({
      meetings,
      plans,
      userId: session.userId,
      now: deps.now(),
      timeZone: deps.timeZone,
      reminded,
    });
    for (const meeting of due) {
      const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: deps.timeZone });
      await deps.notify(notificationIdOf(session.apiOrigin, meeting.opportunityId, meeting.id), {
        title: 'Meeting tomorrow without a call plan',
        message: `${meeting.subject} at ${time.format(new Date(meeting.startAt))} · ${names.get(meeting.opportunityId) ?? 'an opportunity'}. Plan the call now.`,
      });
      reminded.add(meeting.id);
      sent += 1;
    }
  }
  if (sent > 0) await deps.storage.set({ [remindedMeetingsKey]: [...reminded].slice(-rememberedReminders) });
  return sent;
}

export function notificationIdOf(origin: string, opportunityId: string, meetingId: string): string {
  return `${notificationPrefix}${origin}|${opportunityId}|${meetingId}`;
}

/** The record page a reminder opens, or null for a notification that is not a reminder. */
export function recordOfNotification(id: string): string | null {
  if (!id.startsWith(notificationPrefix)) return null;
  const [origin, opportunityId] = id.slice(notificationPrefix.length).split('|');
  if (!origin || !opportunityId) return null;
  try {
    return opportunityUrl(origin, opportunityId);
  } catch {
    return null;
  }
}
