import type { Call } from './calls';
import { shareOf, type Tally, tallyOf } from './evidence';

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
  return call.writtenMs <= call.startMs ? 'planned' : 'after-the-fact';
}

export function planCoverageBuilder() {
  const counts = { planned: 0, 'after-the-fact': 0, unplanned: 0 };
  return {
    /** Only calls already held. */
    add(call: Call) {
      counts[planningOf(call)] += 1;
    },
    build(held: readonly Call[]): PlanCoverage {
      const of = (planning: CallPlanning) => tallyOf(counts[planning], held, (call) => planningOf(call) === planning);
      return {
        held: tallyOf(held.length, held, () => true),
        planned: of('planned'),
        afterTheFact: of('after-the-fact'),
        unplanned: of('unplanned'),
        rate: shareOf(counts.planned, held.length),
      };
    },
  };
}
