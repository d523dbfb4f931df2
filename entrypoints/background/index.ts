import { browser } from 'wxt/browser';
import { createMessageHandler } from '../../lib/background/handle-message';
import { PrecallDb } from '../../lib/db/precall-db';
import { fetchIdentity } from '../../lib/salesforce/connection';
import { createSessionResolver, type Identity } from '../../lib/salesforce/resolve-session';
import { createCookieAccess } from '../../lib/salesforce/salesforce-access';
import { createBackgroundSync } from '../../lib/sync/background-sync';

export default defineBackground(() => {
  const databases = new Map<string, PrecallDb>();
  const identityKey = (orgId: string) => `precall:identity:${orgId}`;

  const sidCookie = async (apiOrigin: string) =>
    (await browser.cookies.get({ url: `${apiOrigin}/`, name: 'sid' }))?.value ?? null;
  const openDb = (session: { dbName: string }) => {
    let db = databases.get(session.dbName);
    if (!db) {
      db = new PrecallDb(session.dbName);
      databases.set(session.dbName, db);
    }
    return db;
  };
  const sync = createBackgroundSync({
    access: createCookieAccess({ sidCookie }),
    now: () => new Date(),
    online: () => navigator.onLine,
    storage: browser.storage.local,
    openDb,
    showBadge: (badge) => {
      void browser.action.setBadgeText({ text: badge.text });
      void browser.action.setBadgeBackgroundColor({ color: badge.color });
      void browser.action.setTitle({ title: badge.title });
    },
  });

  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    allowDemo: import.meta.env.MODE === 'demo',
    now: () => new Date(),
    resolveSession: createSessionResolver({
      sidCookie,
      identity: fetchIdentity,
      cachedIdentity: async (orgId) => {
        const stored = await browser.storage.local.get(identityKey(orgId));
        return (stored[identityKey(orgId)] as Identity | undefined) ?? null;
      },
      rememberIdentity: (identity) => browser.storage.local.set({ [identityKey(identity.orgId)]: identity }),
      now: () => new Date(),
    }),
    openDb,
    sync: sync.service,
    onActivity: (session) => void sync.activity(session),
    onLocalWrite: (session) => sync.localWrite(session),
  });

  // The schedule is re-created on every start: alarms may not survive a browser restart.
  void browser.alarms.create('precall-sync', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'precall-sync') void sync.tick();
  });
  self.addEventListener('online', () => void sync.everyone());
  // A new Salesforce session cookie is a sign-in: sync that org's users now.
  browser.cookies.onChanged.addListener(({ cookie, removed }) => {
    if (removed || cookie.name !== 'sid') return;
    void sync.everyone((known) => new URL(known.session.apiOrigin).hostname.endsWith(cookie.domain.replace(/^\./, '')));
  });

  // Chrome keeps the channel open for an async answer only when the listener returns true.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender).then(sendResponse);
    return true;
  });
});
