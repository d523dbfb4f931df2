import type { CallPlan } from './call-plan';

/** A past plan this long after its call time without an outcome is overdue. */
export const outcomeGraceMs = 2 * 60 * 60 * 1000;

export type PlanStatus =
  | { kind: 'outcome-due'; plan: CallPlanForStatus }
  | { kind: 'planned'; callAt: string; plan: CallPlanForStatus }
  | { kind: 'meeting-no-plan'; startAt: string }
  | { kind: 'advanced'; plan: CallPlanForStatus }
  | { kind: 'stalled'; plan: CallPlanForStatus }
  | { kind: 'lost'; plan: CallPlanForStatus }
  | { kind: 'no-plan' };

export type CallPlanForStatus = Pick<
  CallPlan,
  'planKey' | 'callAt' | 'createdAt' | 'outcome' | 'commitment' | 'outcomeAt'
>;

/** A meeting on the opportunity (a Salesforce Event): only its start matters to the status. */
export interface MeetingForStatus {
  startAt: string;
}

export interface OpportunityPlanSummary {
  status: PlanStatus;
  /** Outcomes whose commitment reached at least the minimum next step. */
  goalsMet: number;
  outcomesLogged: number;
}

const time = (iso: string) => Date.parse(iso);

/** Written after its call time: kept for the record, never counted as planned. */
export function isAfterTheFact(plan: Pick<CallPlan, 'callAt' | 'createdAt'>): boolean {
  return time(plan.createdAt) > time(plan.callAt);
}

/** Order or advance with a commitment at or above the minimum next step. */
export function metGoal(plan: Pick<CallPlan, 'outcome' | 'commitment'>): boolean {
  return (
    (plan.outcome === 'Order' || plan.outcome === 'Advance') && plan.commitment !== null && plan.commitment !== 'Below'
  );
}

/**
 * The status of one opportunity from its plans and meetings (design.md "Plan status"): outcome
 * due, then planned, then a meeting coming with no plan, then the latest outcome, then no plan.
 */
export function planStatus(
  plans: readonly CallPlanForStatus[],
  now: Date,
  meetings: readonly MeetingForStatus[] = [],
): PlanStatus {
  const nowMs = now.getTime();
  const overdue = plans
    .filter((p) => p.outcome === null && time(p.callAt) < nowMs - outcomeGraceMs)
    .sort((a, b) => time(a.callAt) - time(b.callAt));
  if (overdue[0]) return { kind: 'outcome-due', plan: overdue[0] };

  const upcoming = plans
    .filter((p) => p.outcome === null && time(p.callAt) >= nowMs - outcomeGraceMs && !isAfterTheFact(p))
    .sort((a, b) => time(a.callAt) - time(b.callAt));
  if (upcoming[0]) return { kind: 'planned', callAt: upcoming[0].callAt, plan: upcoming[0] };

  // A meeting already started is not "coming"; its plan, if any, was due before it.
  const nextMeeting = meetings
    .filter((m) => time(m.startAt) >= nowMs)
    .sort((a, b) => time(a.startAt) - time(b.startAt))[0];
  if (nextMeeting) return { kind: 'meeting-no-plan', startAt: nextMeeting.startAt };

  const latest = plans
    .filter((p) => p.outcome !== null)
    .sort(
      (a, b) => time(b.outcomeAt ?? b.callAt) - time(a.outcomeAt ?? a.callAt) || time(b.callAt) - time(a.callAt),
    )[0];
  if (latest) {
    if (latest.outcome === 'No-sale') return { kind: 'lost', plan: latest };
    if (metGoal(latest)) return { kind: 'advanced', plan: latest };
    return { kind: 'stalled', plan: latest };
  }
  return { kind: 'no-plan' };
}

export function summarizeOpportunity(
  plans: readonly CallPlanForStatus[],
  now: Date,
  meetings: readonly MeetingForStatus[] = [],
): OpportunityPlanSummary {
  const logged = plans.filter((p) => p.outcome !== null);
  return {
    status: planStatus(plans, now, meetings),
    goalsMet: logged.filter(metGoal).length,
    outcomesLogged: logged.length,
  };
}

export const planStatusLabels: Record<PlanStatus['kind'], string> = {
  'outcome-due': 'Outcome due',
  planned: 'Planned',
  'meeting-no-plan': 'Meeting, no plan',
  advanced: 'Advanced',
  stalled: 'Stalled',
  lost: 'Lost',
  'no-plan': 'No plan',
};
