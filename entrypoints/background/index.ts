import { browser } from 'wxt/browser';
import { createMessageHandler } from '../../lib/background/handle-message';
import { isSidePanelRequest, openSidePanelFor } from '../../lib/background/open-side-panel';
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
    openDb: (session) => {
      let db = databases.get(session.dbName);
      if (!db) {
        db = new PrecallDb(session.dbName);
        databases.set(session.dbName, db);
      }
      return db;
    },
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
