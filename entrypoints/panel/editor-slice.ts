import type { StateCreator } from 'zustand';
import { PrecallError, request } from '../../lib/messaging/client';
import {
  type CallPlan,
  type FieldErrors,
  newCallPlan,
  type Objection,
  validateCallPlan,
} from '../../lib/model/call-plan';
import { type Draft, draftOf, errorsOf, everyField, isDisposable, revealedAfterEdit } from './draft';
import { continueFromLastCall, startOfNewPlan } from './new-plan-defaults';
import { addObjection, changeObjection, moveObjection, moveObjectionTo, removeObjection } from './objection-edits';
import { errorMessageOf } from './session-slice';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export interface EditorSlice {
  /** Working copies by plan key, kept while they hold changes the background has not accepted. */
  drafts: Record<string, Draft>;
  editingKey: string | null;
  /** The meeting a new plan was started from, by plan key. */
  meetingOf: Record<string, { subject: string; startAt: string }>;
  newPlan(): void;
  openPlan(planKey: string): void;
  closeEditor(): void;
  /** Saves what is pending for the open plan and forgets its copy when nothing is unsaved. */
  leaveDraft(): void;
  changeDraft(patch: Partial<Omit<CallPlan, 'objections'>>): void;
  /** The rep left a field: its problems show from now on. */
  revealField(field: string): void;
  continueFromLastCall(): void;
  addObjection(expected: boolean): void;
  changeObjection(objectionKey: string, patch: Partial<Objection>): void;
  moveObjection(objectionKey: string, delta: -1 | 1): void;
  moveObjectionTo(objectionKey: string, position: number): void;
  removeObjection(objectionKey: string): void;
  /** Validates, then sends `plan:save` when valid; an unchanged revision is not sent twice. */
  saveDraft(planKey?: string): Promise<void>;
  /** The rep pressed Save: every problem shows, and a valid plan is sent at once. */
  saveNow(): Promise<void>;
  /** Sends the open plan again after a refusal, without waiting for another edit. */
  retrySave(): Promise<void>;
  /** Sends the kept draft of a plan now (the panel is going away). */
  flushDraft(planKey: string): void;
  /** Throws the typed changes away on purpose: back to the saved plan, or no plan at all. */
  discardDraft(planKey: string): Promise<void>;
  deletePlan(planKey: string): Promise<void>;
}

/** The background reports payload paths (`plan.goal`); the form knows fields (`goal`). */
function formFieldsOf(fields: FieldErrors | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) errors[path.replace(/^plan\./, '')] = message;
  return errors;
}

/** Short enough that a crash right after typing loses next to nothing; long enough not to send every key. */
export const draftDelayMs = 300;

export const createEditorSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], EditorSlice> =>
  (set, get) => {
    const inFlight = new Set<string>();
    const queued = new Set<string>();
    const draftTimers = new Map<string, ReturnType<typeof setTimeout>>();
    // A draft still on its way, or sent while a discard or delete is, would land after it and
    // bring the draft back: those wait for the send, and nothing is sent for the plan meanwhile.
    const draftsSent = new Map<string, Promise<void>>();
    const goingAway = new Set<string>();

    function updateDraft(planKey: string, update: (draft: Draft) => Draft): void {
      const draft = get().drafts[planKey];
      if (draft) set({ drafts: { ...get().drafts, [planKey]: update(draft) } });
    }

    function dropDraft(planKey: string): void {
      const { [planKey]: _dropped, ...rest } = get().drafts;
      set({ drafts: rest });
    }

    /** `settle`: the plan just saved; the background then drops a draft older than the save. */
    function sendDraft(planKey: string, settle = false): void {
      clearTimeout(draftTimers.get(planKey));
      draftTimers.delete(planKey);
      const draft = get().drafts[planKey];
      if (!draft || goingAway.has(planKey) || (isDisposable(draft) && !settle)) return;
      const revision = draft.revision;
      const sent = request(deps.send, 'draft:save', { origin: deps.origin, plan: draft.plan })
        .then(({ kept }) => {
          if (kept) updateDraft(planKey, (d) => ({ ...d, keptRevision: Math.max(d.keptRevision ?? -1, revision) }));
        })
        .catch((error) => {
          // The plan save says why in the form; this only means a crash could lose the last words.
          console.warn('Precall: the draft was not kept', error);
        })
        .finally(() => {
          if (draftsSent.get(planKey) === sent) draftsSent.delete(planKey);
        });
      draftsSent.set(planKey, sent);
    }

    function keepDraft(planKey: string): void {
      clearTimeout(draftTimers.get(planKey));
      draftTimers.set(
        planKey,
        setTimeout(() => sendDraft(planKey), draftDelayMs),
      );
    }

    function editPlan(fields: readonly string[], update: (plan: CallPlan) => CallPlan): void {
      const key = get().editingKey;
      if (!key || get().isReadOnly(key)) return;
      updateDraft(key, (draft) => {
        const plan = update(draft.plan);
        const errors = errorsOf(plan);
        return {
          ...draft,
          plan,
          errors,
          revision: draft.revision + 1,
          revealed: revealedAfterEdit(draft.revealed, fields, errors),
          lastEdited: fields,
        };
      });
      keepDraft(key);
    }

    function editObjections(update: (objections: Objection[]) => Objection[]): void {
      editPlan(['objections'], (plan) => ({ ...plan, objections: update(plan.objections) }));
    }

    return {
      drafts: {},
      editingKey: null,
      meetingOf: {},
      newPlan() {
        if (!get().canPlan()) return;
        get().leaveDraft();
        const now = deps.now();
        const blank = newCallPlan(get().opportunityId, now);
        const { plan, meeting } = startOfNewPlan(blank, get().context?.meetings ?? [], get().plans, now);
        set({
          drafts: { ...get().drafts, [plan.planKey]: draftOf(plan, false) },
          editingKey: plan.planKey,
          meetingOf: meeting
            ? { ...get().meetingOf, [plan.planKey]: { subject: meeting.subject, startAt: meeting.startAt } }
            : get().meetingOf,
        });
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
        sendDraft(key);
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
      revealField(field) {
        const key = get().editingKey;
        if (!key) return;
        updateDraft(key, (draft) =>
          draft.revealed.includes(field) || draft.revealed.includes(everyField)
            ? draft
            : { ...draft, revealed: [...draft.revealed, field] },
        );
      },
      continueFromLastCall() {
        const lastKey = get().context?.lastCall?.planKey;
        const previous = get().plans.find((plan) => plan.planKey === lastKey);
        if (!previous) return;
        editPlan(['questions', 'need', 'budget', 'decisionProcess', 'timing', 'objections'], (plan) =>
          continueFromLastCall(plan, previous),
        );
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
      moveObjectionTo(objectionKey, position) {
        editObjections((objections) => moveObjectionTo(objections, objectionKey, position));
      },
      removeObjection(objectionKey) {
        editObjections((objections) => removeObjection(objections, objectionKey));
      },
      async saveDraft(planKey = get().editingKey ?? undefined) {
        const draft = planKey ? get().drafts[planKey] : undefined;
        if (!planKey || !draft || draft.revision === draft.attemptedRevision || get().isReadOnly(planKey)) return;
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
        updateDraft(planKey, (d) => ({ ...d, attemptedRevision: revision, save: { kind: 'saving' } }));
        inFlight.add(planKey);
        try {
          const saved = await request(deps.send, 'plan:save', { origin: deps.origin, plan: result.plan });
          get().acceptSavedPlan(saved);
          // Problems the background reported for this copy are gone with its save.
          updateDraft(planKey, (d) => ({
            ...d,
            errors: errorsOf(d.plan),
            savedRevision: revision,
            save: { kind: 'saved', at: deps.now().toISOString() },
          }));
          sendDraft(planKey, true);
        } catch (error) {
          const fields = error instanceof PrecallError ? formFieldsOf(error.fields) : {};
          updateDraft(planKey, (d) => ({
            ...d,
            errors: { ...d.errors, ...fields },
            revealed: Object.keys(fields).length > 0 ? [everyField] : d.revealed,
            save: { kind: 'refused', message: errorMessageOf(error) },
          }));
        } finally {
          inFlight.delete(planKey);
        }
        if (queued.delete(planKey)) await get().saveDraft(planKey);
        const settled = get().drafts[planKey];
        if (settled && planKey !== get().editingKey && isDisposable(settled)) dropDraft(planKey);
      },
      async saveNow() {
        const key = get().editingKey;
        if (!key) return;
        updateDraft(key, (draft) => ({ ...draft, revealed: [everyField], attemptedRevision: -1 }));
        sendDraft(key);
        await get().saveDraft(key);
      },
      async retrySave() {
        const key = get().editingKey;
        if (!key) return;
        updateDraft(key, (draft) => ({ ...draft, attemptedRevision: -1 }));
        await get().saveDraft(key);
      },
      flushDraft(planKey) {
        sendDraft(planKey);
      },
      async discardDraft(planKey) {
        clearTimeout(draftTimers.get(planKey));
        draftTimers.delete(planKey);
        goingAway.add(planKey);
        try {
          await draftsSent.get(planKey);
          await request(deps.send, 'draft:discard', { origin: deps.origin, planKey });
        } catch (error) {
          updateDraft(planKey, (d) => ({ ...d, save: { kind: 'refused', message: errorMessageOf(error) } }));
          return;
        } finally {
          goingAway.delete(planKey);
        }
        const saved = get().plans.find((plan) => plan.planKey === planKey);
        if (saved) {
          set({ drafts: { ...get().drafts, [planKey]: draftOf(saved, true) } });
        } else {
          dropDraft(planKey);
          if (get().editingKey === planKey) set({ editingKey: null });
        }
      },
      async deletePlan(planKey) {
        const known = get().plans.some((plan) => plan.planKey === planKey);
        clearTimeout(draftTimers.get(planKey));
        goingAway.add(planKey);
        try {
          await draftsSent.get(planKey);
          if (known) await request(deps.send, 'plan:delete', { origin: deps.origin, planKey });
          else await request(deps.send, 'draft:discard', { origin: deps.origin, planKey });
        } catch (error) {
          updateDraft(planKey, (d) => ({ ...d, save: { kind: 'delete-failed', message: errorMessageOf(error) } }));
          return;
        } finally {
          goingAway.delete(planKey);
        }
        dropDraft(planKey);
        set({
          plans: get().plans.filter((plan) => plan.planKey !== planKey),
          editingKey: get().editingKey === planKey ? null : get().editingKey,
        });
      },
    };
  };
