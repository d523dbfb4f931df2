import type { Call } from './calls';
import { shareOf, type Tally, tallyBuilder } from './evidence';

/** An outcome logged within this long after the call began is on time (design.md). */
export const outcomeOnTimeMs = 24 * 60 * 60 * 1000;

/** Outcomes logged on time, over the calls held. */
export interface OutcomesOnTime {
  onTime: Tally;
  /** Logged more than 24 h after the call, or with no time of logging. */
  late: Tally;
  /** No outcome yet, or no plan to log it on. */
  notLogged: Tally;
  /** onTime / calls held; null with no calls held. */
  rate: number | null;
}

export type OutcomeTiming = 'on-time' | 'late' | 'not-logged';

export function outcomeTimingOf(call: Call): OutcomeTiming {
  if (!call.plan || call.plan.outcome === null) return 'not-logged';
  const loggedMs = call.plan.outcomeAt === null ? Number.NaN : Date.parse(call.plan.outcomeAt);
  return loggedMs - call.startMs <= outcomeOnTimeMs ? 'on-time' : 'late';
}

export function outcomesOnTimeBuilder() {
  const tallies = { 'on-time': tallyBuilder(), late: tallyBuilder(), 'not-logged': tallyBuilder() };
  let held = 0;
  return {
    /** Only calls already held. */
    add(call: Call) {
      held += 1;
      tallies[outcomeTimingOf(call)].add(call);
    },
    build(): OutcomesOnTime {
      const onTime = tallies['on-time'].build();
      return {
        onTime,
        late: tallies.late.build(),
        notLogged: tallies['not-logged'].build(),
        rate: shareOf(onTime.count, held),
      };
    },
  };
}
