import type { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import type { Session } from '../../../lib/messaging/protocol';
import { apiVersion } from '../../../lib/salesforce/api-version';
import { fetchIdentity } from '../../../lib/salesforce/connection';
import { createSalesforceAccess, withSalesforce } from '../../../lib/salesforce/salesforce-access';
import { createOAuthClient } from '../../../lib/salesforce/sign-in/oauth';
import { signInTitles } from '../../../lib/salesforce/sign-in/sign-in-messages';
import {
  fingerprintOf,
  openSignInStore,
  type SignInStore,
  type TokenSet,
} from '../../../lib/salesforce/sign-in/sign-in-store';

const redirectUri = 'chrome-extension://precalltest/oauth.html';
const clientId = 'precall-eca';
let org: DemoServer;
let store: SignInStore;
let cookie: string | null;

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await store?.delete();
  store = openSignInStore(`access-test-${crypto.randomUUID()}`);
  org.org.access.apiAccessControl = false;
  org.org.access.approvedClients = [clientId];
});

function world(overrides: Partial<Parameters<typeof createSalesforceAccess>[0]> = {}) {
  const tokenRequests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input).includes('/services/oauth2/token')) tokenRequests.push(String(init?.body));
    return fetch(input, init);
  };
  const deps = {
    store,
    redirectUri,
    fetch: countingFetch,
    identity: fetchIdentity,
    sidOf: async () => cookie,
    now: () => new Date(),
  };
  const oauth = createOAuthClient(deps);
  const access = createSalesforceAccess({
    store,
    oauth,
    identity: fetchIdentity,
    sidCookie: async () => cookie,
    apiVersion: async () => apiVersion,
    now: () => new Date(),
    ...overrides,
  });
  return { oauth, access, tokenRequests };
}

/** A demo org user as sessions, remembered sessions and token sets name them. */
function demoUser(username: string) {
  const user = org.org.userByUsername(username);
  if (!user) throw new Error(username);
  return {
    orgId: org.org.orgId,
    userId: user.Id,
    userName: user.Username,
    displayName: user.Name,
    apiOrigin: org.url,
  };
}

function sessionOf(username: string, via: 'session' | 'oauth' = 'session'): Session {
  const user = demoUser(username);
  return {
    ...user,
    dbName: `precall-${user.orgId}-${user.userId}`,
    source: 'identity',
    via,
  };
}

const countPlans = async (connection: Connection) => connection.query('SELECT Id FROM Opportunity LIMIT 1');

describe('the browser session: a connection for the session’s own user only', () => {
  it('connects with the cookie of the same user', async () => {
    cookie = org.org.signIn('riley@precall.demo').token;
    const { access } = world();
    expect((await countPlans(await access.connect(sessionOf('riley@precall.demo')))).done).toBe(true);
  });

  it('refuses when the cookie now belongs to another user of the same org', async () => {
    cookie = org.org.signIn('sam@precall.demo').token;
    const { access } = world();
    await expect(access.connect(sessionOf('riley@precall.demo'))).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('renew: the same refused cookie is not tried again; a new cookie of the same user is', async () => {
    cookie = org.org.signIn('riley@precall.demo').token;
    const { access } = world();
    const session = sessionOf('riley@precall.demo');
    await access.connect(session);
    await fetch(`${org.url}/__demo/expire-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: cookie }),
    });
    await expect(access.renew(session)).rejects.toMatchObject({ code: 'not-signed-in' });
    cookie = org.org.signIn('riley@precall.demo').token;
    expect((await countPlans(await access.renew(session))).done).toBe(true);
  });
});

/** Plays the browser tab: the authorize page approves for the signed-in user and redirects back. */
async function approveInTab(authorizeUrl: string): Promise<string> {
  const response = await fetch(authorizeUrl, { redirect: 'manual', headers: { Cookie: `sid=${cookie}` } });
  return response.headers.get('location') ?? '';
}

describe('the OAuth fallback', () => {
  it('PKCE S256 with a 43–128 character verifier, no secret; survives the worker stopping mid-flow', async () => {
    org.org.access.apiAccessControl = true;
    cookie = org.org.signIn('riley@precall.demo').token;
    const authorizeUrl = await world().oauth.start({ loginUrl: org.url, clientId });
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('redirect_uri')).toBe(redirectUri);
    // The worker is stopped: a fresh client with nothing in memory completes the flow.
    const callback = await approveInTab(authorizeUrl);
    const fresh = world();
    const tokens = await fresh.oauth.complete(callback);
    expect(tokens).toMatchObject({ userName: 'riley@precall.demo', apiOrigin: org.url, refreshes: 0 });
    expect(fresh.tokenRequests[0]).toMatch(/code_verifier=[A-Za-z0-9_-]{43,128}(&|$)/);
    expect(fresh.tokenRequests[0]).not.toContain('client_secret');
    // The bound browser session now signs in through OAuth; the cookie alone is refused.
    const connection = await fresh.access.connect(sessionOf('riley@precall.demo', 'oauth'));
    expect((await countPlans(connection)).done).toBe(true);
  });

  it('refreshes twice, saving each rotated refresh token before it is used again', async () => {
    cookie = org.org.signIn('riley@precall.demo').token;
    const first = world();
    const tokens = await first.oauth.complete(
      await approveInTab(await first.oauth.start({ loginUrl: org.url, clientId })),
    );
    const session = sessionOf('riley@precall.demo', 'oauth');
    const seen = [tokens.refreshToken];
    for (const round of [1, 2]) {
      const current = await store.tokens.get(tokens.orgId, tokens.userId);
      await fetch(`${org.url}/__demo/expire-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: current?.accessToken }),
      });
      // Each round a new worker: only the store carries the rotated token.
      const { access } = world();
      const result = await withSalesforce(access, session, countPlans);
      expect(result.done).toBe(true);
      const saved = await store.tokens.get(tokens.orgId, tokens.userId);
      expect(saved?.refreshes).toBe(round);
      seen.push(saved?.refreshToken);
    }
    expect(new Set(seen).size).toBe(3);
  });

  it('concurrent refreshes share one token request (a second would reuse a rotated-out token)', async () => {
    cookie = org.org.signIn('riley@precall.demo').token;
    const w = world();
    const tokens = await w.oauth.complete(await approveInTab(await w.oauth.start({ loginUrl: org.url, clientId })));
    w.tokenRequests.length = 0;
    const results = await Promise.all([w.oauth.refresh(tokens), w.oauth.refresh(tokens), w.oauth.refresh(tokens)]);
    expect(w.tokenRequests).toHaveLength(1);
    expect(new Set(results.map((r) => r.refreshToken)).size).toBe(1);
  });

  it('an app the admin did not approve: the API Access Control outcome', async () => {
    org.org.access.apiAccessControl = true;
    org.org.access.approvedClients = [];
    cookie = org.org.signIn('riley@precall.demo').token;
    const w = world();
    const callback = await approveInTab(await w.oauth.start({ loginUrl: org.url, clientId }));
    await expect(w.oauth.complete(callback)).rejects.toMatchObject({ code: 'api-access-control' });
  });

  it('a callback whose state is unknown or already used is refused', async () => {
    cookie = org.org.signIn('riley@precall.demo').token;
    const w = world();
    const callback = await approveInTab(await w.oauth.start({ loginUrl: org.url, clientId }));
    await w.oauth.complete(callback);
    await expect(w.oauth.complete(callback)).rejects.toMatchObject({ code: 'not-signed-in' });
    const spy = vi.fn();
    await w.oauth.complete(`${redirectUri}?code=x&state=forged-state-value`).catch(spy);
    expect(spy).toHaveBeenCalled();
  });
});

describe('which sign-in a connection uses', () => {
  const riley = 'riley@precall.demo';
  const rememberCookie = async (username: string, row: { via?: 'session' | 'oauth'; refused?: boolean } = {}) => {
    if (!cookie) throw new Error('no cookie to remember');
    await store.sessions.put({
      fingerprint: await fingerprintOf(cookie),
      ...demoUser(username),
      via: row.via ?? 'session',
      confirmedAt: Date.now(),
      refused: row.refused ?? false,
    });
  };
  const oauthTokens = (username: string, refreshToken?: string): TokenSet => {
    return {
      ...demoUser(username),
      loginUrl: org.url,
      clientId,
      accessToken: org.org.signIn(username).token,
      refreshToken,
      issuedAt: Date.now(),
      refreshes: 0,
    };
  };

  it('speaks the negotiated API version and reports the API usage Salesforce answers with', async () => {
    cookie = org.org.signIn(riley).token;
    const usage = vi.fn();
    const { access } = world({ apiVersion: async () => '61.0', onApiUsage: usage });
    const connection = await access.connect(sessionOf(riley));
    expect(connection.version).toBe('61.0');
    await countPlans(connection);
    expect(usage).toHaveBeenCalledWith(org.url, expect.objectContaining({ used: expect.any(Number) }));
  });

  it('a cookie of another org is never shown to Salesforce for this session', async () => {
    cookie = '00D000000000001!other-org-session';
    const identity = vi.fn(fetchIdentity);
    await expect(world({ identity }).access.connect(sessionOf(riley))).rejects.toMatchObject({
      code: 'not-signed-in',
      message: signInTitles['not-signed-in'],
    });
    expect(identity).not.toHaveBeenCalled();
  });

  it.each([
    ['the same user’s, confirmed', riley, {}, true],
    ['another user’s', 'sam@precall.demo', {}, false],
    ['bound to an OAuth sign-in', riley, { via: 'oauth' as const }, false],
    ['refused since', riley, { refused: true }, false],
  ])('a remembered cookie %s is used without asking Salesforce again: %s', async (_name, owner, row, used) => {
    cookie = org.org.signIn(owner).token;
    await rememberCookie(owner, row);
    const identity = vi.fn(fetchIdentity);
    const connecting = world({ identity }).access.connect(sessionOf(riley));
    if (used) expect((await countPlans(await connecting)).done).toBe(true);
    else await expect(connecting).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(identity).not.toHaveBeenCalled();
  });

  it('a new cookie is confirmed once and remembered as a live browser session', async () => {
    cookie = org.org.signIn(riley).token;
    const identity = vi.fn(fetchIdentity);
    const { access } = world({ identity });
    await access.connect(sessionOf(riley));
    await access.connect(sessionOf(riley));
    expect(identity).toHaveBeenCalledTimes(1);
    expect(await store.sessions.all()).toMatchObject([{ via: 'session', refused: false, apiOrigin: org.url }]);
  });

  it('a cookie Salesforce refuses is no sign-in; a network failure is not taken for one', async () => {
    cookie = org.org.signIn(riley).token;
    const refused = vi.fn(() =>
      Promise.reject(Object.assign(new Error('expired'), { errorCode: 'INVALID_SESSION_ID' })),
    );
    await expect(world({ identity: refused }).access.connect(sessionOf(riley))).rejects.toMatchObject({
      code: 'not-signed-in',
    });
    const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(world({ identity: offline }).access.connect(sessionOf(riley))).rejects.toThrow('Failed to fetch');
  });

  it('an OAuth session never uses the cookie; its tokens serve it even without a refresh token', async () => {
    cookie = org.org.signIn(riley).token;
    const identity = vi.fn(fetchIdentity);
    const { access } = world({ identity });
    await expect(access.connect(sessionOf(riley, 'oauth'))).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(identity).not.toHaveBeenCalled();
    await store.tokens.put(oauthTokens(riley));
    expect((await countPlans(await access.connect(sessionOf(riley, 'oauth')))).done).toBe(true);
  });

  it('a browser session falls back to OAuth only when it can be refreshed', async () => {
    cookie = null;
    const { access } = world();
    await store.tokens.put(oauthTokens(riley));
    await expect(access.connect(sessionOf(riley))).rejects.toMatchObject({ code: 'not-signed-in' });
    await store.tokens.put(oauthTokens(riley, 'refresh-token'));
    expect((await countPlans(await access.connect(sessionOf(riley)))).done).toBe(true);
  });

  it('renewing with the cookie Salesforce just refused marks it refused, and an OAuth session skips the cookie', async () => {
    cookie = org.org.signIn(riley).token;
    const { access } = world();
    await access.connect(sessionOf(riley));
    await expect(access.renew(sessionOf(riley))).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(await store.sessions.all()).toMatchObject([{ refused: true }]);

    cookie = org.org.signIn(riley).token;
    const identity = vi.fn(fetchIdentity);
    await expect(world({ identity }).access.renew(sessionOf(riley, 'oauth'))).rejects.toMatchObject({
      code: 'not-signed-in',
    });
    expect(identity).not.toHaveBeenCalled();
  });

  it('withSalesforce renews only when Salesforce says the session expired', async () => {
    cookie = org.org.signIn(riley).token;
    const { access } = world();
    const renew = vi.spyOn(access, 'renew');
    await expect(
      withSalesforce(access, sessionOf(riley), async () => {
        throw Object.assign(new Error('Bad field'), { errorCode: 'INVALID_FIELD' });
      }),
    ).rejects.toThrow('Bad field');
    expect(renew).not.toHaveBeenCalled();
  });
});
