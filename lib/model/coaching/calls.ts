import type { CoachingMeeting, CoachingOpportunity, CoachingPlan } from './coaching-data';
import type { LocalCalendar } from './local-calendar';

/**
 * One call: a plan's own call, a Salesforce Event, or both when they are the same call. A plan
 * and an Event on the same opportunity and the same local day are the same call (paired in time
 * order, one to one), so a call with a plan and an Event is counted once. It counts for the
 * opportunity's owner (the rep whose deal it is), or, when the opportunity is not known locally,
 * for whoever wrote the plan or owns the Event.
 */
export interface Call {
  repId: string;
  opportunityId: string;
  /** The plan's key, or null for an Event nobody planned (a call is its own drill-down source). */
  planKey: string | null;
  /** When it began: the earlier of the plan's call time and the Event's start. */
  startMs: number;
  /** Its local day (local-calendar.ts). */
  day: number;
  plan: CoachingPlan | null;
  meetingId: string | null;
}

export function callsOf(
  plans: readonly CoachingPlan[],
  meetings: readonly CoachingMeeting[],
  ownerOf: ReadonlyMap<string, CoachingOpportunity>,
  calendar: LocalCalendar,
): Call[] {
  type Timed<T> = { item: T; ms: number };
  const sameDay = new Map<string, { plans: Timed<CoachingPlan>[]; meetings: Timed<CoachingMeeting>[] }>();
  const slot = (opportunityId: string, day: number) => {
    const key = `${opportunityId}|${day}`;
    let found = sameDay.get(key);
    if (!found) {
      found = { plans: [], meetings: [] };
      sameDay.set(key, found);
    }
    return found;
  };
  for (const plan of plans) {
    const ms = Date.parse(plan.callAt);
    if (!Number.isNaN(ms)) slot(plan.opportunityId, calendar.dayOf(ms)).plans.push({ item: plan, ms });
  }
  for (const meeting of meetings) {
    const ms = Date.parse(meeting.startAt);
    if (!Number.isNaN(ms)) slot(meeting.opportunityId, calendar.dayOf(ms)).meetings.push({ item: meeting, ms });
  }

  const calls: Call[] = [];
  for (const { plans: dayPlans, meetings: dayMeetings } of sameDay.values()) {
    dayPlans.sort((a, b) => a.ms - b.ms);
    dayMeetings.sort((a, b) => a.ms - b.ms);
    const pairs = Math.max(dayPlans.length, dayMeetings.length);
    for (let i = 0; i < pairs; i++) {
      const plan = dayPlans[i]?.item ?? null;
      const meeting = dayMeetings[i]?.item ?? null;
      const startMs = Math.min(
        dayPlans[i]?.ms ?? Number.POSITIVE_INFINITY,
        dayMeetings[i]?.ms ?? Number.POSITIVE_INFINITY,
      );
      const opportunityId = (plan?.opportunityId ?? meeting?.opportunityId) as string;
      calls.push({
        repId: ownerOf.get(opportunityId)?.ownerId ?? plan?.ownerId ?? meeting?.ownerId ?? '',
        opportunityId,
        startMs,
        day: calendar.dayOf(startMs),
        planKey: plan?.planKey ?? null,
        plan,
        meetingId: meeting?.id ?? null,
      });
    }
  }
  return calls;
}
