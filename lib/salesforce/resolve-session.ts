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
/** How long a first look-up may keep the rep waiting before the remembered identity is used. */
export const identityWaitMs = 5_000;

interface Confirmation {
  session: Session;
  at: number;
  /** A re-confirmation under way, so concurrent messages ask Salesforce once. */
  checking?: Promise<void>;
}

/**
 * Resolves who is signed in on a Salesforce page origin. The session cookie decides the org;
 * Salesforce's identity service decides the user. A session confirmed once is answered at once
 * and re-confirmed in the background when stale, so a local save never waits on the network.
 * Offline or slow, the last identity confirmed for that org is used, so plans stay reachable
 * on a train.
 */
export function createSessionResolver(sources: SessionSources, waitMs = identityWaitMs) {
  const confirmed = new Map<string, Confirmation>();

  async function confirm(apiOrigin: string, sid: string): Promise<Session> {
    const identity = await sources.identity(apiOrigin, sid);
    await sources.rememberIdentity(identity);
    const session = sessionOf(identity, apiOrigin, 'identity');
    confirmed.set(sid, { session, at: sources.now().getTime() });
    return session;
  }

  function reconfirm(apiOrigin: string, sid: string, known: Confirmation): void {
    if (known.checking) return;
    known.checking = confirm(apiOrigin, sid).then(
      () => {},
      (error) => {
        // A rejected session ends here; a network failure keeps the known one until next time.
        if (isSessionRejected(error)) confirmed.delete(sid);
        else known.checking = undefined;
      },
    );
  }

  return async function resolveSession(origin: string): Promise<Session> {
    const apiOrigin = apiOriginFor(origin);
    if (!apiOrigin) throw new BackgroundError('forbidden-sender', `Precall does not run on ${origin}`);
    const sid = await sources.sidCookie(apiOrigin);
    const orgPart = sid?.split('!')[0] ?? '';
    if (!sid || !/^00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(orgPart)) {
      throw new BackgroundError('not-signed-in', 'Sign in to Salesforce in this browser to use Precall');
    }
    const known = confirmed.get(sid);
    if (known) {
      if (sources.now().getTime() - known.at >= confirmedForMs) reconfirm(apiOrigin, sid, known);
      return known.session;
    }

    const lookup = confirm(apiOrigin, sid);
    try {
      return await withinWait(lookup, waitMs);
    } catch (error) {
      if (isSessionRejected(error)) {
        throw new BackgroundError('not-signed-in', 'Your Salesforce session has expired: sign in again to use Precall');
      }
      // A slow answer still lands in `confirmed` when it comes; this message uses the cache.
      lookup.catch(() => {});
      const cached = await sources.cachedIdentity(to18(orgPart));
      if (!cached) {
        throw new BackgroundError(
          'offline',
          `Salesforce could not be reached to confirm who is signed in: ${(error as Error).message}`,
        );
      }
      return sessionOf(cached, apiOrigin, 'cached');
    }
  };
}

function sessionOf(identity: Identity, apiOrigin: string, source: Session['source']): Session {
  return {
    orgId: identity.orgId,
    userId: identity.userId,
    userName: identity.userName,
    displayName: identity.displayName,
    apiOrigin,
    dbName: databaseName(identity.orgId, identity.userId),
    source,
  };
}

function withinWait<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function isSessionRejected(error: unknown): boolean {
  const code = (error as { errorCode?: string; name?: string })?.errorCode ?? (error as { name?: string })?.name;
  return code === 'INVALID_SESSION_ID' || code === 'ERROR_HTTP_401' || code === 'INVALID_AUTH_HEADER';
}
