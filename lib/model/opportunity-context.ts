import type { CallPlan } from './call-plan';

/**
 * What Salesforce knows about an opportunity that the panel starts from: its stage and close
 * date, the meetings coming up, and how the last call ended. Read from the local copies sync
 * keeps; `opportunity` is null until the first pull brought the record.
 */
export interface OpportunityContext {
  opportunity: OpportunitySummary | null;
  /** Meetings (Salesforce Events on the opportunity) not over yet, soonest first. */
  meetings: MeetingSummary[];
  /** The latest call with an outcome: where the next call starts. */
  lastCall: LastCall | null;
  /** Plans Salesforce holds a copy of: deleting one deletes it there too. */
  plansInSalesforce: string[];
  /** When the opportunity was last read from Salesforce; null when it never was. */
  fetchedAt: string | null;
  /** Why a requested refresh from Salesforce did not happen (offline, expired session). */
  refreshProblem?: string;
}

export interface OpportunitySummary {
  id: string;
  name: string;
  stageName: string;
  closeDate: string | null;
  ownerId: string;
  /** The owner's name when their user record was pulled. */
  ownerName: string | null;
  isClosed: boolean;
}

export interface MeetingSummary {
  id: string;
  subject: string;
  /** Event.Type as Salesforce stores it (Call, Meeting, …), null when not set. */
  type: string | null;
  startAt: string;
  endAt: string | null;
}

export type LastCall = Pick<
  CallPlan,
  'planKey' | 'callAt' | 'callType' | 'goal' | 'outcome' | 'commitment' | 'actualNextStep' | 'nextStepDue'
>;

/** At most this many meetings are sent to the panel: the header shows one, new plans pick one. */
export const meetingsShown = 5;

const time = (iso: string) => Date.parse(iso);

/** Meetings that have not ended at `now`, soonest first. */
export function meetingsAhead<T extends MeetingSummary>(meetings: readonly T[], now: Date): T[] {
  const nowMs = now.getTime();
  return meetings
    .filter((meeting) => time(meeting.endAt ?? meeting.startAt) >= nowMs)
    .sort((a, b) => time(a.startAt) - time(b.startAt));
}

/** The call with the latest call time among those whose outcome was logged. */
export function lastCallOf(plans: readonly CallPlan[]): LastCall | null {
  const logged = plans
    .filter((plan) => plan.outcome !== null)
    .sort((a, b) => time(b.callAt) - time(a.callAt) || time(b.outcomeAt ?? '') - time(a.outcomeAt ?? ''));
  const last = logged[0];
  if (!last) return null;
  const { planKey, callAt, callType, goal, outcome, commitment, actualNextStep, nextStepDue } = last;
  return { planKey, callAt, callType, goal, outcome, commitment, actualNextStep, nextStepDue };
}
