import { shareOf } from '../coaching/evidence';
import { dateOfDay, dayOfDate, localCalendar, mondayOf } from '../coaching/local-calendar';
import type { Outcome } from '../picklists';
import { type PlanContent, planReadiness } from './plan-readiness';
import type { StageRequirements } from './stage-requirements';

export interface AdherencePlan extends PlanContent {
  planKey: string;
  opportunityId: string;
  /** The rep who wrote it. */
  ownerId: string;
  callAt: string;
  /** When the rep wrote it: a plan written after its call was never ready before it. */
  createdAt: string;
  outcome: Outcome | null;
}

export interface AdherenceQuery {
  timeZone: string;
  /** First and last local day of the period, `YYYY-MM-DD`. */
  from: string;
  to: string;
  now: Date;
}

/** Calls held in a week and how many had a plan ready by the playbook before the call. */
export interface AdherenceFigure {
  calls: number;
  readyBeforeCall: number;
  share: number | null;
  /** Calls at a stage the playbook asks nothing of: not counted either way. */
  noPlaybook: number;
  /** The plans behind `calls` that were not ready, for the drill-down. */
  notReadyPlanKeys: string[];
}

export interface AdherenceWeek extends AdherenceFigure {
  /** The Monday the week starts on, `YYYY-MM-DD`. */
  weekStart: string;
}

export interface RepAdherence {
  repId: string;
  weeks: AdherenceWeek[];
  total: AdherenceFigure;
}

export interface OutcomeGroup {
  plans: number;
  outcomes: number;
  /** Order or advance. */
  advances: number;
  continuations: number;
  noSales: number;
  advanceRate: number | null;
}

export interface AdherenceReport {
  weekStarts: string[];
  reps: RepAdherence[];
  team: { weeks: AdherenceWeek[]; total: AdherenceFigure };
  /** Outcomes of plans that followed the playbook against those that did not. */
  outcomes: { followed: OutcomeGroup; notFollowed: OutcomeGroup };
}

/** The stage requirements that applied to a plan: its rep's playbook at its opportunity's stage. */
export type RequirementsOf = (plan: AdherencePlan) => StageRequirements | null;

/**
 * Playbook adherence per rep and Monday week of the manager's time zone: of the calls held in
 * the period (a plan's call time, up to now), how many had a plan written before the call that
 * holds everything its stage's playbook asks.
 */
export function playbookAdherence(
  plans: readonly AdherencePlan[],
  requirementsOf: RequirementsOf,
  query: AdherenceQuery,
): AdherenceReport {
  const calendar = localCalendar(query.timeZone);
  const fromDay = dayOfDate(query.from);
  const toDay = dayOfDate(query.to);
  if (toDay < fromDay) throw new RangeError(`The period ends (${query.to}) before it starts (${query.from})`);
  const weekStarts: number[] = [];
  for (let monday = mondayOf(fromDay); monday <= toDay; monday += 7) weekStarts.push(monday);

  const perRep = new Map<string, Map<number, AdherenceFigure>>();
  const team = new Map<number, AdherenceFigure>(weekStarts.map((w) => [w, emptyFigure()]));
  const followed = emptyOutcomes();
  const notFollowed = emptyOutcomes();
  const nowMs = query.now.getTime();

  for (const plan of plans) {
    const callMs = Date.parse(plan.callAt);
    if (Number.isNaN(callMs) || callMs > nowMs) continue;
    const day = calendar.dayOf(callMs);
    if (day < fromDay || day > toDay) continue;
    const week = mondayOf(day);
    let weeks = perRep.get(plan.ownerId);
    if (!weeks) {
      weeks = new Map(weekStarts.map((w) => [w, emptyFigure()]));
      perRep.set(plan.ownerId, weeks);
    }
    const readiness = planReadiness(plan, requirementsOf(plan));
    const figures = [weeks.get(week), team.get(week)].filter((f): f is AdherenceFigure => f !== undefined);
    if (readiness.kind === 'no-playbook') {
      for (const figure of figures) figure.noPlaybook += 1;
      continue;
    }
    const ready = readiness.kind === 'ready' && Date.parse(plan.createdAt) <= callMs;
    for (const figure of figures) {
      figure.calls += 1;
      if (ready) figure.readyBeforeCall += 1;
      else figure.notReadyPlanKeys.push(plan.planKey);
    }
    countOutcome(ready ? followed : notFollowed, plan.outcome);
  }

  const toWeeks = (weeks: Map<number, AdherenceFigure>) =>
    weekStarts.map((w) => withShare({ ...(weeks.get(w) ?? emptyFigure()), weekStart: dateOfDay(w) }));
  const reps = [...perRep.entries()]
    .map(([repId, weeks]) => ({ repId, weeks: toWeeks(weeks), total: totalOf([...weeks.values()]) }))
    .sort((a, b) => a.repId.localeCompare(b.repId));
  return {
    weekStarts: weekStarts.map(dateOfDay),
    reps,
    team: { weeks: toWeeks(team), total: totalOf([...team.values()]) },
    outcomes: { followed: withRate(followed), notFollowed: withRate(notFollowed) },
  };
}

function emptyFigure(): AdherenceFigure {
  return { calls: 0, readyBeforeCall: 0, share: null, noPlaybook: 0, notReadyPlanKeys: [] };
}

function withShare<T extends AdherenceFigure>(figure: T): T {
  return { ...figure, share: shareOf(figure.readyBeforeCall, figure.calls) };
}

function totalOf(figures: readonly AdherenceFigure[]): AdherenceFigure {
  const total = emptyFigure();
  for (const figure of figures) {
    total.calls += figure.calls;
    total.readyBeforeCall += figure.readyBeforeCall;
    total.noPlaybook += figure.noPlaybook;
    total.notReadyPlanKeys.push(...figure.notReadyPlanKeys);
  }
  return withShare(total);
}

function emptyOutcomes(): OutcomeGroup {
  return { plans: 0, outcomes: 0, advances: 0, continuations: 0, noSales: 0, advanceRate: null };
}

function countOutcome(group: OutcomeGroup, outcome: Outcome | null): void {
  group.plans += 1;
  if (outcome === null) return;
  group.outcomes += 1;
  if (outcome === 'Order' || outcome === 'Advance') group.advances += 1;
  if (outcome === 'Continuation') group.continuations += 1;
  if (outcome === 'No-sale') group.noSales += 1;
}

function withRate(group: OutcomeGroup): OutcomeGroup {
  return { ...group, advanceRate: shareOf(group.advances, group.outcomes) };
}
