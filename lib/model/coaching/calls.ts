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
  /** When the plan was written and its outcome logged (NaN when not), parsed once. */
  writtenMs: number;
  outcomeLoggedMs: number;
}

export function callsOf(
  plans: readonly CoachingPlan[],
  meetings: readonly CoachingMeeting[],
  ownerOf: ReadonlyMap<string, CoachingOpportunity>,
  calendar: LocalCalendar,
  /** Only calls on the days wanted are built (the period, and the days ahead for at-risk). */
  wanted: (day: number) => boolean = () => true,
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
    const day = Number.isNaN(ms) ? Number.NaN : calendar.dayOf(ms);
    if (wanted(day)) slot(plan.opportunityId, day).plans.push({ item: plan, ms });
  }
  for (const meeting of meetings) {
    const ms = Date.parse(meeting.startAt);
    const day = Number.isNaN(ms) ? Number.NaN : calendar.dayOf(ms);
    if (wanted(day)) slot(meeting.opportunityId, day).meetings.push({ item: meeting, ms });
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
        writtenMs: plan ? Date.parse(plan.createdAt) : Number.NaN,
        outcomeLoggedMs: plan?.outcomeAt ? Date.parse(plan.outcomeAt) : Number.NaN,
      });
    }
  }
  return calls;
}
