import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PlanList } from '../../components/plan-list';
import type { CallPlan } from '../../lib/model/call-plan';
import { needsAttention } from './draft';
import { orderPlans } from './order-plans';
import { usePanelStore } from './store';

/** Saved plans, plus new plans the background holds only as drafts, so none of them is lost from view. */
export function Plans({ now }: { now: Date }) {
  const { plans, drafts, editingKey, opportunityId, openPlan, newPlan, canPlan, context, session } = usePanelStore(
    useShallow((state) => ({
      plans: state.plans,
      drafts: state.drafts,
      editingKey: state.editingKey,
      opportunityId: state.opportunityId,
      openPlan: state.openPlan,
      newPlan: state.newPlan,
      canPlan: state.canPlan(),
      context: state.context,
      session: state.session,
    })),
  );
  const { newNoteKeys, loadNewNotes, markNoteRead } = usePanelStore(
    useShallow((state) => ({
      newNoteKeys: state.newNoteKeys,
      loadNewNotes: state.loadNewNotes,
      markNoteRead: state.markNoteRead,
    })),
  );
  // Plans arrive (and come back from sync) with their coaching notes: which of them are new?
  useEffect(() => {
    if (plans.length > 0) void loadNewNotes();
  }, [plans, loadNewNotes]);
  // Opening the plan shows its note: it is read.
  useEffect(() => {
    if (editingKey && newNoteKeys.includes(editingKey)) void markNoteRead(editingKey);
  }, [editingKey, newNoteKeys, markNoteRead]);

  const { listed, notSavedKeys } = useMemo(() => {
    const savedKeys = new Set(plans.map((plan) => plan.planKey));
    const attention = Object.values(drafts).filter((draft) => needsAttention(draft));
    const unsavedNew: CallPlan[] = attention
      .filter((draft) => !savedKeys.has(draft.plan.planKey) && draft.plan.opportunityId === opportunityId)
      .map((draft) => draft.plan);
    return {
      listed: orderPlans([...plans, ...unsavedNew], now),
      notSavedKeys: new Set(attention.map((draft) => draft.plan.planKey)),
    };
  }, [plans, drafts, opportunityId, now]);

  const ownerName = context?.opportunity?.ownerName;
  const signedIn = session.kind === 'signed-in' ? session.session.userId : null;
  const coaching = !canPlan && signedIn !== null;
  return (
    <PlanList
      plans={listed}
      now={now}
      selectedKey={editingKey}
      notSavedKeys={notSavedKeys}
      newNoteKeys={newNoteKeys}
      onSelect={openPlan}
      onNew={canPlan ? newPlan : undefined}
      emptyText={
        coaching
          ? `${ownerName ?? 'The rep'} has no call plans on this opportunity yet.`
          : 'No call plans yet for this opportunity.'
      }
      heading={coaching ? `${ownerName ? `${ownerName}'s` : "The rep's"} call plans` : 'Call plans'}
    />
  );
}
