import type { Outcome } from '../picklists';
import type { Call } from './calls';
import { shareOf, type Tally, tallyOf } from './evidence';

/**
 * Outcomes of the calls: the advance rate ((order + advance) / outcomes) beside the continuation
 * rate, because a pleasant call with no commitment from the buyer is not progress.
 */
export interface OutcomeRates {
  logged: Tally;
  orders: Tally;
  advances: Tally;
  continuations: Tally;
  noSales: Tally;
  /** (orders + advances) / logged; null with no outcome logged. */
  advanceRate: number | null;
  continuationRate: number | null;
}

export function outcomeRatesBuilder() {
  const counts: Record<Outcome, number> = { Order: 0, Advance: 0, Continuation: 0, 'No-sale': 0 };
  let logged = 0;
  return {
    add(call: Call) {
      const outcome = call.plan?.outcome;
      if (!outcome) return;
      logged += 1;
      counts[outcome] += 1;
    },
    build(calls: readonly Call[]): OutcomeRates {
      const of = (outcome: Outcome) => tallyOf(counts[outcome], calls, (call) => call.plan?.outcome === outcome);
      return {
        logged: tallyOf(logged, calls, (call) => Boolean(call.plan?.outcome)),
        orders: of('Order'),
        advances: of('Advance'),
        continuations: of('Continuation'),
        noSales: of('No-sale'),
        advanceRate: shareOf(counts.Order + counts.Advance, logged),
        continuationRate: shareOf(counts.Continuation, logged),
      };
    },
  };
}
