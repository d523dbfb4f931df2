import type { PlanContent } from '../../../../lib/model/playbook/plan-readiness';
import { newPlaybookStage, type OrgStage, type PlaybookStage } from '../../../../lib/model/playbook/playbook';

export const playbookKey = '11111111-1111-4111-8111-111111111111';
let counter = 0;
const nextKey = () => `22222222-2222-4222-8222-${String(++counter).padStart(12, '0')}`;

export const orgStages: OrgStage[] = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
].map((value) => ({ value, label: value }));

export function stage(stageName: string, changes: Partial<PlaybookStage> = {}): PlaybookStage {
  return {
    ...newPlaybookStage(playbookKey, stageName, nextKey),
    requiresGoal: false,
    requiresBestNextStep: false,
    ...changes,
  };
}

export function content(changes: Partial<PlanContent> = {}): PlanContent {
  return {
    goal: '',
    buyerReason: '',
    bestNextStep: '',
    minimumNextStep: '',
    walkAway: '',
    need: 'Unknown',
    budget: 'Unknown',
    decisionProcess: 'Unknown',
    timing: 'Unknown',
    objections: [],
    ...changes,
  };
}

/** A plan that holds everything any playbook can ask. */
export const complete = content({
  goal: 'Agree the pilot scope',
  buyerReason: 'Their renewal is due',
  bestNextStep: 'Signed pilot order',
  minimumNextStep: 'Meeting with the CFO',
  walkAway: 'No budget this year',
  need: 'Confirmed',
  budget: 'Confirmed',
  decisionProcess: 'Confirmed',
  timing: 'Confirmed',
  objections: [
    { objection: 'Too expensive', expected: true },
    { objection: 'No time', expected: true },
  ],
});
