import type { SaveState } from '../../components/save-state';
import { type CallPlan, type FieldErrors, validateCallPlan } from '../../lib/model/call-plan';

/** The editor's working copy of one plan: it outlives failed saves so typed text is never lost. */
export interface Draft {
  plan: CallPlan;
  /** Bumped on every edit; autosave only sends a revision it has not tried yet. */
  revision: number;
  attemptedRevision: number;
  /** The revision the background last accepted; -1 for a plan it has never seen. */
  savedRevision: number;
  save: SaveState;
  /** Every problem of the current values, kept up to date as the rep types. */
  errors: FieldErrors;
  /**
   * Fields whose problems the rep is shown: those they left (blur), all of them after an explicit
   * save or a restore. A field the rep is still typing in shows no new error.
   */
  revealed: readonly string[];
  /** When this copy was kept by the background in an earlier visit (reload, crash, closed panel). */
  restoredFrom?: string;
  /** The background kept this revision as a draft: it survives a reload or a crash. */
  keptRevision?: number;
  /** The fields of the latest edit: the rep may still be typing there. */
  lastEdited?: readonly string[];
}

/** Every field at once: an explicit save, or a plan that was complete once. */
export const everyField = '*';

export function errorsOf(plan: CallPlan): FieldErrors {
  const result = validateCallPlan(plan);
  return result.ok ? {} : result.errors;
}

export function draftOf(plan: CallPlan, saved: boolean): Draft {
  return {
    plan,
    revision: 0,
    attemptedRevision: 0,
    savedRevision: saved ? 0 : -1,
    save: { kind: 'idle' },
    errors: saved ? errorsOf(plan) : {},
    revealed: saved ? [everyField] : [],
  };
}

/** A draft the background kept from an earlier visit: not saved yet, all its problems in view. */
export function restoredDraftOf(plan: CallPlan, isNew: boolean, savedAt: string): Draft {
  return {
    ...draftOf(plan, !isNew),
    revision: 1,
    errors: errorsOf(plan),
    revealed: [everyField],
    restoredFrom: savedAt,
  };
}

const fieldOf = (path: string) => path.split('.')[0] ?? path;

/** The errors to show beside fields: only those of fields the rep has left or asked to save. */
export function visibleErrors(draft: Pick<Draft, 'errors' | 'revealed'>): FieldErrors {
  if (draft.revealed.includes(everyField)) return draft.errors;
  return Object.fromEntries(Object.entries(draft.errors).filter(([path]) => draft.revealed.includes(fieldOf(path))));
}

/**
 * After an edit of `fields`: a field that became valid stops being revealed, so its error is gone
 * the moment it is fixed and does not come back while the rep types in it again.
 */
export function revealedAfterEdit(
  revealed: readonly string[],
  fields: readonly string[],
  errors: FieldErrors,
): readonly string[] {
  if (revealed.includes(everyField)) return revealed;
  const stillWrong = new Set(Object.keys(errors).map(fieldOf));
  return revealed.filter((field) => !fields.includes(field) || stillWrong.has(field));
}

/**
 * The first problem the rep has not reached yet, said in the save state instead; never one of
 * the field they are typing in.
 */
export function pendingProblem(draft: Pick<Draft, 'errors' | 'revealed' | 'lastEdited'>): string | undefined {
  const shown = visibleErrors(draft);
  if (Object.keys(shown).length > 0) return undefined;
  const typing = new Set(draft.lastEdited ?? []);
  return Object.entries(draft.errors).find(([path]) => !(path in shown) && !typing.has(fieldOf(path)))?.[1];
}

/** Nothing typed since the last save, or a new plan nobody has typed into: safe to drop. */
export function isDisposable(draft: Draft): boolean {
  return draft.revision === draft.savedRevision || (draft.savedRevision === -1 && draft.revision === 0);
}

/** Typed text the background holds only as a draft: the list marks these plans. */
export function isUnsaved(draft: Draft): boolean {
  return draft.revision !== draft.savedRevision && !(draft.savedRevision === -1 && draft.revision === 0);
}

/** A save the rep has to act on (fix a field, read a refusal), or typing kept from an earlier visit. */
export function needsAttention(draft: Draft): boolean {
  return isUnsaved(draft) && (draft.save.kind === 'invalid' || draft.save.kind === 'refused' || !!draft.restoredFrom);
}
