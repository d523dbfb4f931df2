import { type AtRiskOpportunity, atRisk, meetingHorizonDays } from './at-risk';
import { callsOf } from './calls';
import type { CoachingData, CoachingOpportunity } from './coaching-data';
import { type Indicators, indicatorsBuilder } from './indicators';
import { dateOfDay, dayOfDate, localCalendar, mondayOf } from './local-calendar';
import { objectionIndex } from './objection-stats';

/**
 * The coaching view's numbers in one pass over the local data: per rep and for the team, over a
 * chosen period and per Monday week inside it, in the manager's time zone; and the opportunities
 * at risk now. Indexes first (opportunities, objections by plan), so 20,000 plans cost one
 * pass, never a join per plan.
 */
export interface CoachingQuery {
  /** IANA zone in which days and Monday weeks are counted. */
  timeZone: string;
  /** First and last local day of the period, inclusive (`YYYY-MM-DD`). */
  from: string;
  to: string;
  now: Date;
  /**
   * The reps to report, each listed even with no calls; the team is their sum. Without it, every
   * rep found in the data.
   */
  repIds?: readonly string[];
}

export interface CoachingReport {
  timeZone: string;
  from: string;
  to: string;
  team: Indicators;
  reps: Record<string, Indicators>;
  /** Every Monday week touching the period, oldest first; edge weeks hold only days inside it. */
  weeks: { weekStart: string; team: Indicators; reps: Record<string, Indicators> }[];
  atRisk: AtRiskOpportunity[];
}

export function coachingReport(data: CoachingData, query: CoachingQuery): CoachingReport {
  const calendar = localCalendar(query.timeZone);
  const fromDay = dayOfDate(query.from);
  const toDay = dayOfDate(query.to);
  if (toDay < fromDay) throw new RangeError(`The period ends (${query.to}) before it starts (${query.from})`);
  const nowMs = query.now.getTime();

  const opportunities = new Map<string, CoachingOpportunity>(data.opportunities.map((o) => [o.id, o]));

  // The period's days, and the days from today to the at-risk horizon (a day either side, for
  // calls whose plan and Event straddle the edge).
  const today = calendar.dayOf(nowMs);
  const calls = callsOf(
    data.plans,
    data.meetings,
    opportunities,
    calendar,
    (day) => (day >= fromDay && day <= toDay) || (day >= today - 1 && day <= today + meetingHorizonDays + 1),
  );
  // Only the objections of plans counted here are indexed.
  const counted = new Set<string>();
  for (const call of calls) if (call.planKey !== null) counted.add(call.planKey);
  const objections = objectionIndex(data.objections.filter((objection) => counted.has(objection.planKey)));
  const builder = () => indicatorsBuilder(objections, nowMs);

  const chosen = query.repIds ? new Set(query.repIds) : null;
  const team = builder();
  const reps = new Map<string, ReturnType<typeof builder>>();
  const weeks = new Map<number, { team: ReturnType<typeof builder>; reps: Map<string, ReturnType<typeof builder>> }>();
  for (let monday = mondayOf(fromDay); monday <= toDay; monday += 7)
    weeks.set(monday, { team: builder(), reps: new Map() });
  const repIn = (map: Map<string, ReturnType<typeof builder>>, repId: string) => {
    let found = map.get(repId);
    if (!found) {
      found = builder();
      map.set(repId, found);
    }
    return found;
  };
  for (const repId of query.repIds ?? []) {
    repIn(reps, repId);
    for (const week of weeks.values()) repIn(week.reps, repId);
  }

  for (const call of calls) {
    if (call.day < fromDay || call.day > toDay) continue;
    if (chosen && !chosen.has(call.repId)) continue;
    const week = weeks.get(mondayOf(call.day));
    team.add(call);
    repIn(reps, call.repId).add(call);
    week?.team.add(call);
    if (week) repIn(week.reps, call.repId).add(call);
  }

  const built = (map: Map<string, ReturnType<typeof builder>>) =>
    Object.fromEntries([...map].map(([repId, indicators]) => [repId, indicators.build()]));
  const risks = atRisk(data.plans, calls, opportunities, calendar, query.now);
  return {
    timeZone: query.timeZone,
    from: query.from,
    to: query.to,
    team: team.build(),
    reps: built(reps),
    weeks: [...weeks].map(([monday, week]) => ({
      weekStart: dateOfDay(monday),
      team: week.team.build(),
      reps: built(week.reps),
    })),
    atRisk: chosen ? risks.filter((risk) => chosen.has(risk.repId)) : risks,
  };
}
