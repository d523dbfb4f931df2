import type { SaveState } from '../../components/save-state';
import type { CallPlan, FieldErrors } from '../../lib/model/call-plan';

/** The editor's working copy of one plan: it outlives failed saves so typed text is never lost. */
export interface Draft {
  plan: CallPlan;
  /** Bumped on every edit; autosave only sends a revision it has not tried yet. */
  revision: number;
  attemptedRevision: number;
  /** The revision the background last accepted; -1 for a plan it has never seen. */
  savedRevision: number;
  save: SaveState;
  errors: FieldErrors;
  /** The rep asked to log the outcome before the call time has passed. */
  outcomeOpen: boolean;
  /** Fields the rep has edited; a new plan shows errors only for these (see `visibleErrors`). */
  touched: readonly string[];
}

export function draftOf(plan: CallPlan, saved: boolean): Draft {
  return {
    plan,
    revision: 0,
    attemptedRevision: 0,
    savedRevision: saved ? 0 : -1,
    save: { kind: 'idle' },
    errors: {},
    outcomeOpen: false,
    touched: saved ? [everyField] : [],
  };
}

/** A saved plan was complete once, so all of its errors concern the rep at once. */
const everyField = '*';

/**
 * The errors to show beside fields: on a new plan only those of fields the rep has edited, so
 * "Best next step is required" does not appear while they are still typing the goal.
 */
export function visibleErrors(draft: Pick<Draft, 'errors' | 'touched'>): FieldErrors {
  if (draft.touched.includes(everyField)) return draft.errors;
  return Object.fromEntries(
    Object.entries(draft.errors).filter(([path]) => draft.touched.includes(path.split('.')[0] ?? path)),
  );
}

/** The first problem the rep has not reached yet, said in the save state instead. */
export function pendingProblem(draft: Pick<Draft, 'errors' | 'touched'>): string | undefined {
  const shown = visibleErrors(draft);
  if (Object.keys(shown).length > 0) return undefined;
  return Object.entries(draft.errors).find(([path]) => !(path in shown))?.[1];
}

/** Nothing typed since the last save, or a new plan nobody has typed into: safe to drop. */
export function isDisposable(draft: Draft): boolean {
  return draft.revision === draft.savedRevision || (draft.savedRevision === -1 && draft.revision === 0);
}

/** A save the rep has to act on (fix a field, read a refusal): the list marks these plans. */
export function isStuck(draft: Draft): boolean {
  return draft.save.kind === 'invalid' || draft.save.kind === 'refused';
}
