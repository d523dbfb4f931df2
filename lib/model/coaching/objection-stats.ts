import type { Call } from './calls';
import type { CoachingObjection } from './coaching-data';
import { shareOf, type Tally, tallyBuilder } from './evidence';

/**
 * Objections met in the calls: which came up most, how many the rep saw coming (raised and
 * expected / raised) and how many were handled (handled Yes / raised; Partly counted apart).
 * Expected objections that never came up are not "met".
 */
export interface ObjectionStats {
  raised: Tally;
  anticipated: Tally;
  handled: Tally;
  partlyHandled: Tally;
  anticipatedShare: number | null;
  handledShare: number | null;
  /** The most frequent first (most raised, then most anticipated, then by name). */
  mostFrequent: ObjectionRank[];
}

export interface ObjectionRank {
  /** The wording reps used most for it. */
  objection: string;
  raised: Tally;
  anticipated: number;
  handled: number;
}

/** How many objections `mostFrequent` lists. */
export const mostFrequentLimit = 10;

/** The same objection in other case or spacing is the same objection. */
export function objectionKeyOf(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

interface RankBuilder {
  wordings: Map<string, number>;
  raised: ReturnType<typeof tallyBuilder>;
  anticipated: number;
  handled: number;
}

/** An objection with its grouping key, computed once however many figures count it. */
export interface KeyedObjection {
  objection: CoachingObjection;
  key: string;
  wording: string;
}

export function keyedObjection(objection: CoachingObjection): KeyedObjection {
  return { objection, key: objectionKeyOf(objection.objection), wording: objection.objection.trim() };
}

export function objectionStatsBuilder(objectionsOfPlan: (planKey: string) => readonly KeyedObjection[]) {
  const raised = tallyBuilder();
  const anticipated = tallyBuilder();
  const handled = tallyBuilder();
  const partlyHandled = tallyBuilder();
  const ranks = new Map<string, RankBuilder>();
  return {
    add(call: Call) {
      if (!call.plan) return;
      for (const { objection, key, wording } of objectionsOfPlan(call.plan.planKey)) {
        if (!objection.raised) continue;
        raised.add(call);
        if (objection.expected) anticipated.add(call);
        if (objection.handled === 'Yes') handled.add(call);
        if (objection.handled === 'Partly') partlyHandled.add(call);
        let rank = ranks.get(key);
        if (!rank) {
          rank = { wordings: new Map(), raised: tallyBuilder(), anticipated: 0, handled: 0 };
          ranks.set(key, rank);
        }
        rank.wordings.set(wording, (rank.wordings.get(wording) ?? 0) + 1);
        rank.raised.add(call);
        if (objection.expected) rank.anticipated += 1;
        if (objection.handled === 'Yes') rank.handled += 1;
      }
    },
    build(): ObjectionStats {
      const all = raised.build();
      const seen = anticipated.build();
      const yes = handled.build();
      const mostFrequent = [...ranks.values()]
        .map((rank) => ({
          objection: mostUsed(rank.wordings),
          raised: rank.raised.build(),
          anticipated: rank.anticipated,
          handled: rank.handled,
        }))
        .sort(
          (a, b) =>
            b.raised.count - a.raised.count || b.anticipated - a.anticipated || a.objection.localeCompare(b.objection),
        )
        .slice(0, mostFrequentLimit);
      return {
        raised: all,
        anticipated: seen,
        handled: yes,
        partlyHandled: partlyHandled.build(),
        anticipatedShare: shareOf(seen.count, all.count),
        handledShare: shareOf(yes.count, all.count),
        mostFrequent,
      };
    },
  };
}

function mostUsed(wordings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [wording, count] of wordings) {
    if (count > bestCount || (count === bestCount && wording < best)) {
      best = wording;
      bestCount = count;
    }
  }
  return best;
}
