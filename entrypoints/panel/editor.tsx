import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CallPlanForm, type CallPlanFormActions } from '../../components/call-plan-form';
import { CoachingView } from '../../components/coaching-view';
import { ObjectionSuggestions } from '../../components/objection-suggestions';
import { objectionKeyOf } from '../../lib/model/coaching/objection-stats';
import { isUnsaved, pendingProblem, visibleErrors } from './draft';
import { PlaybookGuide } from './playbook-guide';
import { usePanelStore } from './store';
import { useAutosave } from './use-autosave';

/** The open plan: the rep's own in the form, another rep's in the coaching view. */
export function Editor({ now }: { now: Date }) {
  const draft = usePanelStore((state) => (state.editingKey ? state.drafts[state.editingKey] : undefined));
  const readOnly = usePanelStore((state) => (state.editingKey ? state.isReadOnly(state.editingKey) : false));
  const saved = usePanelStore((state) => state.plans.find((plan) => plan.planKey === state.editingKey));
  const meeting = usePanelStore((state) => (state.editingKey ? state.meetingOf[state.editingKey] : undefined));
  const context = usePanelStore((state) => state.context);
  const store = usePanelStore(
    useShallow((state) => ({
      changeDraft: state.changeDraft,
      revealField: state.revealField,
      saveDraft: state.saveDraft,
      saveNow: state.saveNow,
      retrySave: state.retrySave,
      discardDraft: state.discardDraft,
      flushDraft: state.flushDraft,
      continueFromLastCall: state.continueFromLastCall,
      addObjection: state.addObjection,
      changeObjection: state.changeObjection,
      moveObjection: state.moveObjection,
      moveObjectionTo: state.moveObjectionTo,
      removeObjection: state.removeObjection,
      deletePlan: state.deletePlan,
      closeEditor: state.closeEditor,
      saveCoachNote: state.saveCoachNote,
    })),
  );
  const planKey = draft?.plan.planKey ?? null;
  const { suggestions, loadSuggestions, expectSuggested } = usePanelStore(
    useShallow((state) => ({
      suggestions: state.suggestions,
      loadSuggestions: state.loadSuggestions,
      expectSuggested: state.expectSuggested,
    })),
  );
  // The library is asked once per plan opened; what the plan already expects is left out as the rep types.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per plan, not per keystroke
  useEffect(() => {
    if (planKey && !readOnly) void loadSuggestions(draft?.plan.objections.map((o) => o.objection) ?? []);
  }, [planKey, readOnly, loadSuggestions]);
  const listedKeys = new Set(draft?.plan.objections.map((o) => objectionKeyOf(o.objection)) ?? []);
  const shownSuggestions = suggestions.filter((s) => !listedKeys.has(objectionKeyOf(s.objection)));
  const save = useCallback(
    (key: string) => {
      store.flushDraft(key);
      void store.saveDraft(key);
    },
    [store],
  );
  useAutosave(readOnly ? null : planKey, draft?.revision ?? 0, save);

  const actions = useMemo<CallPlanFormActions>(
    () => ({
      onChange: store.changeDraft,
      onFieldBlur: (field) => {
        if (field) store.revealField(field);
        void store.saveDraft();
      },
      onSave: () => void store.saveNow(),
      onRetrySave: () => void store.retrySave(),
      onDiscard: () => {
        if (planKey) void store.discardDraft(planKey);
      },
      onContinueFromLastCall: store.continueFromLastCall,
      objections: {
        onAdd: store.addObjection,
        onChange: store.changeObjection,
        onMove: store.moveObjection,
        onMoveTo: store.moveObjectionTo,
        onRemove: store.removeObjection,
      },
      onDelete: () => {
        if (planKey) void store.deletePlan(planKey);
      },
      onClose: store.closeEditor,
    }),
    [store, planKey],
  );
  const saveNote = useCallback(
    (coachNote: string) => (planKey ? store.saveCoachNote(planKey, coachNote) : Promise.resolve()),
    [store, planKey],
  );

  if (!draft) return null;
  if (readOnly && saved) {
    const repName =
      context?.opportunity?.ownerId === saved.ownerId ? (context.opportunity.ownerName ?? undefined) : undefined;
    return (
      <CoachingView
        key={saved.planKey}
        plan={saved}
        repName={repName}
        onSaveNote={saveNote}
        onClose={store.closeEditor}
      />
    );
  }
  const lastCallKey = context?.lastCall?.planKey;
  return (
    <>
      <PlaybookGuide plan={draft.plan} />
      <CallPlanForm
        key={draft.plan.planKey}
        plan={draft.plan}
        errors={visibleErrors(draft)}
        saveState={
          draft.save.kind === 'invalid'
            ? { kind: 'invalid', pending: pendingProblem(draft), kept: (draft.keptRevision ?? -1) >= draft.revision }
            : draft.save
        }
        now={now}
        actions={actions}
        restoredFrom={draft.restoredFrom}
        unsaved={isUnsaved(draft)}
        meeting={meeting}
        canContinue={lastCallKey !== undefined && lastCallKey !== draft.plan.planKey}
        inSalesforce={context?.plansInSalesforce.includes(draft.plan.planKey) ?? false}
        isNew={!saved}
        objectionSuggestions={<ObjectionSuggestions suggestions={shownSuggestions} onAdd={expectSuggested} />}
      />
    </>
  );
}
