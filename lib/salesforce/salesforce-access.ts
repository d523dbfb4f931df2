import type { Connection } from 'jsforce';
import { BackgroundError } from '../background/background-error';
import type { Session } from '../messaging/protocol';
import { type ApiUsage, createConnection } from './connection';
import { orgIdOfSid } from './hosts';
import type { Identity } from './resolve-session';
import type { OAuthClient } from './sign-in/oauth';
import { refusalOf } from './sign-in/sign-in-machine';
import { signInTitles } from './sign-in/sign-in-messages';
import { fingerprintOf, type SignInStore, type TokenSet } from './sign-in/sign-in-store';

/**
 * How the background reaches Salesforce for a signed-in user. Sync and on-demand reads use only
 * this; how the token is obtained (the browser's session cookie, or OAuth) stays behind it, and
 * the token never leaves the background.
 */
export interface SalesforceAccess {
  /**
   * A connection for the session's own user; throws a BackgroundError with a sign-in failure
   * code (`isSignInFailure`) when there is none.
   */
  connect(session: Session): Promise<Connection>;
  /**
   * After Salesforce answered 401: read the sign-in again, once (a fresh `sid` cookie, or an
   * OAuth refresh whose rotated token is saved first). Returns a connection with the new token,
   * or throws `not-signed-in`. Never loops: the same cookie again is refused at once.
   */
  renew(session: Session): Promise<Connection>;
}

export interface CookieSources {
  /** The `sid` cookie of the org's API host, read in the background only. */
  sidCookie(apiOrigin: string): Promise<string | null>;
}

export interface AccessDeps extends CookieSources {
  store: SignInStore;
  oauth: OAuthClient;
  identity(apiOrigin: string, token: string): Promise<Identity>;
  /** The API version to speak with an org (api-version.ts `negotiateApiVersion`, cached). */
  apiVersion(apiOrigin: string): Promise<string>;
  onApiUsage?(apiOrigin: string, usage: ApiUsage): void;
  now(): Date;
}

/**
 * The access the background wires: the browser's session cookie of the org's API host, checked
 * to belong to the session's own user, with the user's OAuth sign-in as the fallback for orgs
 * (or moments) where the cookie cannot serve.
 */
export function createSalesforceAccess(deps: AccessDeps): SalesforceAccess {
  const lastCookie = new Map<string, string>();

  async function open(apiOrigin: string, token: string): Promise<Connection> {
    return createConnection(apiOrigin, token, {
      version: await deps.apiVersion(apiOrigin),
      onApiUsage: (usage) => deps.onApiUsage?.(apiOrigin, usage),
    });
  }

  /** The session's user's cookie, or null when the cookie is gone, another org's, or another user's. */
  async function cookieOfUser(session: Session): Promise<string | null> {
    const sid = await deps.sidCookie(session.apiOrigin);
    if (!sid || orgIdOfSid(sid) !== session.orgId.slice(0, 15)) return null;
    const fingerprint = await fingerprintOf(sid);
    const known = await deps.store.sessions.get(fingerprint);
    if (known) return known.userId === session.userId && known.via === 'session' && !known.refused ? sid : null;
    // A session id never seen: Salesforce says whose it is before it is used for this user.
    let identity: Identity;
    try {
      identity = await deps.identity(session.apiOrigin, sid);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return null;
    }
    await deps.store.sessions.put({
      fingerprint,
      ...identity,
      apiOrigin: session.apiOrigin,
      via: 'session',
      confirmedAt: deps.now().getTime(),
      refused: false,
    });
    return identity.userId === session.userId ? sid : null;
  }

  async function tokensOf(session: Session): Promise<TokenSet | null> {
    return deps.store.tokens.get(session.orgId, session.userId);
  }

  async function viaOAuth(tokens: TokenSet): Promise<Connection> {
    return open(tokens.apiOrigin, tokens.accessToken);
  }

  const signedOut = () => new BackgroundError('not-signed-in', signInTitles['not-signed-in']);

  return {
    async connect(session) {
      if (session.via !== 'oauth') {
        const sid = await cookieOfUser(session);
        if (sid) {
          lastCookie.set(session.dbName, sid);
          return open(session.apiOrigin, sid);
        }
      }
      const tokens = await tokensOf(session);
      if (tokens?.refreshToken || (tokens && session.via === 'oauth')) return viaOAuth(tokens);
      throw signedOut();
    },

    async renew(session) {
      if (session.via !== 'oauth') {
        const sid = await cookieOfUser(session);
        // The same cookie again is the session Salesforce just refused: do not loop on it.
        if (sid && lastCookie.get(session.dbName) !== sid) {
          lastCookie.set(session.dbName, sid);
          return open(session.apiOrigin, sid);
        }
        if (sid) await deps.store.sessions.markRefused(await fingerprintOf(sid));
      }
      const tokens = await tokensOf(session);
      if (!tokens?.refreshToken) throw signedOut();
      return viaOAuth(await deps.oauth.refresh(tokens));
    },
  };
}

/**
 * Runs `work` with a connection, renewing the sign-in once when Salesforce answers that the
 * session expired, and running `work` again on the new connection. A second refusal is thrown.
 */
export async function withSalesforce<T>(
  access: SalesforceAccess,
  session: Session,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await access.connect(session);
  try {
    return await work(connection);
  } catch (error) {
    if (refusalOf(error) !== 'expired') throw error;
    return work(await access.renew(session));
  }
}
