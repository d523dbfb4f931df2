import { orgStagesRowName } from '../db/playbook-rows';
import type { OrgStage } from '../model/playbook/playbook';
import type { SObjectDescribe } from './salesforce-client';
import type { SyncContext } from './sync-context';

/** Stages change when an admin edits the picklist: read again after a day, or when asked. */
export const orgStagesFreshForMs = 24 * 60 * 60_000;

/** The active StageName picklist values in the org's order. */
export function orgStagesOf(describe: SObjectDescribe): OrgStage[] {
  const field = describe.fields.find((f) => f.name === 'StageName');
  return (field?.picklistValues ?? [])
    .filter((value) => value.active !== false)
    .map((value) => ({ value: value.value, label: value.label ?? value.value }));
}

/** Reads the org's Opportunity stages from the describe when the cached copy is stale; one request. */
export async function refreshOrgStages(ctx: SyncContext, options: { force?: boolean } = {}): Promise<boolean> {
  const { db } = ctx;
  if (!ctx.salesforce.describe) return false;
  const cached = await db.orgStages.get(orgStagesRowName);
  const age = cached ? ctx.now().getTime() - Date.parse(cached.fetchedAt) : Number.POSITIVE_INFINITY;
  if (!options.force && age < orgStagesFreshForMs) return false;
  const stages = orgStagesOf(await ctx.salesforce.describe('Opportunity'));
  await db.orgStages.put({ name: orgStagesRowName, stages, fetchedAt: ctx.now().toISOString() });
  return true;
}
