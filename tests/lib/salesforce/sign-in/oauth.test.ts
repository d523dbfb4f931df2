import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OAuthClient } from '../../../../lib/salesforce/sign-in/oauth';
import type { SignInStore, TokenSet } from '../../../../lib/salesforce/sign-in/sign-in-store';

// The token answer's schema is built on first use (z.lazy): each test loads the client afresh,
// so the test that checks an answer is the one that builds the schema.
let oauthModule: typeof import('../../../../lib/salesforce/sign-in/oauth');
let storeModule: typeof import('../../../../lib/salesforce/sign-in/sign-in-store');
let store: SignInStore;

const loginUrl = 'https://login.salesforce.com';
const redirectUri = 'chrome-extension://precall/oauth.html';
const clientId = 'precall-eca';
const orgId = '00D000000000001AAA';
const userId = '005000000000001AAA';
const apiOrigin = 'https://acme.my.salesforce.com';
const identity = { orgId, userId, userName: 'riley@acme.com', displayName: 'Riley Rep' };
const start = new Date('2026-03-04T09:00:00.000Z');

interface TokenEndpoint {
  requests: { url: string; init: RequestInit; params: URLSearchParams }[];
  answers: (Response | Error)[];
}

let clock: Date;
let endpoint: TokenEndpoint;
let sid: string | null;
let client: OAuthClient;
let identityAsked: [string, string][];

beforeEach(async () => {
  vi.resetModules();
  oauthModule = await import('../../../../lib/salesforce/sign-in/oauth');
  storeModule = await import('../../../../lib/salesforce/sign-in/sign-in-store');
  store = storeModule.openSignInStore(`oauth-test-${crypto.randomUUID()}`);
  clock = start;
  sid = null;
  identityAsked = [];
  endpoint = { requests: [], answers: [] };
  const fakeFetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    endpoint.requests.push({ url: String(input), init, params: new URLSearchParams(String(init.body ?? '')) });
    const answer = endpoint.answers.shift() ?? json(500, {});
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof fetch;
  client = oauthModule.createOAuthClient({
    store,
    redirectUri,
    fetch: fakeFetch,
    identity: async (origin, accessToken) => {
      identityAsked.push([origin, accessToken]);
      return identity;
    },
    sidOf: async (origin) => (origin === apiOrigin ? sid : null),
    now: () => clock,
  });
});
afterEach(async () => store.delete());

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const granted = (change: Record<string, unknown> = {}) =>
  json(200, {
    access_token: 'access-1',
    refresh_token: 'refresh-1',
    instance_url: `${apiOrigin}/`,
    id: `${loginUrl}/id/${orgId}/${userId}`,
    token_type: 'Bearer',
    ...change,
  });

/** Starts a flow and answers the callback URL Salesforce would redirect to. */
async function approved(query: Record<string, string> = { code: 'the-code' }): Promise<string> {
  const authorize = new URL(await client.start({ loginUrl: `${loginUrl}/some/path`, clientId: ` ${clientId} ` }));
  const callback = new URL(redirectUri);
  callback.search = new URLSearchParams({ ...query, state: authorize.searchParams.get('state') ?? '' }).toString();
  return callback.toString();
}

describe('starting a sign-in', () => {
  it('opens the authorize page of the login host with PKCE S256 and a stored flow', async () => {
    const authorize = new URL(await client.start({ loginUrl: `${loginUrl}/some/path`, clientId: ` ${clientId} ` }));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${loginUrl}/services/oauth2/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      code_challenge_method: 'S256',
      scope: 'api refresh_token',
    });
    const flow = await store.flows.take(params.state ?? '');
    expect(flow).toMatchObject({ loginUrl, clientId, redirectUri, createdAt: start.getTime() });
    const { challengeOf } = await import('../../../../lib/salesforce/sign-in/pkce');
    expect(params.code_challenge).toBe(await challengeOf(flow?.verifier ?? ''));
  });
});

describe('completing a sign-in', () => {
  it('exchanges the code with its verifier and keeps the tokens for the instance the answer names', async () => {
    const callback = await approved();
    endpoint.answers.push(granted());
    const tokens = await client.complete(callback);
    const [request] = endpoint.requests;
    expect(request?.url).toBe(`${loginUrl}/services/oauth2/token`);
    expect(request?.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(Object.fromEntries(request?.params ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: clientId,
      redirect_uri: redirectUri,
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43,128}$/),
    });
    const expected: TokenSet = {
      ...identity,
      apiOrigin,
      loginUrl,
      clientId,
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      issuedAt: start.getTime(),
      refreshes: 0,
    };
    expect(tokens).toEqual(expected);
    expect(await store.tokens.get(orgId, userId)).toEqual(expected);
    expect(identityAsked).toEqual([[apiOrigin, 'access-1']]);
  });

  it('binds the browser session of the same org, by fingerprint, to this sign-in', async () => {
    sid = '00D000000000001!session-of-riley';
    const callback = await approved();
    endpoint.answers.push(granted());
    await client.complete(callback);
    expect(await store.sessions.all()).toEqual([
      {
        fingerprint: await storeModule.fingerprintOf(sid),
        ...identity,
        apiOrigin,
        via: 'oauth',
        confirmedAt: start.getTime(),
        refused: false,
      },
    ]);
  });

  it.each([
    ['of another org', '00D000000000009!session'],
    ['that names no org', 'not-a-session'],
    ['that is gone', null],
  ])('binds no browser session %s', async (_, cookie) => {
    sid = cookie;
    const callback = await approved();
    endpoint.answers.push(granted());
    await client.complete(callback);
    expect(await store.sessions.all()).toEqual([]);
  });

  it('takes a flow up to 30 minutes old, and not one a moment older', async () => {
    const fresh = await approved();
    const stale = await approved();
    clock = new Date(start.getTime() + 30 * 60_000);
    endpoint.answers.push(granted());
    await expect(client.complete(fresh)).resolves.toMatchObject({ accessToken: 'access-1' });
    clock = new Date(start.getTime() + 30 * 60_000 + 1);
    await expect(client.complete(stale)).rejects.toMatchObject({
      code: 'not-signed-in',
      message: 'This sign-in has expired or was already used: start it again',
    });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('refuses a callback without a state', async () => {
    await approved();
    await expect(client.complete(`${redirectUri}?code=x`)).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(endpoint.requests).toEqual([]);
  });

  it.each([
    [
      'an app blocked by API Access Control',
      { error: 'OAUTH_APP_BLOCKED', error_description: 'this app is blocked by admin' },
      'api-access-control',
      'Salesforce did not sign you in: this app is blocked by admin (OAUTH_APP_BLOCKED)',
    ],
    [
      'a refusal without a description',
      { error: 'access_denied' },
      'not-signed-in',
      'Salesforce did not sign you in: access_denied (access_denied)',
    ],
  ])('says why Salesforce refused: %s', async (_, query, code, message) => {
    await expect(client.complete(await approved(query))).rejects.toMatchObject({ code, message });
    expect(endpoint.requests).toEqual([]);
  });

  it('asks for the refresh_token scope when Salesforce gave no refresh token', async () => {
    const callback = await approved();
    endpoint.answers.push(granted({ refresh_token: undefined }));
    await expect(client.complete(callback)).rejects.toMatchObject({
      code: 'not-signed-in',
      message: 'Salesforce gave no refresh token: add the "refresh_token" scope to the app',
    });
    expect(await store.tokens.all()).toEqual([]);
  });
});

describe('the token request', () => {
  it.each([
    [
      'an OAuth error with its description',
      json(400, { error: 'invalid_grant', error_description: 'expired authorization code' }),
      'invalid_grant',
      'expired authorization code',
    ],
    ['an OAuth error alone', json(400, { error: 'invalid_client_id' }), 'invalid_client_id', 'invalid_client_id'],
    ['a failure that is no OAuth answer', json(503, { message: 'down' }), 'ERROR_HTTP_503', 'HTTP 503'],
    ['a failure that is not JSON', new Response('<html>', { status: 502 }), 'ERROR_HTTP_502', 'HTTP 502'],
  ])('fails with %s named as Salesforce names it', async (_, answer, name, message) => {
    const callback = await approved();
    endpoint.answers.push(answer);
    await expect(client.complete(callback)).rejects.toMatchObject({ name, message });
  });

  it('fails as unreachable when no answer comes', async () => {
    const callback = await approved();
    endpoint.answers.push(new TypeError('Failed to fetch'));
    await expect(client.complete(callback)).rejects.toMatchObject({
      name: 'SalesforceUnreachable',
      message: 'Salesforce could not be reached: Failed to fetch',
    });
  });

  it.each([
    ['no access token', { access_token: undefined }],
    ['an empty access token', { access_token: '' }],
    ['an empty refresh token', { refresh_token: '' }],
    ['an instance that is no URL', { instance_url: 'acme' }],
    ['an identity that is no URL', { id: 'riley' }],
    ['no identity', { id: undefined }],
  ])('refuses an answer with %s', async (_, change) => {
    const callback = await approved();
    endpoint.answers.push(granted(change));
    await expect(client.complete(callback)).rejects.toMatchObject({
      code: 'internal',
      message: 'Salesforce answered the token request unreadably',
    });
  });
});

describe('refreshing', () => {
  async function signedIn(): Promise<TokenSet> {
    const callback = await approved();
    endpoint.answers.push(granted());
    const tokens = await client.complete(callback);
    endpoint.requests.length = 0;
    return tokens;
  }

  it('saves the rotated refresh token and counts the refresh', async () => {
    const tokens = await signedIn();
    clock = new Date(start.getTime() + 60_000);
    endpoint.answers.push(granted({ access_token: 'access-2', refresh_token: 'refresh-2' }));
    const next = await client.refresh(tokens);
    expect(Object.fromEntries(endpoint.requests[0]?.params ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: clientId,
    });
    expect(next).toEqual({
      ...tokens,
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      issuedAt: clock.getTime(),
      refreshes: 1,
    });
    expect(await store.tokens.get(orgId, userId)).toEqual(next);
  });

  it('keeps the refresh token when Salesforce does not rotate it', async () => {
    const tokens = await signedIn();
    endpoint.answers.push(granted({ access_token: 'access-2', refresh_token: undefined }));
    expect((await client.refresh(tokens)).refreshToken).toBe('refresh-1');
  });

  it('uses the stored refresh token, not the one it was handed', async () => {
    const tokens = await signedIn();
    await store.tokens.put({ ...tokens, refreshToken: 'refresh-stored' });
    endpoint.answers.push(granted({ access_token: 'access-2', refresh_token: 'refresh-3' }));
    await client.refresh(tokens);
    expect(endpoint.requests[0]?.params.get('refresh_token')).toBe('refresh-stored');
  });

  it('sends one request for refreshes asked at once, and a new one afterwards', async () => {
    const tokens = await signedIn();
    endpoint.answers.push(granted({ access_token: 'access-2', refresh_token: 'refresh-2' }));
    const [a, b] = await Promise.all([client.refresh(tokens), client.refresh(tokens)]);
    expect(a).toEqual(b);
    expect(endpoint.requests).toHaveLength(1);
    endpoint.answers.push(granted({ access_token: 'access-3', refresh_token: 'refresh-3' }));
    expect((await client.refresh(tokens)).refreshes).toBe(2);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('ends the sign-in when Salesforce no longer grants the refresh token, and asks for none again', async () => {
    const tokens = await signedIn();
    endpoint.answers.push(json(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' }));
    await expect(client.refresh(tokens)).rejects.toMatchObject({
      code: 'not-signed-in',
      message: "Your OAuth sign-in to Salesforce has ended: sign in again in Precall's options",
    });
    expect((await store.tokens.get(orgId, userId))?.refreshToken).toBeUndefined();
    await expect(client.refresh(tokens)).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('keeps the refresh token through any other failure', async () => {
    const tokens = await signedIn();
    endpoint.answers.push(json(503, {}));
    await expect(client.refresh(tokens)).rejects.toMatchObject({ name: 'ERROR_HTTP_503' });
    expect((await store.tokens.get(orgId, userId))?.refreshToken).toBe('refresh-1');
  });
});

describe('signing out', () => {
  it('revokes the refresh token and forgets the tokens and the bound session', async () => {
    sid = '00D000000000001!session-of-riley';
    const callback = await approved();
    endpoint.answers.push(granted());
    const tokens = await client.complete(callback);
    endpoint.requests.length = 0;
    endpoint.answers.push(json(200, {}));
    await client.signOut(tokens);
    expect(endpoint.requests[0]?.url).toBe(`${loginUrl}/services/oauth2/revoke`);
    expect(endpoint.requests[0]?.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(endpoint.requests[0]?.params.get('token')).toBe('refresh-1');
    expect(await store.tokens.all()).toEqual([]);
    expect(await store.sessions.all()).toEqual([]);
  });

  it('revokes the access token when there is no refresh token, and forgets even when Salesforce is unreachable', async () => {
    const callback = await approved();
    endpoint.answers.push(granted());
    const tokens = await client.complete(callback);
    endpoint.requests.length = 0;
    endpoint.answers.push(new TypeError('Failed to fetch'));
    await client.signOut({ ...tokens, refreshToken: undefined });
    expect(endpoint.requests[0]?.params.get('token')).toBe('access-1');
    expect(await store.tokens.all()).toEqual([]);
  });
});
