import { type CallPlan, newObjection } from '../../lib/model/call-plan';
import type { MeetingSummary } from '../../lib/model/opportunity-context';
import { type CallType, callTypes } from '../../lib/model/picklists';

/** Working hours in the rep's own time zone: calls start on the hour from 9:00 to 16:00, Monday to Friday. */
export const workingHours = { firstStart: 9, lastStart: 16 } as const;
/** A plan needs some time to write and to reach the buyer: no default call sooner than this. */
const leadMs = 60 * 60 * 1000;

/** The next working-hours slot on the hour at least an hour from now, in local time. */
export function defaultCallAt(now: Date): Date {
  const slot = new Date(now.getTime() + leadMs);
  if (slot.getMinutes() > 0 || slot.getSeconds() > 0 || slot.getMilliseconds() > 0) {
    slot.setHours(slot.getHours() + 1, 0, 0, 0);
  }
  for (let guard = 0; guard < 14; guard++) {
    const weekday = slot.getDay() !== 0 && slot.getDay() !== 6;
    if (weekday && slot.getHours() < workingHours.firstStart) slot.setHours(workingHours.firstStart, 0, 0, 0);
    if (weekday && slot.getHours() <= workingHours.lastStart) return slot;
    slot.setDate(slot.getDate() + 1);
    slot.setHours(workingHours.firstStart, 0, 0, 0);
  }
  return slot;
}

/** The call type a Salesforce Event stands for: its Type when Precall knows it, else what its subject says. */
export function callTypeOfMeeting(meeting: Pick<MeetingSummary, 'type' | 'subject'>): CallType {
  const byType = callTypes.find((type) => type.toLowerCase() === meeting.type?.trim().toLowerCase());
  if (byType) return byType;
  if (meeting.type && /e-?mail/i.test(meeting.type)) return 'Other';
  if (/\bdemo\b/i.test(meeting.subject)) return 'Demo';
  if (/\bcall\b/i.test(meeting.subject)) return 'Call';
  return 'Meeting';
}

/** A meeting and a plan this close together are the same call. */
const sameCallMs = 30 * 60 * 1000;

/** The first meeting ahead that no plan is written for yet: the call a new plan is most likely for. */
export function meetingToPlan(
  meetings: readonly MeetingSummary[],
  plans: readonly Pick<CallPlan, 'callAt'>[],
  now: Date,
): MeetingSummary | null {
  const planned = plans.map((plan) => Date.parse(plan.callAt));
  return (
    meetings
      .filter((meeting) => Date.parse(meeting.startAt) > now.getTime())
      .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
      .find((meeting) => !planned.some((at) => Math.abs(at - Date.parse(meeting.startAt)) < sameCallMs)) ?? null
  );
}

/** Where a new plan starts: the next unplanned meeting, or a sensible time in working hours. */
export function startOfNewPlan(
  plan: CallPlan,
  meetings: readonly MeetingSummary[],
  plans: readonly Pick<CallPlan, 'callAt'>[],
  now: Date,
): { plan: CallPlan; meeting: MeetingSummary | null } {
  const meeting = meetingToPlan(meetings, plans, now);
  if (meeting) {
    return {
      plan: { ...plan, callAt: new Date(meeting.startAt).toISOString(), callType: callTypeOfMeeting(meeting) },
      meeting,
    };
  }
  return { plan: { ...plan, callAt: defaultCallAt(now).toISOString() }, meeting: null };
}

/**
 * "Continue from last call": the questions still open, the qualification as it stood, and the
 * expected objections that did not come up, so the next call starts where the last one ended.
 */
export function continueFromLastCall(
  plan: CallPlan,
  previous: CallPlan,
  newKey: () => string = () => crypto.randomUUID(),
): CallPlan {
  const carried = previous.objections
    .filter((objection) => objection.expected && !objection.raised && objection.objection.trim())
    .map((objection, index) => ({
      ...newObjection(plan.objections.length + index, true, newKey),
      objection: objection.objection,
      response: objection.response,
    }));
  const questions = [plan.questions.trim(), previous.questions.trim()].filter(Boolean).join('\n');
  return {
    ...plan,
    questions,
    need: previous.need,
    budget: previous.budget,
    decisionProcess: previous.decisionProcess,
    timing: previous.timing,
    objections: [...plan.objections, ...carried],
  };
}
