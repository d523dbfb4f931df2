import type { Commitment } from '../picklists';
import type { Call } from './calls';
import { type Tally, tallyOf } from './evidence';

/** What buyers committed to against the plan's best and minimum next steps, per logged outcome. */
export interface CommitmentAgainstPlan {
  best: Tally;
  between: Tally;
  minimum: Tally;
  below: Tally;
  /** An outcome logged without saying what the buyer committed to. */
  notRecorded: Tally;
}

type Bucket = Commitment | 'none';

function bucketOf(call: Call): Bucket | null {
  if (!call.plan?.outcome) return null;
  return call.plan.commitment ?? 'none';
}

export function commitmentBuilder() {
  const counts: Record<Bucket, number> = { Best: 0, Between: 0, Minimum: 0, Below: 0, none: 0 };
  return {
    add(call: Call) {
      const bucket = bucketOf(call);
      if (bucket) counts[bucket] += 1;
    },
    build(calls: readonly Call[]): CommitmentAgainstPlan {
      const of = (bucket: Bucket) => tallyOf(counts[bucket], calls, (call) => bucketOf(call) === bucket);
      return {
        best: of('Best'),
        between: of('Between'),
        minimum: of('Minimum'),
        below: of('Below'),
        notRecorded: of('none'),
      };
    },
  };
}
