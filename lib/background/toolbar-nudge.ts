import type { Session } from '../messaging/protocol';
import type { SyncStatus } from '../sync/sync-status';
import { type ToolbarBadge, toolbarBadge } from '../sync/toolbar-badge';

/** Outcomes to log read in the brand's blue; sync trouble turns the icon red, whatever it counts. */
export const nudgeColors = { outcomes: '#0176d3', trouble: '#ba0517' };

function hasTrouble(status: SyncStatus): boolean {
  return (
    status.state.kind === 'signed-out' || status.state.kind === 'error' || status.conflicts > 0 || status.rejected > 0
  );
}

/**
 * The toolbar icon as a nudge: its number is the rep's outcomes still to log; the title names
 * them and then says how sync stands (plans waiting, offline, an error and why). When sync needs
 * the rep (signed out, an error, a conflict or a refusal) the icon is red, and shows "!" when no
 * outcome is due.
 */
export function toolbarNudge(outcomesDue: number, status: SyncStatus): ToolbarBadge {
  const sync = toolbarBadge(status);
  const trouble = hasTrouble(status);
  const outcomes =
    outcomesDue > 0 ? `${outcomesDue} outcome${outcomesDue === 1 ? '' : 's'} to log` : 'no outcome to log';
  return {
    text: outcomesDue > 0 ? String(Math.min(outcomesDue, 99)) : trouble ? '!' : '',
    title: `Precall: ${outcomes} · ${sync.title.replace(/^Precall: /, '')}`,
    color: trouble ? nudgeColors.trouble : nudgeColors.outcomes,
  };
}

export interface ToolbarNudgeDeps {
  outcomesDue(session: Session): Promise<number>;
  syncStatus(session: Session): Promise<SyncStatus>;
  show(badge: ToolbarBadge): void;
}

/** The icon speaks for the user who last used Precall; it is redrawn after sync and local writes. */
export function createToolbarNudges(deps: ToolbarNudgeDeps) {
  let active: Session | null = null;
  return {
    activity(session: Session) {
      const changed = active?.dbName !== session.dbName;
      active = session;
      if (changed) void this.refresh();
    },
    async refresh(): Promise<void> {
      const session = active;
      if (!session) return;
      try {
        const [due, status] = await Promise.all([deps.outcomesDue(session), deps.syncStatus(session)]);
        if (active === session) deps.show(toolbarNudge(due, status));
      } catch {
        // The database is closing (sign-out, forget): the next refresh draws the icon.
      }
    },
  };
}
