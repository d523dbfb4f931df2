import type { StateCreator } from 'zustand';
import { PrecallError, request } from '../../lib/messaging/client';
import {
  type CallPlan,
  type FieldErrors,
  newCallPlan,
  type Objection,
  validateCallPlan,
} from '../../lib/model/call-plan';
import { type Draft, draftOf, isDisposable } from './draft';
import { addObjection, changeObjection, moveObjection, removeObjection } from './objection-edits';
import { errorMessageOf } from './session-slice';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export interface EditorSlice {
  /** Working copies by plan key, kept while they hold changes the background has not accepted. */
  drafts: Record<string, Draft>;
  editingKey: string | null;
  newPlan(): void;
  openPlan(planKey: string): void;
  closeEditor(): void;
  /** Saves what is pending for the open plan and forgets its copy when nothing is unsaved. */
  leaveDraft(): void;
  changeDraft(patch: Partial<Omit<CallPlan, 'objections'>>): void;
  addObjection(expected: boolean): void;
  changeObjection(objectionKey: string, patch: Partial<Objection>): void;
  moveObjection(objectionKey: string, delta: -1 | 1): void;
  removeObjection(objectionKey: string): void;
  openOutcome(): void;
  /** Validates, then sends `plan:save` when valid; an unchanged revision is not sent twice. */
  saveDraft(planKey?: string): Promise<void>;
  /** Sends the open plan again after a refusal, without waiting for another edit. */
  retrySave(): Promise<void>;
  deletePlan(planKey: string): Promise<void>;
}

/** The background reports payload paths (`plan.goal`); the form knows fields (`goal`). */
function formFieldsOf(fields: FieldErrors | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) errors[path.replace(/^plan\./, '')] = message;
  return errors;
}

export const createEditorSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], EditorSlice> =>
  (set, get) => {
    const inFlight = new Set<string>();
    const queued = new Set<string>();

    function updateDraft(planKey: string, update: (draft: Draft) => Draft): void {
      const draft = get().drafts[planKey];
      if (draft) set({ drafts: { ...get().drafts, [planKey]: update(draft) } });
    }

    function dropDraft(planKey: string): void {
      const { [planKey]: _dropped, ...rest } = get().drafts;
      set({ drafts: rest });
    }

    function editPlan(fields: readonly string[], update: (plan: CallPlan) => CallPlan): void {
      const key = get().editingKey;
      if (!key) return;
      updateDraft(key, (draft) => ({
        ...draft,
        plan: update(draft.plan),
        revision: draft.revision + 1,
        touched: [...new Set([...draft.touched, ...fields])],
      }));
    }

    function editObjections(update: (objections: Objection[]) => Objection[]): void {
      editPlan(['objections'], (plan) => ({ ...plan, objections: update(plan.objections) }));
    }

    return {
      drafts: {},
      editingKey: null,
      newPlan() {
        get().leaveDraft();
        const plan = newCallPlan(get().opportunityId, deps.now());
        set({ drafts: { ...get().drafts, [plan.planKey]: draftOf(plan, false) }, editingKey: plan.planKey });
      },
      openPlan(planKey) {
        if (planKey === get().editingKey) return;
        get().leaveDraft();
        const saved = get().plans.find((plan) => plan.planKey === planKey);
        if (!get().drafts[planKey] && saved) set({ drafts: { ...get().drafts, [planKey]: draftOf(saved, true) } });
        if (get().drafts[planKey]) set({ editingKey: planKey });
      },
      closeEditor() {
        get().leaveDraft();
        set({ editingKey: null });
      },
      leaveDraft() {
        const key = get().editingKey;
        const draft = key ? get().drafts[key] : undefined;
        if (!key || !draft) return;
        void get().saveDraft(key);
        if (isDisposable(draft) && !inFlight.has(key)) dropDraft(key);
      },
      changeDraft(patch) {
        editPlan(Object.keys(patch), (plan) => {
          const next = { ...plan, ...patch };
          // The moment an outcome is first chosen is when it was logged.
          if (patch.outcome && plan.outcomeAt === null) next.outcomeAt = deps.now().toISOString();
          // Clearing the outcome un-logs it, so choosing one again stamps the new moment.
          if (patch.outcome === null) next.outcomeAt = null;
          return next;
        });
      },
      addObjection(expected) {
        editObjections((objections) => addObjection(objections, expected));
      },
      changeObjection(objectionKey, patch) {
        editObjections((objections) => changeObjection(objections, objectionKey, patch));
      },
      moveObjection(objectionKey, delta) {
        editObjections((objections) => moveObjection(objections, objectionKey, delta));
      },
      removeObjection(objectionKey) {
        editObjections((objections) => removeObjection(objections, objectionKey));
      },
      openOutcome() {
        const key = get().editingKey;
        if (key) updateDraft(key, (draft) => ({ ...draft, outcomeOpen: true }));
      },
      async saveDraft(planKey = get().editingKey ?? undefined) {
        const draft = planKey ? get().drafts[planKey] : undefined;
        if (!planKey || !draft || draft.revision === draft.attemptedRevision) return;
        // One save per plan at a time, so an older copy can never land after a newer one.
        if (inFlight.has(planKey)) {
          queued.add(planKey);
          return;
        }
        const revision = draft.revision;
        const result = validateCallPlan(draft.plan);
        if (!result.ok) {
          updateDraft(planKey, (d) => ({
            ...d,
            attemptedRevision: revision,
            errors: result.errors,
            save: { kind: 'invalid' },
          }));
          return;
        }
        updateDraft(planKey, (d) => ({ ...d, attemptedRevision: revision, errors: {}, save: { kind: 'saving' } }));
        inFlight.add(planKey);
        try {
          const saved = await request(deps.send, 'plan:save', { origin: deps.origin, plan: result.plan });
          get().acceptSavedPlan(saved);
          updateDraft(planKey, (d) => ({
            ...d,
            savedRevision: revision,
            save: { kind: 'saved', at: deps.now().toISOString() },
          }));
        } catch (error) {
          const fields = error instanceof PrecallError ? formFieldsOf(error.fields) : {};
          updateDraft(planKey, (d) => ({
            ...d,
            errors: fields,
            save: { kind: 'refused', message: errorMessageOf(error) },
          }));
        } finally {
          inFlight.delete(planKey);
        }
        if (queued.delete(planKey)) await get().saveDraft(planKey);
        const settled = get().drafts[planKey];
        if (settled && planKey !== get().editingKey && isDisposable(settled)) dropDraft(planKey);
      },
      async retrySave() {
        const key = get().editingKey;
        if (!key) return;
        updateDraft(key, (draft) => ({ ...draft, attemptedRevision: -1 }));
        await get().saveDraft(key);
      },
      async deletePlan(planKey) {
        const known = get().plans.some((plan) => plan.planKey === planKey);
        if (known) {
          try {
            await request(deps.send, 'plan:delete', { origin: deps.origin, planKey });
          } catch (error) {
            updateDraft(planKey, (d) => ({ ...d, save: { kind: 'delete-failed', message: errorMessageOf(error) } }));
            return;
          }
        }
        dropDraft(planKey);
        set({
          plans: get().plans.filter((plan) => plan.planKey !== planKey),
          editingKey: get().editingKey === planKey ? null : get().editingKey,
        });
      },
    };
  };
