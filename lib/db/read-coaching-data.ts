import type { CoachingData } from '../model/coaching/coaching-data';
import {
  type CoachingDealRow,
  type CoachingMeetingRow,
  type CoachingUserRow,
  coachingDealRow,
  coachingMeetingRow,
  coachingObjectionRow,
  coachingPlanRow,
  coachingUserRow,
} from './coaching-rows';
import type { PrecallDb } from './precall-db';

/** What the coaching view reads: the indicators' data and the rows that name things (deals, reps). */
export interface CoachingRead {
  data: CoachingData;
  users: CoachingUserRow[];
  opportunities: ReadonlyMap<string, CoachingDealRow>;
  meetings: ReadonlyMap<string, CoachingMeetingRow>;
}

const dayMs = 86_400_000;

/** The instants whose plans' objections a report over the period counts: two days either side for time zones. */
export function objectionWindow(period: { fromMs: number; toMs: number }): { from: number; to: number } {
  return { from: period.fromMs - 2 * dayMs, to: period.toMs + 2 * dayMs };
}

/**
 * One read transaction over the local copies, every row read afresh. Every plan is read (an
 * outcome due or a deal closing without a plan is at risk whatever the period), but objections
 * only for plans whose call falls in the period, with a two-day margin for time zones: they are
 * the largest table. The coaching view reads through `coaching-copy.ts`, which gives the same
 * answer without reading again what has not changed.
 */
export async function readCoachingData(db: PrecallDb, period: { fromMs: number; toMs: number }): Promise<CoachingRead> {
  return db.transaction('r', [db.plans, db.objections, db.meetings, db.opportunities, db.users], async () => {
    const [plans, meetings, opportunities, users] = await Promise.all([
      db.plans.toArray(),
      db.meetings.toArray(),
      db.opportunities.toArray(),
      db.users.toArray(),
    ]);
    const window = objectionWindow(period);
    const inPeriod = plans.filter((plan) => {
      const at = Date.parse(plan.callAt);
      return at >= window.from && at <= window.to;
    });
    const objections = await db.objections
      .where('planKey')
      .anyOf(inPeriod.map((plan) => plan.planKey))
      .toArray();
    const deals = opportunities.map(coachingDealRow);
    return {
      data: {
        plans: plans.map(coachingPlanRow),
        objections: objections.map(coachingObjectionRow),
        meetings: meetings.map(coachingMeetingRow),
        opportunities: deals,
      },
      users: users.map(coachingUserRow),
      opportunities: new Map(deals.map((o) => [o.id, o])),
      meetings: new Map(meetings.map((m) => [m.id, coachingMeetingRow(m)])),
    };
  });
}
