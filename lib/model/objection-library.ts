import { objectionKeyOf } from './coaching/objection-stats';
import type { HandledLevel } from './picklists';

/**
 * The objection library: objections met in earlier calls, ranked for the plan being written.
 * An objection raised on the same account counts most, then on a deal at the same stage, then
 * anywhere in the team's calls; each comes with the responses that handled it best, so the rep
 * starts from words that worked.
 */
export interface LibraryObjection {
  planKey: string;
  objection: string;
  response: string;
  raised: boolean;
  handled: HandledLevel | null;
}

export interface LibraryPlan {
  planKey: string;
  opportunityId: string;
  callAt: string;
}

export interface LibraryDeal {
  id: string;
  accountId: string | null;
  stageName: string | null;
}

export type SuggestionReason = 'same-account' | 'same-stage' | 'team';

export interface ObjectionSuggestion {
  /** The wording used most for it. */
  objection: string;
  /** The strongest reason first. */
  reasons: SuggestionReason[];
  /** How often it was raised: on the account, at the stage, anywhere. */
  raisedOnAccount: number;
  raisedAtStage: number;
  raised: number;
  /** Responses that handled it (Yes before Partly, latest call first), without repeats. */
  responses: { response: string; handled: HandledLevel }[];
}

export const suggestionLimit = 5;
export const responseLimit = 3;
const weights = { account: 3, stage: 2, team: 1 };
const handledRank: Record<HandledLevel, number> = { Yes: 0, Partly: 1, No: 2 };

export function rankObjectionLibrary(input: {
  /** The deal being planned. */
  deal: LibraryDeal;
  deals: readonly LibraryDeal[];
  plans: readonly LibraryPlan[];
  objections: readonly LibraryObjection[];
  /** Objections the plan already lists (any wording): never suggested again. */
  alreadyListed?: readonly string[];
  limit?: number;
}): ObjectionSuggestion[] {
  const { deal } = input;
  const deals = new Map(input.deals.map((d) => [d.id, d]));
  const plans = new Map(input.plans.map((plan) => [plan.planKey, plan]));
  const listed = new Set((input.alreadyListed ?? []).map(objectionKeyOf));
  interface Group {
    wordings: Map<string, number>;
    account: number;
    stage: number;
    all: number;
    responses: { response: string; handled: HandledLevel; callMs: number }[];
  }
  const groups = new Map<string, Group>();
  for (const met of input.objections) {
    if (!met.raised) continue;
    const key = objectionKeyOf(met.objection);
    if (key === '' || listed.has(key)) continue;
    const plan = plans.get(met.planKey);
    if (!plan) continue;
    const where = deals.get(plan.opportunityId);
    let group = groups.get(key);
    if (!group) {
      group = { wordings: new Map(), account: 0, stage: 0, all: 0, responses: [] };
      groups.set(key, group);
    }
    const wording = met.objection.trim().replace(/\s+/g, ' ');
    group.wordings.set(wording, (group.wordings.get(wording) ?? 0) + 1);
    group.all += 1;
    if (deal.accountId !== null && where?.accountId === deal.accountId) group.account += 1;
    if (deal.stageName !== null && where?.stageName === deal.stageName) group.stage += 1;
    const response = met.response.trim();
    if (response && (met.handled === 'Yes' || met.handled === 'Partly')) {
      group.responses.push({ response, handled: met.handled, callMs: Date.parse(plan.callAt) || 0 });
    }
  }
  const scored = [...groups.values()].map((group) => ({
    group,
    score: weights.account * group.account + weights.stage * group.stage + weights.team * group.all,
  }));
  scored.sort(
    (a, b) => b.score - a.score || b.group.all - a.group.all || wordingOf(a.group).localeCompare(wordingOf(b.group)),
  );
  return scored.slice(0, input.limit ?? suggestionLimit).map(({ group }) => {
    const reasons: SuggestionReason[] = [];
    if (group.account > 0) reasons.push('same-account');
    if (group.stage > 0) reasons.push('same-stage');
    reasons.push('team');
    const seen = new Set<string>();
    const responses = group.responses
      .sort((a, b) => handledRank[a.handled] - handledRank[b.handled] || b.callMs - a.callMs)
      .filter(({ response }) => {
        const key = response.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, responseLimit)
      .map(({ response, handled }) => ({ response, handled }));
    return {
      objection: wordingOf(group),
      reasons,
      raisedOnAccount: group.account,
      raisedAtStage: group.stage,
      raised: group.all,
      responses,
    };
  });
}

function wordingOf(group: { wordings: Map<string, number> }): string {
  let best = '';
  let count = 0;
  for (const [wording, n] of group.wordings) {
    if (n > count || (n === count && wording < best)) {
      best = wording;
      count = n;
    }
  }
  return best;
}
