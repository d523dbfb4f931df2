import { type BadgeSummaries, badgeCardOf, badgeStatusOf } from '../model/badge-summary';
import { badgeText } from '../model/badge-text';
import { markUnreadyPlans } from './playbook-badges';
import type { PrecallDb } from './precall-db';

export interface BadgeRead {
  summaries: BadgeSummaries;
  /** When each opportunity's plans were last pulled from Salesforce by id; null when never. */
  plansFetchedAt: Record<string, string | null>;
}

/**
 * Badges for many opportunities in one read: their plans, meetings and opportunity rows, then
 * the objections of the one plan each card shows. Every id asked for gets an answer ("no plan"
 * when the database holds nothing for it), worded in the browser's language and time zone.
 */
export async function readBadges(db: PrecallDb, opportunityIds: readonly string[], now: Date): Promise<BadgeRead> {
  const ids = [...new Set(opportunityIds)];
  const read = await db.transaction('r', [db.plans, db.objections, db.meetings, db.opportunities], async () => {
    const [plans, meetings, opportunities] = await Promise.all([
      db.plans.where('opportunityId').anyOf(ids).toArray(),
      db.meetings.where('opportunityId').anyOf(ids).toArray(),
      db.opportunities.bulkGet(ids),
    ]);
    const plansOf = groupBy(plans, (p) => p.opportunityId);
    const meetingsOf = groupBy(meetings, (m) => m.opportunityId);
    const statuses = new Map(
      ids.map((id) => [id, badgeStatusOf(plansOf.get(id) ?? [], meetingsOf.get(id) ?? [], now)] as const),
    );
    const focusKeys = [...statuses.values()].flatMap((s) => (s.focus ? [s.focus.planKey] : []));
    const objections = groupBy(await db.objections.where('planKey').anyOf(focusKeys).toArray(), (o) => o.planKey);

    const summaries: BadgeSummaries = {};
    const plansFetchedAt: Record<string, string | null> = {};
    ids.forEach((id, index) => {
      const { status, goalsMet, outcomesLogged, focus } = statuses.get(id) as ReturnType<typeof badgeStatusOf>;
      summaries[id] = {
        status,
        goalsMet,
        outcomesLogged,
        ...badgeText({ status, goalsMet, outcomesLogged }, now),
        card: focus ? badgeCardOf(focus, objections.get(focus.planKey) ?? []) : null,
      };
      plansFetchedAt[id] = opportunities[index]?.plansFetchedAt ?? null;
    });
    return { summaries, plansFetchedAt };
  });
  // The next call's plan not ready by the team's playbook: the badge and its card say so.
  return { ...read, summaries: await markUnreadyPlans(db, read.summaries) };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
