import {
  lastCallOf,
  type MeetingSummary,
  meetingsAhead,
  meetingsShown,
  type OpportunityContext,
} from '../model/opportunity-context';
import type { PrecallDb } from './precall-db';
import { plansOfOpportunity } from './read-plans';

/** What the local copies of Salesforce say about one opportunity, for the panel's header and new plans. */
export async function readOpportunityContext(
  db: PrecallDb,
  opportunityId: string,
  now: Date,
): Promise<OpportunityContext> {
  return db.transaction('r', [db.opportunities, db.meetings, db.users, db.plans, db.objections, db.bases], async () => {
    const row = await db.opportunities.get(opportunityId);
    const owner = row ? await db.users.get(row.ownerId) : undefined;
    const meetingRows = await db.meetings.where('opportunityId').equals(opportunityId).toArray();
    const meetings: MeetingSummary[] = meetingRows.map(({ id, subject, type, startAt, endAt }) => ({
      id,
      subject,
      type,
      startAt,
      endAt,
    }));
    const plans = await plansOfOpportunity(db, opportunityId);
    const keys = plans.map((plan) => plan.planKey);
    const synced = keys.length > 0 ? await db.bases.where('planKey').anyOf(keys).toArray() : [];
    return {
      opportunity: row
        ? {
            id: row.id,
            name: row.name,
            stageName: row.stageName,
            closeDate: row.closeDate,
            ownerId: row.ownerId,
            ownerName: owner?.name ?? null,
            isClosed: row.isClosed,
          }
        : null,
      meetings: meetingsAhead(meetings, now).slice(0, meetingsShown),
      lastCall: lastCallOf(plans),
      plansInSalesforce: [...new Set(synced.filter((base) => base.table === 'plans').map((base) => base.key))],
      fetchedAt: row?.fetchedAt ?? null,
    };
  });
}
