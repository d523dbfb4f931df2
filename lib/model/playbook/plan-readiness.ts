import type { QualificationLevel } from '../picklists';
import type { RequirementId, StageRequirements } from './stage-requirements';

/** The parts of a call plan a playbook judges (a draft counts as it stands). */
export interface PlanContent {
  goal: string;
  buyerReason: string;
  bestNextStep: string;
  minimumNextStep: string;
  walkAway: string;
  need: QualificationLevel;
  budget: QualificationLevel;
  decisionProcess: QualificationLevel;
  timing: QualificationLevel;
  objections: readonly { objection: string; expected: boolean }[];
}

export interface ChecklistItem {
  id: RequirementId;
  label: string;
  done: boolean;
  fromStage: string;
  /** For counted items: how many the plan holds. */
  count?: number;
}

/**
 * `ready`: the plan holds everything its stage's playbook asks; `not-ready`: something is
 * missing (the plan is still saved: the playbook guides, it never blocks); `no-playbook`:
 * nothing is asked at this stage.
 */
export type ReadinessKind = 'ready' | 'not-ready' | 'no-playbook';

export interface Readiness {
  kind: ReadinessKind;
  items: ChecklistItem[];
  missing: number;
}

const filled = (value: string) => value.trim().length > 0;

export function expectedObjectionCount(plan: Pick<PlanContent, 'objections'>): number {
  return plan.objections.filter((o) => o.expected && filled(o.objection)).length;
}

export function planReadiness(plan: PlanContent, stage: StageRequirements | null): Readiness {
  if (!stage || stage.requirements.length === 0) return { kind: 'no-playbook', items: [], missing: 0 };
  const items = stage.requirements.map((requirement): ChecklistItem => {
    const item = { id: requirement.id, label: requirement.label, fromStage: requirement.fromStage };
    switch (requirement.id) {
      case 'goal':
      case 'buyerReason':
      case 'bestNextStep':
      case 'minimumNextStep':
      case 'walkAway':
        return { ...item, done: filled(plan[requirement.id]) };
      case 'expectedObjections': {
        const count = expectedObjectionCount(plan);
        return { ...item, done: count >= (requirement.minimum ?? 1), count };
      }
      case 'need':
      case 'budget':
      case 'decisionProcess':
      case 'timing':
        return { ...item, done: plan[requirement.id] === 'Confirmed' };
    }
    return { ...item, done: false };
  });
  const missing = items.filter((item) => !item.done).length;
  return { kind: missing === 0 ? 'ready' : 'not-ready', items, missing };
}
