import type { Connection } from 'jsforce';
import { BackgroundError } from '../background/background-error';
import type { Session } from '../messaging/protocol';
import { createConnection } from './connection';

/**
 * How the background reaches Salesforce for a signed-in user. Sync and on-demand reads use only
 * this; how the token is obtained (the browser's session cookie, or OAuth) stays behind it, and
 * the token never leaves the background.
 */
export interface SalesforceAccess {
  /** A connection for the session's user; throws a `not-signed-in` BackgroundError when none. */
  connect(session: Session): Promise<Connection>;
  /**
   * After Salesforce answered 401: read the sign-in again, once (a fresh `sid` cookie, or an
   * OAuth refresh). Returns a connection with the new token, or throws `not-signed-in`.
   */
  renew(session: Session): Promise<Connection>;
}

export interface CookieSources {
  /** The `sid` cookie of the org's API host, read in the background only. */
  sidCookie(apiOrigin: string): Promise<string | null>;
}

/** Access through the browser's Salesforce session: the API host's `sid` cookie. */
export function createCookieAccess(sources: CookieSources): SalesforceAccess {
  const lastToken = new Map<string, string>();

  async function read(session: Session): Promise<string> {
    const sid = await sources.sidCookie(session.apiOrigin);
    // A cookie of another org on the same host is never used for this org's database.
    if (!sid || !sameOrg(sid, session.orgId)) {
      throw new BackgroundError('not-signed-in', 'Sign in to Salesforce in this browser to sync your plans');
    }
    return sid;
  }

  return {
    async connect(session) {
      const sid = await read(session);
      lastToken.set(session.dbName, sid);
      return createConnection(session.apiOrigin, sid);
    },
    async renew(session) {
      const sid = await read(session);
      // The same cookie again is the session Salesforce just refused: do not loop on it.
      if (lastToken.get(session.dbName) === sid) {
        throw new BackgroundError('not-signed-in', 'Your Salesforce session has expired: sign in again to sync');
      }
      lastToken.set(session.dbName, sid);
      return createConnection(session.apiOrigin, sid);
    },
  };
}

function sameOrg(sid: string, orgId: string): boolean {
  const orgPart = sid.split('!')[0] ?? '';
  return orgPart.length >= 15 && orgId.slice(0, 15) === orgPart.slice(0, 15);
}
