import type { SyncState, SyncStatus } from '../lib/messaging/protocol';

export interface SyncStatusProps {
  status: SyncStatus | null;
  changesOpen: boolean;
  onSyncNow(): void;
  onToggleChanges(): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const time = (iso: string) => timeFormat.format(new Date(iso));

/** One line under the header: where sync stands, in words, with the way forward. */
export function stateText(state: SyncState): string {
  switch (state.kind) {
    case 'never-synced':
      return 'Not synced with Salesforce yet';
    case 'syncing':
      return state.total > 0 ? `Syncing ${state.done} of ${state.total}…` : 'Syncing…';
    case 'in-sync':
      return `In sync at ${time(state.at)}`;
    case 'offline':
      return `Offline: your changes are kept${state.retryAt ? `, retrying at ${time(state.retryAt)}` : ''}`;
    case 'signed-out':
      return 'Sign in to Salesforce to sync your plans';
    case 'error':
      return `Sync failed: ${state.reason}${state.retryAt ? `. Retrying at ${time(state.retryAt)}` : ''}`;
  }
}

export function SyncStatusLine({ status, changesOpen, onSyncNow, onToggleChanges }: SyncStatusProps) {
  if (!status) return null;
  const { state } = status;
  const counts = [
    status.pending > 0 && `${status.pending} waiting`,
    status.rejected > 0 && `${status.rejected} refused`,
    status.conflicts > 0 && `${status.conflicts} to resolve`,
  ].filter(Boolean);
  const tone = state.kind === 'error' || state.kind === 'signed-out' || status.conflicts > 0 ? 'sync-warning' : '';
  return (
    <div className={`sync-status ${tone}`}>
      {/* Not role=status: the save state of the open plan is the panel's status. */}
      <span className="sync-state" aria-live="polite">
        {stateText(state)}
      </span>
      {counts.length > 0 && (
        <button type="button" className="button button-link" aria-expanded={changesOpen} onClick={onToggleChanges}>
          {counts.join(' · ')}
        </button>
      )}
      {state.kind !== 'syncing' && state.kind !== 'signed-out' && (
        <button type="button" className="button button-link" onClick={onSyncNow}>
          Sync now
        </button>
      )}
    </div>
  );
}
