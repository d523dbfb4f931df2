import { browser } from 'wxt/browser';
import { createMessageHandler } from '../../lib/background/handle-message';
import { PrecallDb } from '../../lib/db/precall-db';
import { fetchIdentity } from '../../lib/salesforce/connection';
import { createSessionResolver, type Identity } from '../../lib/salesforce/resolve-session';

export default defineBackground(() => {
  const databases = new Map<string, PrecallDb>();
  const identityKey = (orgId: string) => `precall:identity:${orgId}`;

  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    allowDemo: import.meta.env.MODE === 'demo',
    now: () => new Date(),
    resolveSession: createSessionResolver({
      sidCookie: async (apiOrigin) => (await browser.cookies.get({ url: `${apiOrigin}/`, name: 'sid' }))?.value ?? null,
      identity: fetchIdentity,
      cachedIdentity: async (orgId) => {
        const stored = await browser.storage.local.get(identityKey(orgId));
        return (stored[identityKey(orgId)] as Identity | undefined) ?? null;
      },
      rememberIdentity: (identity) => browser.storage.local.set({ [identityKey(identity.orgId)]: identity }),
      now: () => new Date(),
    }),
    sendToTab: (tabId, message, frameId) =>
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
    openDb: (session) => {
      let db = databases.get(session.dbName);
      if (!db) {
        db = new PrecallDb(session.dbName);
        databases.set(session.dbName, db);
      }
      return db;
    },
  });

  // Chrome keeps the channel open for an async answer only when the listener returns true.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender).then(sendResponse);
    return true;
  });
});
