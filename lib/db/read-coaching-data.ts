import type { StoredCallPlan } from '../model/call-plan';
import type { CoachingData } from '../model/coaching/coaching-data';
import type { PrecallDb } from './precall-db';
import type { MeetingRow, OpportunityRow, UserRow } from './salesforce-cache';

/** What the coaching view reads: the indicators' data and the rows that name things (deals, reps). */
export interface CoachingRead {
  data: CoachingData;
  users: UserRow[];
  opportunities: ReadonlyMap<string, OpportunityRow>;
  plans: ReadonlyMap<string, StoredCallPlan>;
  meetings: ReadonlyMap<string, MeetingRow>;
}

const dayMs = 86_400_000;

/**
 * One read transaction over the local copies. Every plan is read (an outcome due or a deal closing
 * without a plan is at risk whatever the period), but objections only for plans whose call falls
 * in the period, with a two-day margin for time zones: they are the largest table.
 */
export async function readCoachingData(db: PrecallDb, period: { fromMs: number; toMs: number }): Promise<CoachingRead> {
  return db.transaction('r', [db.plans, db.objections, db.meetings, db.opportunities, db.users], async () => {
    const [plans, meetings, opportunities, users] = await Promise.all([
      db.plans.toArray(),
      db.meetings.toArray(),
      db.opportunities.toArray(),
      db.users.toArray(),
    ]);
    const from = period.fromMs - 2 * dayMs;
    const to = period.toMs + 2 * dayMs;
    const inPeriod = plans.filter((plan) => {
      const at = Date.parse(plan.callAt);
      return at >= from && at <= to;
    });
    const objections = await db.objections
      .where('planKey')
      .anyOf(inPeriod.map((plan) => plan.planKey))
      .toArray();
    return {
      data: {
        plans,
        objections,
        meetings,
        opportunities: opportunities.map((o) => ({
          id: o.id,
          ownerId: o.ownerId,
          closeDate: o.closeDate,
          isClosed: o.isClosed,
        })),
      },
      users,
      opportunities: new Map(opportunities.map((o) => [o.id, o])),
      plans: new Map(plans.map((plan) => [plan.planKey, plan])),
      meetings: new Map(meetings.map((m) => [m.id, m])),
    };
  });
}
