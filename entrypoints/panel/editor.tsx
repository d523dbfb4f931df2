import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CallPlanForm, type CallPlanFormActions } from '../../components/call-plan-form';
import { pendingProblem, visibleErrors } from './draft';
import { usePanelStore } from './store';
import { useAutosave } from './use-autosave';

/** The open plan: store state in, store actions out, autosave on a typing pause. */
export function Editor({ now }: { now: Date }) {
  const draft = usePanelStore((state) => (state.editingKey ? state.drafts[state.editingKey] : undefined));
  const store = usePanelStore(
    useShallow((state) => ({
      changeDraft: state.changeDraft,
      saveDraft: state.saveDraft,
      retrySave: state.retrySave,
      addObjection: state.addObjection,
      changeObjection: state.changeObjection,
      moveObjection: state.moveObjection,
      removeObjection: state.removeObjection,
      openOutcome: state.openOutcome,
      deletePlan: state.deletePlan,
      closeEditor: state.closeEditor,
    })),
  );
  const planKey = draft?.plan.planKey ?? null;
  useAutosave(planKey, draft?.revision ?? 0, store.saveDraft);

  const actions = useMemo<CallPlanFormActions>(
    () => ({
      onChange: store.changeDraft,
      onBlur: () => void store.saveDraft(),
      onRetrySave: () => void store.retrySave(),
      objections: {
        onAdd: store.addObjection,
        onChange: store.changeObjection,
        onMove: store.moveObjection,
        onRemove: store.removeObjection,
      },
      onLogOutcome: store.openOutcome,
      onDelete: () => {
        if (planKey) void store.deletePlan(planKey);
      },
      onClose: store.closeEditor,
    }),
    [store, planKey],
  );

  if (!draft) return null;
  return (
    <CallPlanForm
      key={draft.plan.planKey}
      plan={draft.plan}
      errors={visibleErrors(draft)}
      saveState={draft.save.kind === 'invalid' ? { kind: 'invalid', pending: pendingProblem(draft) } : draft.save}
      now={now}
      outcomeOpen={draft.outcomeOpen}
      actions={actions}
    />
  );
}
