import { demoOrgId, userIds } from '../../demo/org/seed-data';
import { createCoachingService } from '../../lib/background/coaching-service';
import { type BackgroundDeps, createMessageHandler } from '../../lib/background/handle-message';
import { PrecallDb } from '../../lib/db/precall-db';
import { createSessionResolver, type Identity } from '../../lib/salesforce/resolve-session';
import { openSignInStore } from '../../lib/salesforce/sign-in/sign-in-store';

export const testOrigin = 'http://127.0.0.1:4711';
export const extensionId = 'precalltestextensionid';
export const extensionOrigin = `chrome-extension://${extensionId}`;

export interface TestBackgroundOptions {
  /** Who is signed in; null for a browser with no Salesforce session. */
  user?: 'riley' | 'sam' | 'morgan' | null;
  now?: () => Date;
  /** Sync's pull by id, faked: it writes the tables as the real one would. */
  pullOpportunities?: BackgroundDeps['pullOpportunities'];
  sendToTab?: BackgroundDeps['sendToTab'];
}

/**
 * The real message handler, session resolver and Dexie (on fake-indexeddb), with only the
 * browser edges replaced: the sid cookie and Salesforce's identity answer. Each call gets a
 * database of its own.
 */
export function createTestBackground(options: TestBackgroundOptions = {}) {
  let user = options.user === undefined ? 'riley' : options.user;
  const now = options.now ?? (() => new Date());
  const suffix = crypto.randomUUID().slice(0, 8);
  const identityOf = (name: typeof user): Identity | null =>
    name ? { orgId: demoOrgId, userId: userIds[name], userName: `${name}@precall.demo`, displayName: name } : null;
  let identity = identityOf(user);
  const databases = new Map<string, PrecallDb>();
  const writes: string[] = [];

  const handle = createMessageHandler({
    extensionId,
    extensionOrigin,
    allowDemo: true,
    now,
    resolveSession: createSessionResolver({
      apiSession: async (origin) => ({
        apiOrigin: origin,
        sid: identity ? `${demoOrgId.slice(0, 15)}!test-session-${user}-${suffix}` : null,
      }),
      identity: async () => {
        if (!identity)
          throw Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' });
        return identity;
      },
      store: openSignInStore(`precall-sign-in-${suffix}`),
      now,
    }),
    openDb: (session) => {
      const name = `${session.dbName}-${suffix}`;
      let db = databases.get(name);
      if (!db) {
        db = new PrecallDb(name);
        databases.set(name, db);
      }
      return db;
    },
    onLocalWrite: (session) => writes.push(session.dbName),
    coaching: createCoachingService({ now }),
    pullOpportunities: options.pullOpportunities,
    sendToTab: options.sendToTab,
  });

  const panelSender = { id: extensionId, url: `${extensionOrigin}/panel.html` };
  return {
    /** Sends as the framed panel (an extension page) would. */
    send: (message: unknown) => handle(message, panelSender),
    handle,
    writes,
    /** Another user signs in on this browser (a new session cookie). */
    signInAs(next: NonNullable<TestBackgroundOptions['user']>) {
      user = next;
      identity = identityOf(next);
    },
    /** The database of the signed-in user (opened on first use). */
    db: () => [...databases.values()][0],
  };
}
