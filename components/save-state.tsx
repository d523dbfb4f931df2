/** What happened to the rep's last edits; rendered as is, never guessed from other state. */
export type SaveState =
  | { kind: 'idle' }
  /** `pending`: a problem in a field the rep has not reached yet, said here instead of beside it. */
  | { kind: 'invalid'; pending?: string; kept?: boolean }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'refused'; message: string }
  | { kind: 'delete-failed'; message: string };

function textOf(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'invalid': {
      const text = state.pending ? `Not saved yet: ${state.pending}` : 'Not saved: fix the highlighted fields';
      // The typing itself is safe in this browser; only the plan is not complete.
      return state.kept ? `${text}. Kept as a draft.` : text;
    }
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${new Date(state.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    case 'refused':
      return `Not saved: ${state.message}`;
    case 'delete-failed':
      return `Not deleted: ${state.message}`;
  }
}

export interface SaveStateTextProps {
  state: SaveState;
  /** Offered after a refusal: the cause (a full disk, a locked database) may have passed. */
  onRetry?(): void;
}

export function SaveStateText({ state, onRetry }: SaveStateTextProps) {
  const problem =
    (state.kind === 'invalid' && !state.pending) || state.kind === 'refused' || state.kind === 'delete-failed';
  return (
    <div className="save-state-row">
      <p role="status" className={problem ? 'save-state save-state-problem' : 'save-state'}>
        {textOf(state)}
      </p>
      {state.kind === 'refused' && onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try saving again
        </button>
      )}
    </div>
  );
}
