import type { SyncStatus } from './sync-status';

/** The toolbar icon: badge text is the count of plans not in Salesforce yet; the title says why. */
export interface ToolbarBadge {
  text: string;
  title: string;
  color: string;
}

const colors = { quiet: '#0176d3', attention: '#ba0517' };

export function toolbarBadge(status: SyncStatus): ToolbarBadge {
  const { state, unsynced } = status;
  const count = unsynced > 0 ? String(Math.min(unsynced, 999)) : '';
  const plans = `${unsynced} call plan${unsynced === 1 ? '' : 's'}`;
  const attention = status.conflicts > 0 || status.rejected > 0;
  const color = attention || state.kind === 'signed-out' || state.kind === 'error' ? colors.attention : colors.quiet;
  let title: string;
  switch (state.kind) {
    case 'signed-out':
      return {
        text: count || '!',
        title: `Precall: sign in to Salesforce to sync${unsynced ? ` (${plans} waiting)` : ''}`,
        color,
      };
    case 'offline':
      title = `Precall: offline${unsynced ? `, ${plans} will sync when back online` : ''}`;
      break;
    case 'error':
      title = `Precall: sync failed (${state.reason})${unsynced ? `, ${plans} waiting` : ''}`;
      break;
    case 'syncing':
      title = `Precall: syncing ${state.done} of ${state.total}`;
      break;
    default:
      title = unsynced ? `Precall: ${plans} not in Salesforce yet` : 'Precall: every call plan is in Salesforce';
  }
  if (status.conflicts > 0) title += ` · ${status.conflicts} to resolve`;
  if (status.rejected > 0) title += ` · ${status.rejected} refused by Salesforce`;
  return { text: count, title, color };
}
