import { browser } from 'wxt/browser';
import { createMessageHandler } from '../../lib/background/handle-message';
import { PrecallDb } from '../../lib/db/precall-db';
import { fetchIdentity } from '../../lib/salesforce/connection';
import { createSessionResolver } from '../../lib/salesforce/resolve-session';
import { readApiSession } from '../../lib/salesforce/sign-in/sid-cookies';
import { openSignInStore } from '../../lib/salesforce/sign-in/sign-in-store';

export default defineBackground(() => {
  const databases = new Map<string, PrecallDb>();
  const allowDemo = import.meta.env.MODE === 'demo';
  const signInStore = openSignInStore();
  // Identities were once remembered by org alone; a second user of the org could open the first
  // user's plans offline. They are now remembered per session in the sign-in store.
  void browser.storage.local.get(null).then((items) => {
    const stale = Object.keys(items).filter((key) => key.startsWith('precall:identity:'));
    if (stale.length > 0) void browser.storage.local.remove(stale);
  });

  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    allowDemo,
    now: () => new Date(),
    resolveSession: createSessionResolver({
      apiSession: (origin) => readApiSession(browser.cookies, origin, allowDemo),
      identity: fetchIdentity,
      store: signInStore,
      now: () => new Date(),
    }),
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
