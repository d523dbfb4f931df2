import '../../lib/background/zod-without-eval';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { DeferredWork } from '../../lib/background/deferred-work';
import { createMessageHandler } from '../../lib/background/handle-message';
import { keepAlarm } from '../../lib/background/keep-alarm';
import { loadDeferredWork, preloadDeferredWork } from '../../lib/background/load-deferred';
import { meetingRemindersKey, recordOfNotification, remindOfMeetings } from '../../lib/background/meeting-reminders';
import { isSidePanelRequest, openSidePanelFor } from '../../lib/background/open-side-panel';
import { createToolbarNudges } from '../../lib/background/toolbar-nudge';
import { outcomesDue } from '../../lib/db/outcomes-due';
import { PrecallDb } from '../../lib/db/precall-db';
import { signInMessageTypes } from '../../lib/messaging/protocol';
import { fetchIdentity } from '../../lib/salesforce/connection';
import { preloadJsforce } from '../../lib/salesforce/lazy-jsforce';
import { createSessionResolver } from '../../lib/salesforce/resolve-session';
import { knownAccounts } from '../../lib/salesforce/sign-in/known-accounts';
import { readApiSession } from '../../lib/salesforce/sign-in/sid-cookies';
import type { SignInHandlers } from '../../lib/salesforce/sign-in/sign-in-handlers';
import { openSignInStore } from '../../lib/salesforce/sign-in/sign-in-store';
import { createBackgroundSync } from '../../lib/sync/background-sync';
import { readKnownSessions } from '../../lib/sync/known-sessions';
import type { SyncService } from '../../lib/sync/sync-service';
import { readSyncStatus } from '../../lib/sync/sync-status';

/** What the worker uses of its global scope that the DOM typings (`self` as a window) lack. */
interface NotifyingWorker {
  registration: {
    showNotification(title: string, options: { body: string; icon: string; tag: string }): Promise<void>;
  };
  addEventListener(
    type: 'notificationclick',
    listener: (event: {
      notification: { tag: string; close(): void };
      waitUntil(done: Promise<unknown>): void;
    }) => void,
  ): void;
}

export default defineBackground(() => {
  const worker = self as unknown as NotifyingWorker;
  // jsforce loads on the first Salesforce call, and the work of sync, sign-in flows and coaching
  // the first time it is asked for; a worker may import a script then only if it did so while
  // installing (lib/salesforce/lazy-jsforce.ts, lib/background/load-deferred.ts).
  self.addEventListener('install', () => {
    preloadJsforce();
    preloadDeferredWork();
  });
  const databases = new Map<string, PrecallDb>();
  const allowDemo = import.meta.env.MODE === 'demo';
  const now = () => new Date();
  const store = openSignInStore();
  // Identities were once remembered by org alone; a second user of the org could open the first
  // user's plans offline. They are now remembered per session in the sign-in store. Only an
  // update can bring such keys, so they are looked for then, not at every start.
  browser.runtime.onInstalled.addListener(() => {
    void browser.storage.local.get(null).then((items) => {
      const stale = Object.keys(items).filter((key) => key.startsWith('precall:identity:'));
      if (stale.length > 0) void browser.storage.local.remove(stale);
    });
  });

  const openDb = (session: { dbName: string }) => {
    let db = databases.get(session.dbName);
    if (!db) {
      db = new PrecallDb(session.dbName);
      databases.set(session.dbName, db);
    }
    return db;
  };
  const deleteDatabase = async (name: string) => {
    databases.get(name)?.close();
    databases.delete(name);
    await Dexie.delete(name);
  };
  let deferred: DeferredWork | null = null;
  /** Sync runs, sign-in flows and coaching: their script is loaded the first time one is asked. */
  const work = () => {
    deferred ??= loadDeferredWork().createDeferredWork({ store, openDb, deleteDatabase, now });
    return deferred;
  };
  const syncService: SyncService = {
    run: async (session, db, request) => work().sync.run(session, db, request),
    pullOpportunities: async (session, db, ids, options) => work().sync.pullOpportunities(session, db, ids, options),
    // Before any run in this worker there is no progress to tell: the stored status is the status.
    status: (db) => (deferred ? deferred.sync.status(db) : readSyncStatus(db, null)),
  };
  const signIn = Object.fromEntries(
    signInMessageTypes.map((type) => [type, async (request: never) => work().signIn[type](request)]),
  ) as SignInHandlers;
  // The options and coaching pages list the sign-ins at every open: answered from the store alone.
  signIn['signin:accounts'] = async () => ({
    accounts: await knownAccounts(store),
    callbackUrl: browser.runtime.getURL('/oauth.html'),
  });

  // The toolbar icon counts the rep's outcomes to log; sync's state is in its title and colour.
  const nudges = createToolbarNudges({
    outcomesDue: (session) => outcomesDue(openDb(session), session.userId, now()),
    syncStatus: (session) => sync.service.status(openDb(session)),
    show: (badge) => {
      void browser.action.setBadgeText({ text: badge.text });
      void browser.action.setBadgeBackgroundColor({ color: badge.color });
      void browser.action.setTitle({ title: badge.title });
    },
  });
  const sync = createBackgroundSync({
    service: syncService,
    now,
    storage: browser.storage.local,
    openDb,
    showBadge: () => void nudges.refresh(),
  });

  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    allowDemo,
    now,
    resolveSession: createSessionResolver({
      apiSession: (origin) => readApiSession(browser.cookies, origin, allowDemo),
      identity: fetchIdentity,
      store,
      now,
    }),
    openDb,
    signIn,
    sync: sync.service,
    coaching: {
      report: async (request, db, session) => work().coaching.report(request, db, session),
      evidence: async (request, db, session) => work().coaching.evidence(request, db, session),
    },
    pullOpportunities: (session, ids) =>
      sync.service.pullOpportunities(session, openDb(session), ids, { force: false }),
    sendToTab: (tabId, message, frameId) =>
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
    onActivity: (session) => {
      nudges.activity(session);
      void sync.activity(session);
    },
    onLocalWrite: (session) => sync.localWrite(session),
  });

  // The schedule is checked at every start: alarms may not survive a browser restart.
  void keepAlarm(browser.alarms, 'precall-sync', 1);
  browser.alarms.onAlarm.addListener((alarm) => {
    // Outcomes fall due as time passes, not only when something is written.
    if (alarm.name === 'precall-sync') void sync.tick().then(() => nudges.refresh());
  });
  self.addEventListener('online', () => void sync.everyone());
  // A new Salesforce session cookie is a sign-in: sync that org's users now.
  browser.cookies.onChanged.addListener(({ cookie, removed }) => {
    if (removed || cookie.name !== 'sid') return;
    void sync.everyone((known) => new URL(known.session.apiOrigin).hostname.endsWith(cookie.domain.replace(/^\./, '')));
  });

  // The optional reminder the day before a meeting with no plan (off unless set in options).
  const remind = () =>
    remindOfMeetings({
      storage: browser.storage.local,
      sessions: async () => (await readKnownSessions(browser.storage.local)).map((known) => known.session),
      openDb,
      now,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      // The service worker's own notifications, not chrome.notifications: touching that API builds
      // its bindings, 1.5 ms of every start (measured), for a reminder that is off unless set.
      notify: async (id, notice) => {
        await worker.registration.showNotification(notice.title, {
          body: notice.message,
          icon: browser.runtime.getURL('/icon/128.png'),
          tag: id,
        });
      },
    }).catch((error) => console.warn('Precall: meeting reminders failed', error));
  void keepAlarm(browser.alarms, 'precall-reminders', 60);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'precall-reminders') void remind();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[meetingRemindersKey]?.newValue === true) void remind();
  });
  worker.addEventListener('notificationclick', (event) => {
    const url = recordOfNotification(event.notification.tag);
    if (!url) return;
    event.notification.close();
    event.waitUntil(browser.tabs.create({ url }));
  });

  // The toolbar icon opens the call plan in Chrome's side panel.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  // Chrome keeps the channel open for an async answer only when the listener returns true.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (isSidePanelRequest(message)) {
      // Before any await: Chrome opens the side panel only while the rep's click counts.
      void openSidePanelFor(sender, browser.runtime.id, browser.sidePanel).then(sendResponse);
      return true;
    }
    void handleMessage(message, sender).then(sendResponse);
    return true;
  });
});
