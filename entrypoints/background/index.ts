import '../../lib/background/zod-without-eval';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { createMessageHandler } from '../../lib/background/handle-message';
import { meetingRemindersKey, recordOfNotification, remindOfMeetings } from '../../lib/background/meeting-reminders';
import { isSidePanelRequest, openSidePanelFor } from '../../lib/background/open-side-panel';
import { primeCoachingCopy } from '../../lib/background/prime-coaching';
import { createToolbarNudges } from '../../lib/background/toolbar-nudge';
import { createCoachingCopies } from '../../lib/db/coaching-copy';
import { outcomesDue } from '../../lib/db/outcomes-due';
import { PrecallDb } from '../../lib/db/precall-db';
import { negotiateApiVersion } from '../../lib/salesforce/api-version';
import { fetchIdentity } from '../../lib/salesforce/connection';
import { preloadJsforce } from '../../lib/salesforce/lazy-jsforce';
import { createSessionResolver } from '../../lib/salesforce/resolve-session';
import { createSalesforceAccess } from '../../lib/salesforce/salesforce-access';
import { createOAuthClient } from '../../lib/salesforce/sign-in/oauth';
import { readApiSession } from '../../lib/salesforce/sign-in/sid-cookies';
import { createSignInHandlers } from '../../lib/salesforce/sign-in/sign-in-handlers';
import { openSignInStore } from '../../lib/salesforce/sign-in/sign-in-store';
import { createBackgroundSync } from '../../lib/sync/background-sync';
import { readKnownSessions } from '../../lib/sync/known-sessions';

/** An org's version list is read again after a day (orgs upgrade three times a year). */
const versionCheckMs = 24 * 60 * 60 * 1000;
/** API usage is written at most this often per org (it arrives with every answer). */
const usageWriteMs = 30 * 1000;

export default defineBackground(() => {
  // jsforce loads on the first Salesforce call; a worker may import it then only if it did so
  // while installing (lib/salesforce/lazy-jsforce.ts).
  self.addEventListener('install', preloadJsforce);
  const databases = new Map<string, PrecallDb>();
  const allowDemo = import.meta.env.MODE === 'demo';
  const now = () => new Date();
  const store = openSignInStore();
  const sidOf = async (apiOrigin: string) =>
    (await browser.cookies.get({ url: `${apiOrigin}/`, name: 'sid' }).catch(() => null))?.value ?? null;
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
  const lastUsageWrite = new Map<string, number>();
  const oauth = createOAuthClient({
    store,
    redirectUri: browser.runtime.getURL('/oauth.html'),
    fetch: (input, init) => fetch(input, init),
    identity: fetchIdentity,
    sidOf,
    now,
  });
  /** The one SalesforceAccess the background wires: sync and on-demand reads use it. */
  const access = createSalesforceAccess({
    store,
    oauth,
    identity: fetchIdentity,
    sidCookie: sidOf,
    now,
    async apiVersion(apiOrigin) {
      const facts = await store.orgFacts.get(apiOrigin);
      if (facts?.apiVersion && now().getTime() - (facts.versionCheckedAt ?? 0) < versionCheckMs)
        return facts.apiVersion;
      const version = await negotiateApiVersion(apiOrigin);
      await store.orgFacts.merge(apiOrigin, { apiVersion: version, versionCheckedAt: now().getTime() });
      return version;
    },
    onApiUsage(apiOrigin, usage) {
      const at = now().getTime();
      if (at - (lastUsageWrite.get(apiOrigin) ?? 0) < usageWriteMs) return;
      lastUsageWrite.set(apiOrigin, at);
      void store.orgFacts.merge(apiOrigin, { apiUsage: { ...usage, at } });
    },
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
  // Shared by the coaching view's reports and the priming after each sync run.
  const coachingCopies = createCoachingCopies();
  const sync = createBackgroundSync({
    access,
    now: () => new Date(),
    ranSync: (session, db, result) => {
      // A copy not primed costs only the view its first read.
      if (result.ok) primeCoachingCopy(coachingCopies, db, session, now()).catch(() => undefined);
    },
    online: () => navigator.onLine,
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
    signIn: createSignInHandlers({
      store,
      oauth,
      access,
      callbackUrl: browser.runtime.getURL('/oauth.html'),
      openTab: async (url) => {
        await browser.tabs.create({ url });
      },
      listDatabases: async () => (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : [])),
      openDb,
      deleteDatabase: async (name) => {
        databases.get(name)?.close();
        databases.delete(name);
        await Dexie.delete(name);
      },
    }),
    sync: sync.service,
    coachingCopies,
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

  // The schedule is re-created on every start: alarms may not survive a browser restart.
  void browser.alarms.create('precall-sync', { periodInMinutes: 1 });
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
      notify: async (id, notice) => {
        await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: notice.title,
          message: notice.message,
        });
      },
    }).catch((error) => console.warn('Precall: meeting reminders failed', error));
  void browser.alarms.create('precall-reminders', { periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'precall-reminders') void remind();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[meetingRemindersKey]?.newValue === true) void remind();
  });
  browser.notifications.onClicked.addListener((id) => {
    const url = recordOfNotification(id);
    if (!url) return;
    void browser.tabs.create({ url });
    void browser.notifications.clear(id);
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
