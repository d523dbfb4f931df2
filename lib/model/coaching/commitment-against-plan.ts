import type { Call } from './calls';
import { type Tally, tallyBuilder } from './evidence';

/** What buyers committed to against the plan's best and minimum next steps, per logged outcome. */
export interface CommitmentAgainstPlan {
  best: Tally;
  between: Tally;
  minimum: Tally;
  below: Tally;
  /** An outcome logged without saying what the buyer committed to. */
  notRecorded: Tally;
}

export function commitmentBuilder() {
  const tallies = {
    Best: tallyBuilder(),
    Between: tallyBuilder(),
    Minimum: tallyBuilder(),
    Below: tallyBuilder(),
    none: tallyBuilder(),
  };
  return {
    add(call: Call) {
      if (!call.plan?.outcome) return;
      tallies[call.plan.commitment ?? 'none'].add(call);
    },
    build(): CommitmentAgainstPlan {
      return {
        best: tallies.Best.build(),
        between: tallies.Between.build(),
        minimum: tallies.Minimum.build(),
        below: tallies.Below.build(),
        notRecorded: tallies.none.build(),
      };
    },
  };
}
