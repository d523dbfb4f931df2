import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PlanList } from '../../components/plan-list';
import type { CallPlan } from '../../lib/model/call-plan';
import { isStuck } from './draft';
import { orderPlans } from './order-plans';
import { usePanelStore } from './store';

/** Saved plans, plus new plans the background has not accepted yet, so none of them is lost from view. */
export function Plans({ now }: { now: Date }) {
  const { plans, drafts, editingKey, opportunityId, openPlan, newPlan } = usePanelStore(
    useShallow((state) => ({
      plans: state.plans,
      drafts: state.drafts,
      editingKey: state.editingKey,
      opportunityId: state.opportunityId,
      openPlan: state.openPlan,
      newPlan: state.newPlan,
    })),
  );

  const { listed, notSavedKeys } = useMemo(() => {
    const savedKeys = new Set(plans.map((plan) => plan.planKey));
    const stuck = Object.values(drafts).filter((draft) => isStuck(draft));
    const unsavedNew: CallPlan[] = stuck
      .filter((draft) => !savedKeys.has(draft.plan.planKey) && draft.plan.opportunityId === opportunityId)
      .map((draft) => draft.plan);
    return {
      listed: orderPlans([...plans, ...unsavedNew], now),
      notSavedKeys: new Set(stuck.map((draft) => draft.plan.planKey)),
    };
  }, [plans, drafts, opportunityId, now]);

  return (
    <PlanList
      plans={listed}
      now={now}
      selectedKey={editingKey}
      notSavedKeys={notSavedKeys}
      onSelect={openPlan}
      onNew={newPlan}
    />
  );
}
