import { type ObjectionSuggestion, rankObjectionLibrary } from '../model/objection-library';
import type { PrecallDb } from './precall-db';

/**
 * The objection library for one deal, from every plan this browser holds (what Salesforce
 * sharing lets this user see). A deal not pulled yet is ranked by the team's frequency alone.
 */
export async function readObjectionLibrary(
  db: PrecallDb,
  opportunityId: string,
  alreadyListed: readonly string[],
): Promise<ObjectionSuggestion[]> {
  return db.transaction('r', [db.plans, db.objections, db.opportunities], async () => {
    const [opportunities, plans, objections] = await Promise.all([
      db.opportunities.toArray(),
      db.plans.toArray(),
      db.objections.filter((objection) => objection.raised).toArray(),
    ]);
    const deal = opportunities.find((o) => o.id === opportunityId);
    return rankObjectionLibrary({
      deal: { id: opportunityId, accountId: deal?.accountId ?? null, stageName: deal?.stageName ?? null },
      deals: opportunities.map((o) => ({ id: o.id, accountId: o.accountId, stageName: o.stageName })),
      plans,
      objections,
      alreadyListed,
    });
  });
}
