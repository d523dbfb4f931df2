import type { Call } from './calls';
import { shareOf, type Tally, tallyBuilder } from './evidence';

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
  const logged = tallyBuilder();
  const byOutcome = {
    Order: tallyBuilder(),
    Advance: tallyBuilder(),
    Continuation: tallyBuilder(),
    'No-sale': tallyBuilder(),
  };
  return {
    add(call: Call) {
      const outcome = call.plan?.outcome;
      if (!outcome) return;
      logged.add(call);
      byOutcome[outcome].add(call);
    },
    build(): OutcomeRates {
      const all = logged.build();
      const orders = byOutcome.Order.build();
      const advances = byOutcome.Advance.build();
      const continuations = byOutcome.Continuation.build();
      return {
        logged: all,
        orders,
        advances,
        continuations,
        noSales: byOutcome['No-sale'].build(),
        advanceRate: shareOf(orders.count + advances.count, all.count),
        continuationRate: shareOf(continuations.count, all.count),
      };
    },
  };
}
