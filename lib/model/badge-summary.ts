import type { BadgeText } from './badge-text';
import type { CallPlan, Objection } from './call-plan';
import { type CallPlanForStatus, type PlanStatus, summarizeOpportunity } from './plan-status';

/**
 * What a pipeline badge and its card show for one opportunity: the status (design.md "Plan
 * status"), goals met against outcomes logged, and the plan the status is about. Plain data, so
 * the background can answer it and the content script render it without the model's code.
 */
export type BadgeStatus =
  | { kind: 'outcome-due'; callAt: string }
  | { kind: 'planned'; callAt: string }
  | { kind: 'meeting-no-plan'; startAt: string }
  | { kind: 'advanced' | 'stalled' | 'lost' | 'no-plan' };

export type BadgeStatusKind = BadgeStatus['kind'];

/** The card beside a badge: what was planned against what happened, as text ready to show. */
export interface BadgeCard {
  /** Term and value: goal, best and minimum next step, outcome, commitment, actual next step. */
  fields: [term: string, value: string][];
  /** Lines below: objections expected against raised, the coaching note. */
  notes: string[];
}

/**
 * A badge as the content script shows it. The words are made in the background (the browser's
 * language and time zone are the same there), so the page's script only places them.
 */
export interface BadgeSummary extends BadgeText {
  status: BadgeStatus;
  goalsMet: number;
  outcomesLogged: number;
  /** The plan the status is about; null when the opportunity has none. */
  card: BadgeCard | null;
}

export type BadgeSummaries = Record<string, BadgeSummary>;

/** A meeting as the status rule reads it: a Salesforce Event on the opportunity. */
export interface MeetingForStatus {
  startAt: string;
}

export type PlanForBadge = Omit<CallPlan, 'objections'>;

/** A coaching note is shown up to this many characters on the card; the panel has it whole. */
export const cardNoteLimit = 600;

/**
 * The status rule with meetings: plan-status.ts takes the opportunity's meetings as a third
 * argument and answers `meeting-no-plan` for a meeting coming with no plan. Typed here so this
 * file compiles against either form of the rule.
 */
type StatusRule = (
  plans: readonly CallPlanForStatus[],
  now: Date,
  meetings: readonly MeetingForStatus[],
) => {
  status: PlanStatus | { kind: 'meeting-no-plan'; startAt: string };
  goalsMet: number;
  outcomesLogged: number;
};
const statusRule = summarizeOpportunity as StatusRule;

export interface BadgeStatusResult {
  status: BadgeStatus;
  goalsMet: number;
  outcomesLogged: number;
  /** The plan the card shows: the one the status is about, else the latest by call time. */
  focus: PlanForBadge | null;
}

export function badgeStatusOf(
  plans: readonly PlanForBadge[],
  meetings: readonly MeetingForStatus[],
  now: Date,
): BadgeStatusResult {
  const summary = statusRule(plans, now, meetings);
  const status = summary.status;
  const aboutKey = 'plan' in status ? status.plan.planKey : null;
  const focus =
    plans.find((p) => p.planKey === aboutKey) ??
    [...plans].sort((a, b) => Date.parse(b.callAt) - Date.parse(a.callAt))[0] ??
    null;
  return { status: plainStatus(status), goalsMet: summary.goalsMet, outcomesLogged: summary.outcomesLogged, focus };
}

function plainStatus(status: PlanStatus | { kind: 'meeting-no-plan'; startAt: string }): BadgeStatus {
  switch (status.kind) {
    case 'planned':
      return { kind: 'planned', callAt: status.callAt };
    case 'outcome-due':
      return { kind: 'outcome-due', callAt: status.plan.callAt };
    case 'meeting-no-plan':
      return { kind: 'meeting-no-plan', startAt: status.startAt };
    default:
      return { kind: status.kind };
  }
}

/** The card for the plan a badge is about, with its objections counted. */
export function badgeCardOf(plan: PlanForBadge, objections: readonly Objection[]): BadgeCard {
  const fields: [string, string][] = [];
  const field = (term: string, value: string | null) => {
    if (value) fields.push([term, value]);
  };
  field('Goal', plan.goal);
  field('Best next step', plan.bestNextStep);
  field('Minimum next step', plan.minimumNextStep);
  field('Outcome', plan.outcome ?? 'Not logged yet');
  field('Commitment', plan.commitment);
  field('Actual next step', plan.actualNextStep);
  const notes: string[] = [];
  const expected = objections.filter((o) => o.expected).length;
  const raised = objections.filter((o) => o.raised).length;
  const surprises = objections.filter((o) => o.raised && !o.expected).length;
  if (expected + raised > 0) {
    notes.push(`Objections: ${expected} expected, ${raised} raised${surprises ? `, ${surprises} not expected` : ''}`);
  }
  const note = plan.coachNote.trim();
  if (note) notes.push(`Coaching note: ${note.length > cardNoteLimit ? `${note.slice(0, cardNoteLimit - 1)}…` : note}`);
  return { fields, notes };
}
