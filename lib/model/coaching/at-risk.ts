import { isAfterTheFact, outcomeGraceMs } from '../plan-status';
import type { Call } from './calls';
import type { CoachingOpportunity, CoachingPlan } from './coaching-data';
import type { LocalCalendar } from './local-calendar';
import { dayOfDate } from './local-calendar';

/**
 * Open opportunities at risk now, whatever period is shown: an outcome is due (a call more than
 * 2 hours ago without outcome, as in plan-status.ts), a meeting is coming in the next days that
 * no plan prepares, or the deal closes within 30 days (or its close date has passed) and no call
 * is planned. Closed opportunities are never at risk.
 */
export type AtRiskReason = 'outcome-due' | 'meeting-no-plan' | 'closing-without-plan';

export interface AtRiskOpportunity {
  opportunityId: string;
  repId: string;
  reasons: AtRiskReason[];
  /** Plans whose outcome is due. */
  planKeys: string[];
  /** Meetings coming with no plan. */
  meetingIds: string[];
  closeDate: string | null;
}

export const closingSoonDays = 30;
/** How far ahead a meeting with no plan is flagged. */
export const meetingHorizonDays = 7;

export function atRisk(
  plans: readonly CoachingPlan[],
  calls: readonly Call[],
  opportunities: ReadonlyMap<string, CoachingOpportunity>,
  calendar: LocalCalendar,
  now: Date,
): AtRiskOpportunity[] {
  const nowMs = now.getTime();
  const found = new Map<string, AtRiskOpportunity>();
  const entry = (opportunityId: string, repId: string) => {
    let risk = found.get(opportunityId);
    if (!risk) {
      const opportunity = opportunities.get(opportunityId);
      risk = {
        opportunityId,
        repId: opportunity?.ownerId ?? repId,
        reasons: [],
        planKeys: [],
        meetingIds: [],
        closeDate: opportunity?.closeDate ?? null,
      };
      found.set(opportunityId, risk);
    }
    return risk;
  };
  const isOpen = (opportunityId: string) => opportunities.get(opportunityId)?.isClosed !== true;

  const planned = new Set<string>();
  for (const plan of plans) {
    if (plan.outcome !== null || !isOpen(plan.opportunityId)) continue;
    const callMs = Date.parse(plan.callAt);
    if (callMs < nowMs - outcomeGraceMs) {
      const risk = entry(plan.opportunityId, plan.ownerId);
      addReason(risk, 'outcome-due');
      risk.planKeys.push(plan.planKey);
    } else if (!isAfterTheFact(plan)) planned.add(plan.opportunityId);
  }

  const horizonMs = nowMs + meetingHorizonDays * 86_400_000;
  for (const call of calls) {
    if (call.meetingId === null || call.plan !== null || !isOpen(call.opportunityId)) continue;
    if (call.startMs < nowMs || call.startMs >= horizonMs) continue;
    const risk = entry(call.opportunityId, call.repId);
    addReason(risk, 'meeting-no-plan');
    risk.meetingIds.push(call.meetingId);
  }

  const lastCloseDay = calendar.dayOf(nowMs) + closingSoonDays;
  for (const opportunity of opportunities.values()) {
    if (opportunity.isClosed || opportunity.closeDate === null || planned.has(opportunity.id)) continue;
    if (dayOfDate(opportunity.closeDate) > lastCloseDay) continue;
    addReason(entry(opportunity.id, opportunity.ownerId), 'closing-without-plan');
  }

  const order: AtRiskReason[] = ['outcome-due', 'meeting-no-plan', 'closing-without-plan'];
  return [...found.values()]
    .map((risk) => ({ ...risk, reasons: order.filter((reason) => risk.reasons.includes(reason)) }))
    .sort((a, b) => a.repId.localeCompare(b.repId) || a.opportunityId.localeCompare(b.opportunityId));
}

function addReason(risk: AtRiskOpportunity, reason: AtRiskReason): void {
  if (!risk.reasons.includes(reason)) risk.reasons.push(reason);
}
