import type { PlanRecord } from '../../lib/model/call-plan';

export interface ShownPlans {
  remember(opportunityId: string, plans: PlanRecord[]): void;
  recall(opportunityId: string): PlanRecord[] | undefined;
}

/**
 * The plans the panel last showed for each of the rep's recent opportunities, so going back to
 * one shows its plans in the same frame, while the background is asked again for any change.
 * The least recently shown is forgotten first.
 */
export function createShownPlans(limit = 20): ShownPlans {
  const lists = new Map<string, PlanRecord[]>();
  return {
    remember(opportunityId, plans) {
      if (lists.get(opportunityId) === plans) return;
      lists.delete(opportunityId);
      lists.set(opportunityId, plans);
      const oldest = lists.keys().next().value;
      if (lists.size > limit && oldest !== undefined) lists.delete(oldest);
    },
    recall: (opportunityId) => lists.get(opportunityId),
  };
}
