import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PanelMessage } from '../../components/panel-message';
import { PendingChanges } from '../../components/pending-changes';
import { SyncStatusLine } from '../../components/sync-status';
import { SignInMessage } from './sign-in-message';
import { usePanelStore } from './store';

/** How often the status line asks the background while the panel is open (a local read). */
const statusEveryMs = 5000;

/**
 * Sync in the panel: the status line, the Pending Changes list, and "not visible to you" when
 * Salesforce does not show this user the opportunity. Opening an opportunity pulls its plans.
 */
export function SyncPanel({ origin, onOpenOptions }: { origin: string; onOpenOptions(): void }) {
  const state = usePanelStore(
    useShallow((s) => ({
      signedIn: s.session.kind === 'signed-in',
      opportunityId: s.opportunityId,
      syncStatus: s.syncStatus,
      changes: s.changes,
      changesOpen: s.changesOpen,
      visibility: s.visibility,
      syncMessage: s.syncMessage,
      objectsHidden: s.objectsHidden,
      refreshSync: s.refreshSync,
      syncNow: s.syncNow,
      toggleChanges: s.toggleChanges,
      pullOpportunity: s.pullOpportunity,
      resolveConflict: s.resolveConflict,
      resolveRejection: s.resolveRejection,
    })),
  );
  const { signedIn, opportunityId, pullOpportunity, refreshSync } = state;

  useEffect(() => {
    if (signedIn && opportunityId) void pullOpportunity();
  }, [signedIn, opportunityId, pullOpportunity]);

  useEffect(() => {
    if (!signedIn) return;
    const timer = setInterval(() => void refreshSync(), statusEveryMs);
    return () => clearInterval(timer);
  }, [signedIn, refreshSync]);

  if (!signedIn) return null;
  return (
    <div className="sync-panel">
      <SyncStatusLine
        status={state.syncStatus}
        changesOpen={state.changesOpen}
        onSyncNow={() => void state.syncNow()}
        onToggleChanges={state.toggleChanges}
      />
      {(state.objectsHidden ||
        (state.syncStatus?.state.kind === 'error' && state.syncStatus.state.code === 'objects-not-visible')) && (
        <SignInMessage
          code="objects-not-visible"
          origin={origin}
          onRetry={() => void state.syncNow()}
          onOpenOptions={onOpenOptions}
        />
      )}
      {state.syncMessage && <p className="field-hint sync-message">{state.syncMessage}</p>}
      {state.visibility === 'not-visible' && (
        <PanelMessage message="This record is not visible to you in Salesforce: plans written here stay in this browser." />
      )}
      {state.changesOpen && (
        <PendingChanges
          changes={state.changes}
          onResolveConflict={(table, key, choice) => void state.resolveConflict(table, key, choice)}
          onResolveRejection={(table, key, action) => void state.resolveRejection(table, key, action)}
        />
      )}
    </div>
  );
}
