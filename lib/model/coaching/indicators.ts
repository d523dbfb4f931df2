import type { Call } from './calls';
import { type CommitmentAgainstPlan, commitmentBuilder } from './commitment-against-plan';
import { type KeyedObjection, type ObjectionStats, objectionStatsBuilder } from './objection-stats';
import { type OutcomeRates, outcomeRatesBuilder } from './outcome-rates';
import { type OutcomesOnTime, outcomesOnTimeBuilder } from './outcomes-on-time';
import { type PlanCoverage, planCoverageBuilder } from './plan-coverage';

/** The leading indicators of design.md for one rep or the team over one period or week. */
export interface Indicators {
  coverage: PlanCoverage;
  outcomesOnTime: OutcomesOnTime;
  outcomes: OutcomeRates;
  commitment: CommitmentAgainstPlan;
  objections: ObjectionStats;
}

export function indicatorsBuilder(objectionsOfPlan: (planKey: string) => readonly KeyedObjection[], nowMs: number) {
  const coverage = planCoverageBuilder();
  const onTime = outcomesOnTimeBuilder();
  const outcomes = outcomeRatesBuilder();
  const commitment = commitmentBuilder();
  const objections = objectionStatsBuilder(objectionsOfPlan);
  return {
    add(call: Call) {
      // Calls still to come are not held yet; an outcome logged on one still counts.
      if (call.startMs <= nowMs) {
        coverage.add(call);
        onTime.add(call);
      }
      outcomes.add(call);
      commitment.add(call);
      objections.add(call);
    },
    build(): Indicators {
      return {
        coverage: coverage.build(),
        outcomesOnTime: onTime.build(),
        outcomes: outcomes.build(),
        commitment: commitment.build(),
        objections: objections.build(),
      };
    },
  };
}
