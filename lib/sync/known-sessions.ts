import * as z from 'zod/mini';
import type { Session } from '../messaging/protocol';

/**
 * The signed-in users this browser syncs for, kept in `chrome.storage.local` so an alarm in a
 * freshly started service worker knows whom to sync. Read back through zod: storage written by
 * another version (or by hand) is refused entry by entry, never trusted.
 */
export interface KnownSession {
  session: Session;
  /** When a Salesforce page or the panel last spoke for this user. */
  lastActiveAt: string;
}

// Neither `StorageArea` nor a free `storage`: WXT auto-imports those names from its storage
// module, which would then be bundled into the worker and evaluated at every start.
export interface SessionStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const knownSessionsKey = 'precall:sync-sessions';

const sessionSchema = z.lazy(() =>
  z.object({
    orgId: z.string().check(z.regex(/^00D[a-zA-Z0-9]{15}$/)),
    userId: z.string().check(z.regex(/^005[a-zA-Z0-9]{15}$/)),
    userName: z.string(),
    displayName: z.string(),
    apiOrigin: z.url(),
    dbName: z.string().check(z.regex(/^precall-00D[a-zA-Z0-9]{15}-005[a-zA-Z0-9]{15}$/)),
    source: z.enum(['identity', 'cached']),
  }),
);

const knownSchema = z.lazy(() => z.object({ session: sessionSchema, lastActiveAt: z.iso.datetime() }));

export async function readKnownSessions(area: SessionStorageArea): Promise<KnownSession[]> {
  const stored = (await area.get(knownSessionsKey))[knownSessionsKey];
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = knownSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Records that a page or panel spoke for `session` now; true when this user is new here. */
export async function rememberSession(area: SessionStorageArea, session: Session, now: Date): Promise<boolean> {
  const known = await readKnownSessions(area);
  const isNew = !known.some((k) => k.session.dbName === session.dbName);
  const next = [
    ...known.filter((k) => k.session.dbName !== session.dbName),
    { session, lastActiveAt: now.toISOString() },
  ];
  await area.set({ [knownSessionsKey]: next });
  return isNew;
}
