import { dayOfDate, localCalendar } from '../model/coaching/local-calendar';
import { curatedObjectionFigures } from '../model/playbook/curated-objection-figures';
import { stageKeyOf } from '../model/playbook/playbook';
import { type AdherencePlan, type AdherenceQuery, playbookAdherence } from '../model/playbook/playbook-adherence';
import type { AdherenceView, OpportunityPlaybook, PlaybookView } from '../model/playbook/playbook-view';
import { orphanedStages, type StageRequirements, stageRequirements } from '../model/playbook/stage-requirements';
import { playbookOfRep } from '../model/playbook/team-playbook';
import type { StoredPlaybook } from './playbook-rows';
import type { PrecallDb } from './precall-db';
import {
  isManager,
  ownPlaybook,
  playbookOfUser,
  playbookSyncState,
  readOrgStages,
  readPlaybookBundle,
} from './read-playbook';

/** The playbook page: a manager's own playbook (editable), else the one this user works by. */
export async function readPlaybookView(db: PrecallDb, userId: string): Promise<PlaybookView> {
  const manager = await isManager(db, userId);
  const own = await ownPlaybook(db, userId);
  const shown = own ?? (await playbookOfUser(db, userId));
  const orgStages = await readOrgStages(db);
  const bundle = shown ? await readPlaybookBundle(db, shown) : null;
  const ordered = bundle ? { ...bundle, stages: inOrgOrder(bundle.stages, orgStages) } : null;
  // A manager without a playbook of their own starts from the one they would otherwise work by.
  const startsAnew = manager && !own;
  return {
    bundle: startsAnew ? null : ordered,
    canEdit: manager,
    ownerName: shown ? ((await db.users.get(shown.ownerId))?.name ?? null) : null,
    startFrom: startsAnew ? ordered : null,
    orgStages,
    orphanedStageKeys: bundle ? orphanedStages(bundle.stages, orgStages).map((s) => s.stageKey) : [],
    sync: own ? await playbookSyncState(db, own.playbookKey) : { waiting: 0, refused: [] },
  };
}

function inOrgOrder<T extends { stageName: string }>(
  stages: readonly T[],
  orgStages: readonly { value: string }[],
): T[] {
  const position = new Map(orgStages.map((s, i) => [stageKeyOf(s.value), i]));
  const at = (s: T) => position.get(stageKeyOf(s.stageName)) ?? Number.MAX_SAFE_INTEGER;
  return [...stages].sort((a, b) => at(a) - at(b) || a.stageName.localeCompare(b.stageName));
}

/** The playbook of the rep who owns the opportunity, at its stage. */
export async function readOpportunityPlaybook(db: PrecallDb, opportunityId: string): Promise<OpportunityPlaybook> {
  const opportunity = await db.opportunities.get(opportunityId);
  if (!opportunity) return { playbookName: null, stageName: null, requirements: null, curatedObjections: [] };
  const playbook = await playbookOfUser(db, opportunity.ownerId);
  if (!playbook)
    return { playbookName: null, stageName: opportunity.stageName, requirements: null, curatedObjections: [] };
  const bundle = await readPlaybookBundle(db, playbook);
  const orgStages = await readOrgStages(db);
  return {
    playbookName: playbook.name,
    stageName: opportunity.stageName,
    requirements: stageRequirements(opportunity.stageName, bundle.stages, orgStages),
    curatedObjections: bundle.objections,
  };
}

/**
 * Adherence of the reps whose plans this database holds (a manager's: the team), each judged
 * by the playbook they work by at their opportunity's current stage, and the figures of the
 * curated objections of the playbook this user owns or works by.
 */
export async function readAdherence(db: PrecallDb, userId: string, query: AdherenceQuery): Promise<AdherenceView> {
  const [plans, objections, opportunities, users, playbooks] = await Promise.all([
    db.plans.toArray(),
    db.objections.toArray(),
    db.opportunities.toArray(),
    db.users.toArray(),
    db.playbooks.toArray(),
  ]);
  const orgStages = await readOrgStages(db);
  const objectionsOf = new Map<string, typeof objections>();
  for (const objection of objections) {
    const list = objectionsOf.get(objection.planKey);
    if (list) list.push(objection);
    else objectionsOf.set(objection.planKey, [objection]);
  }
  const stageOf = new Map(opportunities.map((o) => [o.id, o.stageName]));
  const managerOf = new Map(users.map((u) => [u.id, u.managerId]));
  const bundles = new Map<string, Awaited<ReturnType<typeof readPlaybookBundle>>>();
  for (const playbook of playbooks) bundles.set(playbook.playbookKey, await readPlaybookBundle(db, playbook));
  const playbookOf = (repId: string): StoredPlaybook | null =>
    playbookOfRep(playbooks, { id: repId, managerId: managerOf.get(repId) ?? null });

  const cache = new Map<string, StageRequirements | null>();
  const requirementsOf = (plan: AdherencePlan) => {
    const stageName = stageOf.get(plan.opportunityId);
    const playbook = playbookOf(plan.ownerId);
    if (stageName === undefined || !playbook) return null;
    const id = `${playbook.playbookKey}|${stageName}`;
    if (!cache.has(id)) {
      const stages = bundles.get(playbook.playbookKey)?.stages ?? [];
      cache.set(id, stageRequirements(stageName, stages, orgStages));
    }
    return cache.get(id) ?? null;
  };
  const adherencePlans: AdherencePlan[] = plans.map((plan) => ({
    ...plan,
    objections: (objectionsOf.get(plan.planKey) ?? []).map((o) => ({ objection: o.objection, expected: o.expected })),
  }));
  const report = playbookAdherence(adherencePlans, requirementsOf, query);

  const shown = (await ownPlaybook(db, userId)) ?? playbookOf(userId);
  const counted = new Set(plans.filter(heldIn(query)).map((plan) => plan.planKey));
  const curated = shown ? (bundles.get(shown.playbookKey)?.objections ?? []) : [];
  const figures = curatedObjectionFigures(
    curated,
    objections.filter((o) => counted.has(o.planKey)),
  );
  return {
    playbookName: shown?.name ?? null,
    report,
    objections: figures,
    repNames: Object.fromEntries(users.map((u) => [u.id, u.name])),
  };
}

/**
 * Calls held in the period: on one of its local days in the manager's time zone, and not later
 * than now. The same days as the adherence report, so both count the same calls.
 */
function heldIn(query: AdherenceQuery): (plan: { callAt: string }) => boolean {
  const calendar = localCalendar(query.timeZone);
  const first = dayOfDate(query.from);
  const last = dayOfDate(query.to);
  return (plan) => {
    const at = Date.parse(plan.callAt);
    const day = calendar.dayOf(at);
    return day >= first && day <= last && at <= query.now.getTime();
  };
}
