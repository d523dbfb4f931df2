import type { PrecallDb } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import { type KnownSession, readKnownSessions, rememberSession, type SessionStorageArea } from './known-sessions';
import { hasSendable } from './push-outbox';
import { runRowName } from './run-sync';
import { scheduledRun } from './scheduled-run';
import { createSyncScheduler } from './sync-scheduler';
import type { SyncService } from './sync-service';
import { type ToolbarBadge, toolbarBadge } from './toolbar-badge';

export interface BackgroundSyncDeps {
  /** Runs and pulls; the worker loads their code on the first run (lib/background/deferred-work.ts). */
  service: SyncService;
  now(): Date;
  storage: SessionStorageArea;
  openDb(session: Session): PrecallDb;
  /** Shows the badge of the user who last spoke (the toolbar icon). */
  showBadge?(badge: ToolbarBadge): void;
  debounceMs?: number;
  /** How long a first sync waits after sign-in, so the page's own reads go first. */
  signInDelayMs?: number;
}

/**
 * Sync as the service worker runs it: which users to sync (kept in storage, so a fresh worker
 * knows them), what triggers a run (a local write, sign-in, reconnect, a panel opening, the
 * alarm), and the toolbar badge after each. The worker keeps nothing it cannot rebuild.
 */
export function createBackgroundSync(deps: BackgroundSyncDeps) {
  let activeDb: string | null = null;
  const { service } = deps;
  const refreshBadge = async (session: Session) => {
    if (!deps.showBadge || (activeDb !== null && activeDb !== session.dbName)) return;
    deps.showBadge(toolbarBadge(await service.status(deps.openDb(session))));
  };
  const scheduler = createSyncScheduler({
    debounceMs: deps.debounceMs,
    run: async (session, request) => {
      await service.run(session, deps.openDb(session), request);
      await refreshBadge(session);
    },
  });

  return {
    service,
    /** A page or panel spoke for this user: remember them; a user new here syncs at once. */
    async activity(session: Session): Promise<void> {
      activeDb = session.dbName;
      const known = await readKnownSessions(deps.storage);
      const previous = known.find((k) => k.session.dbName === session.dbName);
      // Badges ask often: the time of activity only needs to be right to the minute.
      const recent = previous && deps.now().getTime() - Date.parse(previous.lastActiveAt) < 60_000;
      if (!recent) await rememberSession(deps.storage, session, deps.now());
      const db = deps.openDb(session);
      const run = await db.syncState.get(runRowName);
      // Signed in for the first time here, or again after Salesforce turned the session away.
      // The page that spoke reads its own data first; the full run follows a moment later.
      if (!previous || run?.lastError?.kind === 'signed-out') {
        setTimeout(() => void scheduler.request(session, { caches: true }), deps.signInDelayMs ?? 3000);
      }
    },
    localWrite(session: Session): void {
      void refreshBadge(session);
      scheduler.localWrite(session);
    },
    /** Reconnected, or Salesforce's session cookie changed: everyone known gets a run. */
    async everyone(filter: (known: KnownSession) => boolean = () => true): Promise<void> {
      for (const known of (await readKnownSessions(deps.storage)).filter(filter)) {
        void scheduler.request(known.session, { caches: true });
      }
    },
    /** The alarm: for each known user, whatever `scheduledRun` says is due (often nothing). */
    async tick(): Promise<void> {
      for (const known of await readKnownSessions(deps.storage)) {
        const db = deps.openDb(known.session);
        const request = scheduledRun({
          now: deps.now(),
          lastActiveAt: known.lastActiveAt,
          run: await db.syncState.get(runRowName),
          hasChanges: await hasSendable(db),
        });
        if (request) await scheduler.request(known.session, request);
      }
    },
    async runNow(session: Session): Promise<void> {
      await scheduler.request(session, { caches: true });
    },
  };
}
