import type { Call } from './calls';
import { shareOf, type Tally, tallyBuilder } from './evidence';

/**
 * Plan coverage: of the calls held, those with a plan written before they began. Calls whose
 * plan was written after they began are counted apart, never as planned (design.md).
 */
export interface PlanCoverage {
  held: Tally;
  planned: Tally;
  afterTheFact: Tally;
  /** Events nobody wrote a plan for. */
  unplanned: Tally;
  /** planned / held; null with no calls held. */
  rate: number | null;
}

export type CallPlanning = 'planned' | 'after-the-fact' | 'unplanned';

/** Written at the very moment the call began still counts as before it, as in plan-status.ts. */
export function planningOf(call: Call): CallPlanning {
  if (!call.plan) return 'unplanned';
  return Date.parse(call.plan.createdAt) <= call.startMs ? 'planned' : 'after-the-fact';
}

export function planCoverageBuilder() {
  const held = tallyBuilder();
  const byPlanning = { planned: tallyBuilder(), 'after-the-fact': tallyBuilder(), unplanned: tallyBuilder() };
  return {
    /** Only calls already held. */
    add(call: Call) {
      held.add(call);
      byPlanning[planningOf(call)].add(call);
    },
    build(): PlanCoverage {
      const planned = byPlanning.planned.build();
      const all = held.build();
      return {
        held: all,
        planned,
        afterTheFact: byPlanning['after-the-fact'].build(),
        unplanned: byPlanning.unplanned.build(),
        rate: shareOf(planned.count, all.count),
      };
    },
  };
}
