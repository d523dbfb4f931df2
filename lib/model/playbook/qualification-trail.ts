import { type QualificationLevel, qualificationDimensions } from '../picklists';
import type { QualificationRequirement, StageRequirements } from './stage-requirements';

export type QualificationDimension = QualificationRequirement;
export type QualificationLevels = Record<QualificationDimension, QualificationLevel>;

export interface QualifiedPlan extends QualificationLevels {
  planKey: string;
  callAt: string;
}

/** One plan's qualification and how each item moved since the plan before it. */
export interface QualificationStep {
  planKey: string;
  callAt: string;
  levels: QualificationLevels;
  moved: Partial<Record<QualificationDimension, 'better' | 'worse'>>;
}

export interface QualificationFlag {
  dimension: QualificationDimension;
  label: string;
  level: Exclude<QualificationLevel, 'Confirmed'>;
  /** The opportunity's stage; the playbook asked for it confirmed from `fromStage` on, if at all. */
  stageName: string;
  fromStage: string | null;
}

const rank: Record<QualificationLevel, number> = { 'At risk': 0, Unknown: 1, Confirmed: 2 };

/** How need, budget, decision process and timing moved across an opportunity's plans, oldest first. */
export function qualificationTrail(plans: readonly QualifiedPlan[]): QualificationStep[] {
  const ordered = [...plans].sort((a, b) => a.callAt.localeCompare(b.callAt) || a.planKey.localeCompare(b.planKey));
  const steps: QualificationStep[] = [];
  let previous: QualificationLevels | null = null;
  for (const plan of ordered) {
    const levels: QualificationLevels = {
      need: plan.need,
      budget: plan.budget,
      decisionProcess: plan.decisionProcess,
      timing: plan.timing,
    };
    const moved: QualificationStep['moved'] = {};
    if (previous) {
      for (const { key } of qualificationDimensions) {
        const delta = rank[levels[key]] - rank[previous[key]];
        if (delta > 0) moved[key] = 'better';
        if (delta < 0) moved[key] = 'worse';
      }
    }
    steps.push({ planKey: plan.planKey, callAt: plan.callAt, levels, moved });
    previous = levels;
  }
  return steps;
}

/**
 * The stage reached with an item still unknown or at risk: every item the playbook wants
 * confirmed by this stage that the latest plan does not hold as confirmed, and any item at risk.
 */
export function qualificationFlags(
  latest: QualificationLevels | null,
  stage: Pick<StageRequirements, 'stageName' | 'requirements'>,
): QualificationFlag[] {
  const flags: QualificationFlag[] = [];
  for (const { key, label } of qualificationDimensions) {
    const level = latest?.[key] ?? 'Unknown';
    if (level === 'Confirmed') continue;
    const required = stage.requirements.find((r) => r.id === key);
    if (required || level === 'At risk') {
      flags.push({ dimension: key, label, level, stageName: stage.stageName, fromStage: required?.fromStage ?? null });
    }
  }
  return flags;
}
