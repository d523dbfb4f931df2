import type { BadgeSummaries } from '../model/badge-summary';
import { withPlaybookReadiness } from '../model/playbook/badge-readiness';
import { planReadiness } from '../model/playbook/plan-readiness';
import { stageRequirements } from '../model/playbook/stage-requirements';
import { playbookOfRep } from '../model/playbook/team-playbook';
import type { PrecallDb } from './precall-db';
import { readOrgStages } from './read-playbook';

/**
 * Marks the badges whose next call's plan is not ready by the playbook of the opportunity
 * owner's team at the opportunity's stage. Nothing to read when no badge is about a planned call.
 */
export async function markUnreadyPlans(db: PrecallDb, summaries: BadgeSummaries): Promise<BadgeSummaries> {
  const planned = Object.entries(summaries).filter(([, summary]) => summary.status.kind === 'planned');
  if (planned.length === 0 || (await db.playbooks.count()) === 0) return summaries;
  const [playbooks, orgStages] = await Promise.all([db.playbooks.toArray(), readOrgStages(db)]);
  const marked: BadgeSummaries = { ...summaries };
  for (const [opportunityId, summary] of planned) {
    const opportunity = await db.opportunities.get(opportunityId);
    if (!opportunity || summary.status.kind !== 'planned') continue;
    const owner = await db.users.get(opportunity.ownerId);
    const playbook = playbookOfRep(playbooks, { id: opportunity.ownerId, managerId: owner?.managerId ?? null });
    if (!playbook) continue;
    const callAt = summary.status.callAt;
    const plan = (await db.plans.where('opportunityId').equals(opportunityId).toArray()).find(
      (p) => p.callAt === callAt,
    );
    if (!plan) continue;
    const objections = await db.objections.where('planKey').equals(plan.planKey).toArray();
    const stages = await db.playbookStages.where('playbookKey').equals(playbook.playbookKey).toArray();
    const readiness = planReadiness(
      { ...plan, objections },
      stageRequirements(opportunity.stageName, stages, orgStages),
    );
    marked[opportunityId] = withPlaybookReadiness(summary, readiness);
  }
  return marked;
}
