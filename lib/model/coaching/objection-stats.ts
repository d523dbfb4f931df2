import type { Call } from './calls';
import type { CoachingObjection } from './coaching-data';
import { shareOf, type Tally, tallyOf } from './evidence';

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

/** An objection with its grouping key, computed once however many figures count it. */
export interface KeyedObjection {
  objection: CoachingObjection;
  key: string;
}

export interface ObjectionIndex {
  of(planKey: string): readonly KeyedObjection[];
  /** The wording used most across all plans for a key. */
  wordingOf(key: string): string;
}

export function objectionIndex(objections: readonly CoachingObjection[]): ObjectionIndex {
  const byPlan = new Map<string, KeyedObjection[]>();
  const wordings = new Map<string, Map<string, number>>();
  for (const objection of objections) {
    const keyed = { objection, key: objectionKeyOf(objection.objection) };
    const list = byPlan.get(objection.planKey);
    if (list) list.push(keyed);
    else byPlan.set(objection.planKey, [keyed]);
    const wording = objection.objection.trim();
    let counts = wordings.get(keyed.key);
    if (!counts) {
      counts = new Map();
      wordings.set(keyed.key, counts);
    }
    counts.set(wording, (counts.get(wording) ?? 0) + 1);
  }
  return { of: (planKey) => byPlan.get(planKey) ?? [], wordingOf: (key) => mostUsed(wordings.get(key) ?? new Map()) };
}

interface RankCount {
  raised: number;
  anticipated: number;
  handled: number;
}

export function objectionStatsBuilder(index: ObjectionIndex) {
  let raised = 0;
  let anticipated = 0;
  let handled = 0;
  let partly = 0;
  const ranks = new Map<string, RankCount>();
  const raisedOf = (call: Call) => (call.plan ? index.of(call.plan.planKey).filter((o) => o.objection.raised) : []);
  return {
    add(call: Call) {
      if (!call.plan) return;
      for (const { objection, key } of index.of(call.plan.planKey)) {
        if (!objection.raised) continue;
        raised += 1;
        if (objection.expected) anticipated += 1;
        if (objection.handled === 'Yes') handled += 1;
        if (objection.handled === 'Partly') partly += 1;
        let rank = ranks.get(key);
        if (!rank) {
          rank = { raised: 0, anticipated: 0, handled: 0 };
          ranks.set(key, rank);
        }
        rank.raised += 1;
        if (objection.expected) rank.anticipated += 1;
        if (objection.handled === 'Yes') rank.handled += 1;
      }
    },
    build(calls: readonly Call[]): ObjectionStats {
      const having = (count: number, test: (objection: KeyedObjection) => boolean) =>
        tallyOf(count, calls, (call) => raisedOf(call).some(test));
      const mostFrequent = [...ranks]
        .map(([key, rank]) => ({
          objection: index.wordingOf(key),
          raised: having(rank.raised, (o) => o.key === key),
          anticipated: rank.anticipated,
          handled: rank.handled,
        }))
        .sort(
          (a, b) =>
            b.raised.count - a.raised.count || b.anticipated - a.anticipated || a.objection.localeCompare(b.objection),
        )
        .slice(0, mostFrequentLimit);
      return {
        raised: having(raised, () => true),
        anticipated: having(anticipated, (o) => o.objection.expected),
        handled: having(handled, (o) => o.objection.handled === 'Yes'),
        partlyHandled: having(partly, (o) => o.objection.handled === 'Partly'),
        anticipatedShare: shareOf(anticipated, raised),
        handledShare: shareOf(handled, raised),
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
