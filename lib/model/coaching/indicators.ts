import type { Call } from './calls';
import { type CommitmentAgainstPlan, commitmentBuilder } from './commitment-against-plan';
import { type ObjectionIndex, type ObjectionStats, objectionStatsBuilder } from './objection-stats';
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

export function indicatorsBuilder(objections: ObjectionIndex, nowMs: number) {
  const calls: Call[] = [];
  const held: Call[] = [];
  const coverage = planCoverageBuilder();
  const onTime = outcomesOnTimeBuilder();
  const outcomes = outcomeRatesBuilder();
  const commitment = commitmentBuilder();
  const objectionStats = objectionStatsBuilder(objections);
  return {
    add(call: Call) {
      calls.push(call);
      // Calls still to come are not held yet; an outcome logged on one still counts.
      if (call.startMs <= nowMs) {
        held.push(call);
        coverage.add(call);
        onTime.add(call);
      }
      outcomes.add(call);
      commitment.add(call);
      objectionStats.add(call);
    },
    build(): Indicators {
      return {
        coverage: coverage.build(held),
        outcomesOnTime: onTime.build(held),
        outcomes: outcomes.build(calls),
        commitment: commitment.build(calls),
        objections: objectionStats.build(calls),
      };
    },
  };
}
