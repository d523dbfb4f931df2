import { localCalendar } from './coaching/local-calendar';

/**
 * Meetings to remind a rep of the day before: theirs, tomorrow in their time zone, on an
 * opportunity with no call plan for that day, and not reminded of already.
 */
export interface ReminderMeeting {
  id: string;
  opportunityId: string;
  ownerId: string;
  subject: string;
  startAt: string;
}

export interface ReminderPlan {
  opportunityId: string;
  callAt: string;
}

export function meetingsToRemind(input: {
  meetings: readonly ReminderMeeting[];
  plans: readonly ReminderPlan[];
  userId: string;
  now: Date;
  timeZone: string;
  reminded: ReadonlySet<string>;
}): ReminderMeeting[] {
  const calendar = localCalendar(input.timeZone);
  const tomorrow = calendar.dayOf(input.now.getTime()) + 1;
  const planned = new Set<string>();
  for (const plan of input.plans) {
    const ms = Date.parse(plan.callAt);
    if (!Number.isNaN(ms) && calendar.dayOf(ms) === tomorrow) planned.add(plan.opportunityId);
  }
  return input.meetings
    .filter((meeting) => {
      const ms = Date.parse(meeting.startAt);
      return (
        meeting.ownerId === input.userId &&
        !input.reminded.has(meeting.id) &&
        !Number.isNaN(ms) &&
        calendar.dayOf(ms) === tomorrow &&
        !planned.has(meeting.opportunityId)
      );
    })
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
}
