import type { Commitment, HandledLevel, Outcome } from '../picklists';

/**
 * What the coaching indicators read: the fields they need of the local rows (plans, objections,
 * Salesforce Events and opportunities), so tests and the view pass exactly those.
 */
export interface CoachingPlan {
  planKey: string;
  opportunityId: string;
  /** The rep who wrote it. */
  ownerId: string;
  callAt: string;
  /** When the rep wrote it. */
  createdAt: string;
  outcome: Outcome | null;
  outcomeAt: string | null;
  commitment: Commitment | null;
}

export interface CoachingObjection {
  objectionKey: string;
  planKey: string;
  objection: string;
  expected: boolean;
  raised: boolean;
  handled: HandledLevel | null;
}

/** A Salesforce Event on an opportunity. */
export interface CoachingMeeting {
  id: string;
  opportunityId: string;
  ownerId: string;
  startAt: string;
}

export interface CoachingOpportunity {
  id: string;
  ownerId: string;
  /** `YYYY-MM-DD` */
  closeDate: string | null;
  isClosed: boolean;
}

export interface CoachingData {
  plans: readonly CoachingPlan[];
  objections: readonly CoachingObjection[];
  meetings: readonly CoachingMeeting[];
  opportunities: readonly CoachingOpportunity[];
}
