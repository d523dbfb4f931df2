/** What happened to the rep's last edits; rendered as is, never guessed from other state. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'invalid' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'refused'; message: string }
  | { kind: 'delete-failed'; message: string };

function textOf(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'invalid':
      return 'Not saved: fix the highlighted fields';
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

export function SaveStateText({ state }: { state: SaveState }) {
  const problem = state.kind === 'invalid' || state.kind === 'refused' || state.kind === 'delete-failed';
  return (
    <p role="status" className={problem ? 'save-state save-state-problem' : 'save-state'}>
      {textOf(state)}
    </p>
  );
}
