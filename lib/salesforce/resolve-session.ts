import { BackgroundError } from '../background/background-error';
import { databaseName } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import { to18 } from '../model/record-id';
import { apiOriginFor } from './hosts';

export interface Identity {
  orgId: string;
  userId: string;
  userName: string;
  displayName: string;
}

export interface SessionSources {
  /** The `sid` cookie of the org's API host, read in the background only. */
  sidCookie(apiOrigin: string): Promise<string | null>;
  /** Asks Salesforce who the token belongs to (jsforce `identity()`). */
  identity(apiOrigin: string, token: string): Promise<Identity>;
  cachedIdentity(orgId: string): Promise<Identity | null>;
  rememberIdentity(identity: Identity): Promise<void>;
  now(): Date;
}

/** How long a confirmed identity is trusted before Salesforce is asked again. */
const confirmedForMs = 10 * 60 * 1000;

/**
 * Resolves who is signed in on a Salesforce page origin. The session cookie decides the org;
 * Salesforce's identity service decides the user. Offline, the last identity confirmed for that
 * org is used, so plans stay reachable on a train.
 */
export function createSessionResolver(sources: SessionSources) {
  const confirmed = new Map<string, { session: Session; at: number }>();

  return async function resolveSession(origin: string): Promise<Session> {
    const apiOrigin = apiOriginFor(origin);
    if (!apiOrigin) throw new BackgroundError('forbidden-sender', `Precall does not run on ${origin}`);
    const sid = await sources.sidCookie(apiOrigin);
    const orgPart = sid?.split('!')[0] ?? '';
    if (!sid || !/^00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(orgPart)) {
      throw new BackgroundError('not-signed-in', 'Sign in to Salesforce in this browser to use Precall');
    }
    const orgId = to18(orgPart);
    const nowMs = sources.now().getTime();
    const known = confirmed.get(sid);
    if (known && nowMs - known.at < confirmedForMs) return known.session;

    let identity: Identity;
    let source: Session['source'] = 'identity';
    try {
      identity = await sources.identity(apiOrigin, sid);
      await sources.rememberIdentity(identity);
    } catch (error) {
      if (isSessionRejected(error)) {
        confirmed.delete(sid);
        throw new BackgroundError('not-signed-in', 'Your Salesforce session has expired: sign in again to use Precall');
      }
      const cached = await sources.cachedIdentity(orgId);
      if (!cached) {
        throw new BackgroundError(
          'offline',
          `Salesforce could not be reached to confirm who is signed in: ${(error as Error).message}`,
        );
      }
      identity = cached;
      source = 'cached';
    }
    const session: Session = {
      orgId: identity.orgId,
      userId: identity.userId,
      userName: identity.userName,
      displayName: identity.displayName,
      dbName: databaseName(identity.orgId, identity.userId),
      source,
    };
    if (source === 'identity') confirmed.set(sid, { session, at: nowMs });
    return session;
  };
}

function isSessionRejected(error: unknown): boolean {
  const code = (error as { errorCode?: string; name?: string })?.errorCode ?? (error as { name?: string })?.name;
  return code === 'INVALID_SESSION_ID' || code === 'ERROR_HTTP_401' || code === 'INVALID_AUTH_HEADER';
}
