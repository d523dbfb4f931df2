import { demoOrgId, userIds } from '../../demo/org/seed-data';
import { type BackgroundDeps, createMessageHandler } from '../../lib/background/handle-message';
import { PrecallDb } from '../../lib/db/precall-db';
import { createSessionResolver, type Identity } from '../../lib/salesforce/resolve-session';

export const testOrigin = 'http://127.0.0.1:4711';
export const extensionId = 'precalltestextensionid';
export const extensionOrigin = `chrome-extension://${extensionId}`;

export interface TestBackgroundOptions {
  /** Who is signed in; null for a browser with no Salesforce session. */
  user?: 'riley' | 'sam' | 'morgan' | null;
  now?: () => Date;
  /** Stands in for sync's pull of opportunities (tests fill the local tables from it). */
  pullOpportunities?: BackgroundDeps['pullOpportunities'];
}

/**
 * The real message handler, session resolver and Dexie (on fake-indexeddb), with only the
 * browser edges replaced: the sid cookie and Salesforce's identity answer. Each call gets a
 * database of its own.
 */
export function createTestBackground(options: TestBackgroundOptions = {}) {
  const user = options.user === undefined ? 'riley' : options.user;
  const now = options.now ?? (() => new Date());
  const suffix = crypto.randomUUID().slice(0, 8);
  const identity: Identity | null = user
    ? { orgId: demoOrgId, userId: userIds[user], userName: `${user}@precall.demo`, displayName: user }
    : null;
  const databases = new Map<string, PrecallDb>();
  const writes: string[] = [];

  const handle = createMessageHandler({
    extensionId,
    extensionOrigin,
    allowDemo: true,
    now,
    resolveSession: createSessionResolver({
      sidCookie: async () => (identity ? `${demoOrgId.slice(0, 15)}!test-session` : null),
      identity: async () => {
        if (!identity)
          throw Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' });
        return identity;
      },
      cachedIdentity: async () => null,
      rememberIdentity: async () => {},
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
    pullOpportunities: options.pullOpportunities,
  });

  const panelSender = { id: extensionId, url: `${extensionOrigin}/panel.html` };
  return {
    /** Sends as the framed panel (an extension page) would. */
    send: (message: unknown) => handle(message, panelSender),
    handle,
    writes,
    /** The database of the signed-in user (opened on first use). */
    db: () => [...databases.values()][0],
  };
}
