import type { StoredCallPlan } from '../model/call-plan';
import type { CoachingObjection, CoachingOpportunity, CoachingPlan } from '../model/coaching/coaching-data';
import type { MeetingRow, OpportunityRow, UserRow } from './salesforce-cache';
import type { StoredObjection } from './stored-objection';

/**
 * The fields of the local rows the coaching view reads: what the indicators count and what names
 * a deal, a meeting or a rep. Kept apart from whole rows so a copy of 20,000 plans held between
 * reports stays small; a drill-down reads the few whole plans it shows.
 */
export type CoachingDealRow = CoachingOpportunity & Pick<OpportunityRow, 'name' | 'accountName'>;
export type CoachingMeetingRow = Pick<MeetingRow, 'id' | 'opportunityId' | 'ownerId' | 'startAt' | 'subject'>;
export type CoachingUserRow = Pick<UserRow, 'id' | 'name' | 'managerId'>;

export function coachingPlanRow(plan: StoredCallPlan): CoachingPlan {
  return {
    planKey: plan.planKey,
    opportunityId: plan.opportunityId,
    ownerId: plan.ownerId,
    callAt: plan.callAt,
    createdAt: plan.createdAt,
    outcome: plan.outcome,
    outcomeAt: plan.outcomeAt,
    commitment: plan.commitment,
  };
}

export function coachingObjectionRow(objection: StoredObjection): CoachingObjection {
  return {
    objectionKey: objection.objectionKey,
    planKey: objection.planKey,
    objection: objection.objection,
    expected: objection.expected,
    raised: objection.raised,
    handled: objection.handled,
  };
}

export function coachingDealRow(opportunity: OpportunityRow): CoachingDealRow {
  return {
    id: opportunity.id,
    ownerId: opportunity.ownerId,
    closeDate: opportunity.closeDate,
    isClosed: opportunity.isClosed,
    name: opportunity.name,
    accountName: opportunity.accountName,
  };
}

export function coachingMeetingRow(meeting: MeetingRow): CoachingMeetingRow {
  return {
    id: meeting.id,
    opportunityId: meeting.opportunityId,
    ownerId: meeting.ownerId,
    startAt: meeting.startAt,
    subject: meeting.subject,
  };
}

export function coachingUserRow(user: UserRow): CoachingUserRow {
  return { id: user.id, name: user.name, managerId: user.managerId };
}

/** Two projected rows say the same (their fields are all plain values). */
export function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.is(left[key], right[key]));
}
