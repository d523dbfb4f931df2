import * as z from 'zod/mini';
import { BackgroundError } from '../../background/background-error';
import { orgIdOfSid } from '../hosts';
import type { Identity } from '../resolve-session';
import { challengeOf, createState, createVerifier } from './pkce';
import { fingerprintOf, type OAuthFlow, type SignInStore, type TokenSet } from './sign-in-store';

/**
 * The OAuth fallback for orgs that refuse the browser session (API Access Control): the
 * authorization code flow with PKCE S256 and no client secret, for an External Client App whose
 * consumer key and login URL are set in Precall's options.
 *
 * The authorize page opens in a normal tab (it shares the browser's Salesforce login, SSO and MFA
 * included, which chrome.identity's auth window historically did not) and Salesforce redirects
 * to Precall's web-accessible callback page, which hands the code to the worker. The flow (its
 * verifier) is stored under its `state` before the tab opens, so a worker stopped mid-flow
 * finishes it when woken by the callback. Tokens never leave the worker's store.
 */
export interface OAuthDeps {
  store: SignInStore;
  /** `chrome-extension://<id>/oauth.html`: the callback URL registered on the app. */
  redirectUri: string;
  fetch: typeof fetch;
  identity(apiOrigin: string, accessToken: string): Promise<Identity>;
  /** The current `sid` of an API host, to bind the OAuth sign-in to this browser session. */
  sidOf(apiOrigin: string): Promise<string | null>;
  now(): Date;
}

const tokenAnswer = z.lazy(() =>
  z.object({
    access_token: z.string().check(z.minLength(1)),
    refresh_token: z.optional(z.string().check(z.minLength(1))),
    instance_url: z.url(),
    id: z.url(),
  }),
);

const oauthFailure = z.lazy(() => z.object({ error: z.string(), error_description: z.optional(z.string()) }));

/** Flows older than this are abandoned (Salesforce's codes live 15 minutes at most). */
const flowTtlMs = 30 * 60 * 1000;

export function createOAuthClient(deps: OAuthDeps) {
  const refreshing = new Map<string, Promise<TokenSet>>();

  async function postToken(loginUrl: string, params: Record<string, string>): Promise<z.infer<typeof tokenAnswer>> {
    let response: Response;
    try {
      response = await deps.fetch(`${loginUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        redirect: 'manual',
      });
    } catch (error) {
      throw Object.assign(new Error(`Salesforce could not be reached: ${(error as Error).message}`), {
        name: 'SalesforceUnreachable',
      });
    }
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const failure = oauthFailure.safeParse(body);
      const name = failure.success ? failure.data.error : `ERROR_HTTP_${response.status}`;
      const message = failure.success ? (failure.data.error_description ?? name) : `HTTP ${response.status}`;
      throw Object.assign(new Error(message), { name });
    }
    const parsed = tokenAnswer.safeParse(body);
    if (!parsed.success) throw new BackgroundError('internal', 'Salesforce answered the token request unreadably');
    return parsed.data;
  }

  return {
    /** Stores a new flow and answers the authorize URL to open in a tab. */
    async start(settings: { loginUrl: string; clientId: string }): Promise<string> {
      const loginUrl = new URL(settings.loginUrl).origin;
      const flow: OAuthFlow = {
        state: createState(),
        verifier: createVerifier(),
        loginUrl,
        clientId: settings.clientId.trim(),
        redirectUri: deps.redirectUri,
        createdAt: deps.now().getTime(),
      };
      await deps.store.flows.put(flow);
      const authorize = new URL('/services/oauth2/authorize', loginUrl);
      authorize.search = new URLSearchParams({
        response_type: 'code',
        client_id: flow.clientId,
        redirect_uri: flow.redirectUri,
        code_challenge: await challengeOf(flow.verifier),
        code_challenge_method: 'S256',
        scope: 'api refresh_token',
        state: flow.state,
      }).toString();
      return authorize.toString();
    },

    /** The callback page's URL (`?code&state` or `?error`): exchanges the code, keeps the tokens. */
    async complete(callbackUrl: string): Promise<TokenSet> {
      const params = new URL(callbackUrl).searchParams;
      const state = params.get('state') ?? '';
      const flow = state ? await deps.store.flows.take(state) : null;
      if (!flow || deps.now().getTime() - flow.createdAt > flowTtlMs) {
        throw new BackgroundError('not-signed-in', 'This sign-in has expired or was already used: start it again');
      }
      const error = params.get('error');
      if (error) {
        const description = params.get('error_description') ?? error;
        const code = error === 'OAUTH_APP_BLOCKED' ? 'api-access-control' : 'not-signed-in';
        throw new BackgroundError(code, `Salesforce did not sign you in: ${description} (${error})`);
      }
      const answer = await postToken(flow.loginUrl, {
        grant_type: 'authorization_code',
        code: params.get('code') ?? '',
        client_id: flow.clientId,
        redirect_uri: flow.redirectUri,
        code_verifier: flow.verifier,
      });
      if (!answer.refresh_token) {
        throw new BackgroundError(
          'not-signed-in',
          'Salesforce gave no refresh token: add the "refresh_token" scope to the app',
        );
      }
      const apiOrigin = new URL(answer.instance_url).origin;
      const identity = await deps.identity(apiOrigin, answer.access_token);
      const tokens: TokenSet = {
        ...identity,
        apiOrigin,
        loginUrl: flow.loginUrl,
        clientId: flow.clientId,
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token,
        issuedAt: deps.now().getTime(),
        refreshes: 0,
      };
      await deps.store.tokens.put(tokens);
      await bindBrowserSession(tokens);
      return tokens;
    },

    /**
     * Exchanges the refresh token for a new access token, once at a time per user, and saves the
     * rotated refresh token before anything can use it again: reusing a rotated-out token revokes
     * the whole family. jsforce's own refresh keeps the old one, so it is never used.
     */
    refresh(tokens: TokenSet): Promise<TokenSet> {
      const key = `${tokens.orgId}:${tokens.userId}`;
      const running = refreshing.get(key);
      if (running) return running;
      const work = (async () => {
        const current = (await deps.store.tokens.get(tokens.orgId, tokens.userId)) ?? tokens;
        if (!current.refreshToken) throw new BackgroundError('not-signed-in', oauthEnded);
        let answer: z.infer<typeof tokenAnswer>;
        try {
          answer = await postToken(current.loginUrl, {
            grant_type: 'refresh_token',
            refresh_token: current.refreshToken,
            client_id: current.clientId,
          });
        } catch (error) {
          if ((error as Error).name === 'invalid_grant') {
            await deps.store.tokens.put({ ...current, refreshToken: undefined });
            throw new BackgroundError('not-signed-in', oauthEnded);
          }
          throw error;
        }
        const next: TokenSet = {
          ...current,
          accessToken: answer.access_token,
          refreshToken: answer.refresh_token ?? current.refreshToken,
          issuedAt: deps.now().getTime(),
          refreshes: current.refreshes + 1,
        };
        await deps.store.tokens.put(next);
        return next;
      })();
      // Every caller gets the same promise: a second one made only to clean up would reject
      // unheard when the refresh fails.
      const shared = work.finally(() => refreshing.delete(key));
      refreshing.set(key, shared);
      return shared;
    },

    /** Signs out: Salesforce revokes the refresh token (and its family), Precall forgets it. */
    async signOut(tokens: TokenSet): Promise<void> {
      const token = tokens.refreshToken ?? tokens.accessToken;
      await deps
        .fetch(`${tokens.loginUrl}/services/oauth2/revoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }).toString(),
        })
        .catch(() => undefined);
      await deps.store.tokens.remove(tokens.orgId, tokens.userId);
      await deps.store.sessions.forget(tokens.orgId, tokens.userId);
    },
  };

  /**
   * The browser session the user authorized from now signs Precall in through OAuth: under API
   * Access Control that cookie cannot tell Salesforce who it is, but it was this user's when
   * they approved. A new browser session (maybe another user) is confirmed again the same way.
   */
  async function bindBrowserSession(tokens: TokenSet): Promise<void> {
    const sid = await deps.sidOf(tokens.apiOrigin);
    if (!sid || orgIdOfSid(sid) !== tokens.orgId.slice(0, 15)) return;
    await deps.store.sessions.put({
      fingerprint: await fingerprintOf(sid),
      orgId: tokens.orgId,
      userId: tokens.userId,
      userName: tokens.userName,
      displayName: tokens.displayName,
      apiOrigin: tokens.apiOrigin,
      via: 'oauth',
      confirmedAt: deps.now().getTime(),
      refused: false,
    });
  }
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;

const oauthEnded = "Your OAuth sign-in to Salesforce has ended: sign in again in Precall's options";
