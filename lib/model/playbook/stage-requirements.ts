import type { QualificationLevel } from '../picklists';
import { type OrgStage, type PlaybookStage, stageKeyOf } from './playbook';

/** What a playbook can ask of a plan before its call. */
export type RequirementId =
  | 'goal'
  | 'buyerReason'
  | 'bestNextStep'
  | 'minimumNextStep'
  | 'expectedObjections'
  | 'need'
  | 'budget'
  | 'decisionProcess'
  | 'timing'
  | 'walkAway';

export type QualificationRequirement = Extract<RequirementId, 'need' | 'budget' | 'decisionProcess' | 'timing'>;

export interface Requirement {
  id: RequirementId;
  label: string;
  /** The playbook stage that asks for it: the opportunity's own, or an earlier one (from … on). */
  fromStage: string;
  /** For expected objections: how many. */
  minimum?: number;
}

/**
 * How the opportunity's stage was found in the playbook: by its exact name, by a name that
 * differs only in case or spacing (an admin's rename), or not at all.
 */
export type StageMatchKind = 'exact' | 'renamed' | 'missing';

export interface StageRequirements {
  /** The opportunity's stage. */
  stageName: string;
  match: StageMatchKind;
  /** The playbook stage's own name when it matched. */
  playbookStageName: string | null;
  guidance: string;
  requirements: Requirement[];
}

export function matchStage(
  stageName: string,
  stages: readonly PlaybookStage[],
): { kind: 'exact' | 'renamed'; stage: PlaybookStage } | { kind: 'missing' } {
  const exact = stages.find((stage) => stage.stageName === stageName);
  if (exact) return { kind: 'exact', stage: exact };
  const wanted = stageKeyOf(stageName);
  const renamed = stages.find((stage) => stageKeyOf(stage.stageName) === wanted);
  return renamed ? { kind: 'renamed', stage: renamed } : { kind: 'missing' };
}

/**
 * Playbook stages that are no longer a stage of the org (renamed or removed in Salesforce
 * beyond case and spacing): the editor offers to move them to a stage that exists.
 */
export function orphanedStages(stages: readonly PlaybookStage[], orgStages: readonly OrgStage[]): PlaybookStage[] {
  if (orgStages.length === 0) return [];
  const known = new Set(orgStages.map((stage) => stageKeyOf(stage.value)));
  return stages.filter((stage) => !known.has(stageKeyOf(stage.stageName)));
}

const qualificationRequirements = [
  { id: 'need', flag: 'confirmNeed', label: 'Need confirmed' },
  { id: 'budget', flag: 'confirmBudget', label: 'Budget confirmed' },
  { id: 'decisionProcess', flag: 'confirmDecisionProcess', label: 'Decision process confirmed' },
  { id: 'timing', flag: 'confirmTiming', label: 'Timing confirmed' },
] as const;

export const qualificationLevelFor: Record<QualificationRequirement, QualificationLevel> = {
  need: 'Confirmed',
  budget: 'Confirmed',
  decisionProcess: 'Confirmed',
  timing: 'Confirmed',
};

/**
 * What a plan on an opportunity at `stageName` must hold. The stage's own requirements (goal,
 * next steps, expected objections, guidance) come from its playbook stage; qualification to be
 * confirmed and the walk-away hold "from this stage on", so they also come from every earlier
 * stage in the org's order, even when the opportunity's own stage is missing from the playbook.
 */
export function stageRequirements(
  stageName: string,
  stages: readonly PlaybookStage[],
  orgStages: readonly OrgStage[],
): StageRequirements {
  const match = matchStage(stageName, stages);
  const own = match.kind === 'missing' ? null : match.stage;
  const requirements: Requirement[] = [];
  if (own) {
    const from = own.stageName;
    if (own.requiresGoal) requirements.push({ id: 'goal', label: 'Goal', fromStage: from });
    if (own.requiresBuyerReason) requirements.push({ id: 'buyerReason', label: "Buyer's reason", fromStage: from });
    if (own.requiresBestNextStep) requirements.push({ id: 'bestNextStep', label: 'Best next step', fromStage: from });
    if (own.requiresMinimumNextStep) {
      requirements.push({ id: 'minimumNextStep', label: 'Minimum next step', fromStage: from });
    }
    if (own.minExpectedObjections > 0) {
      const n = own.minExpectedObjections;
      requirements.push({
        id: 'expectedObjections',
        label: n === 1 ? 'At least 1 expected objection' : `At least ${n} expected objections`,
        fromStage: from,
        minimum: n,
      });
    }
  }

  for (const { id, flag, label } of qualificationRequirements) {
    const from = firstStageAsking(stageName, own, stages, orgStages, (stage) => stage[flag]);
    if (from) requirements.push({ id, label, fromStage: from });
  }
  const walkAwayFrom = firstStageAsking(stageName, own, stages, orgStages, (stage) => stage.requiresWalkAway);
  if (walkAwayFrom) requirements.push({ id: 'walkAway', label: 'Walk-away condition', fromStage: walkAwayFrom });

  return {
    stageName,
    match: match.kind,
    playbookStageName: own?.stageName ?? null,
    guidance: own?.guidance ?? '',
    requirements,
  };
}

/** The earliest stage up to this one (in the org's order) whose playbook asks for it. */
function firstStageAsking(
  stageName: string,
  own: PlaybookStage | null,
  stages: readonly PlaybookStage[],
  orgStages: readonly OrgStage[],
  asks: (stage: PlaybookStage) => boolean,
): string | null {
  const position = orgStages.findIndex((stage) => stageKeyOf(stage.value) === stageKeyOf(stageName));
  // A stage the org does not list has no order: only its own playbook stage counts.
  if (position < 0) return own && asks(own) ? own.stageName : null;
  for (const orgStage of orgStages.slice(0, position + 1)) {
    const match = matchStage(orgStage.value, stages);
    if (match.kind !== 'missing' && asks(match.stage)) return match.stage.stageName;
  }
  return null;
}
