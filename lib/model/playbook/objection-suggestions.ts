import { objectionKeyOf } from '../coaching/objection-stats';
import type { CuratedObjection } from './playbook';
import { stageKeyOf } from './playbook';

/**
 * The playbook's objections to suggest on a plan at this stage: those for this stage first, then
 * those for every stage, each in the manager's order, less the ones the plan already holds.
 */
export function playbookSuggestions(
  curated: readonly CuratedObjection[],
  stageName: string | null,
  planObjections: readonly { objection: string }[],
): CuratedObjection[] {
  const inPlan = new Set(planObjections.map((o) => objectionKeyOf(o.objection)));
  const stage = stageName === null ? null : stageKeyOf(stageName);
  const forStage = (o: CuratedObjection) => stage !== null && o.stageName !== '' && stageKeyOf(o.stageName) === stage;
  const forEvery = (o: CuratedObjection) => o.stageName.trim() === '';
  const bySort = (a: CuratedObjection, b: CuratedObjection) => a.sortOrder - b.sortOrder;
  return [...curated.filter(forStage).sort(bySort), ...curated.filter(forEvery).sort(bySort)].filter(
    (o) => !inPlan.has(objectionKeyOf(o.objection)),
  );
}
