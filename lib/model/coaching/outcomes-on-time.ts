import type { Call } from './calls';
import { shareOf, type Tally, tallyOf } from './evidence';

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
  return call.outcomeLoggedMs - call.startMs <= outcomeOnTimeMs ? 'on-time' : 'late';
}

export function outcomesOnTimeBuilder() {
  const counts = { 'on-time': 0, late: 0, 'not-logged': 0 };
  return {
    /** Only calls already held. */
    add(call: Call) {
      counts[outcomeTimingOf(call)] += 1;
    },
    build(held: readonly Call[]): OutcomesOnTime {
      const of = (timing: OutcomeTiming) => tallyOf(counts[timing], held, (call) => outcomeTimingOf(call) === timing);
      return {
        onTime: of('on-time'),
        late: of('late'),
        notLogged: of('not-logged'),
        rate: shareOf(counts['on-time'], held.length),
      };
    },
  };
}
