import { Connection, OAuth2 } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../demo/server';
import { control, startTestOrg, users } from './demo-server-fixture';

const redirectUri = 'https://abcdefghijklmnop.chromiumapp.org/';

/** OAuth 2.0 as the extension uses it: web-server flow with PKCE, refresh, revoke; password for tests. */
describe('demo org OAuth', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startTestOrg();
  });
  afterAll(() => server.close());

  const oauth2 = () =>
    new OAuth2({ loginUrl: server.url, clientId: 'precall-extension', redirectUri, useVerifier: true });

  /** Follows /authorize as a signed-in browser would, returning the redirect it answers. */
  async function authorize(client: OAuth2, init: { cookie?: string; loginHint?: string } = {}): Promise<URL> {
    const url = new URL(client.getAuthorizationUrl({ state: 'state-42' }));
    if (init.loginHint) url.searchParams.set('login_hint', init.loginHint);
    const response = await fetch(url, { redirect: 'manual', headers: init.cookie ? { Cookie: init.cookie } : {} });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '', server.url);
  }

  it('authorization code with PKCE S256: code and state come back, the token works, identity answers', async () => {
    const client = oauth2();
    const { token: sid } = server.org.signIn(users.riley);
    const back = await authorize(client, { cookie: `sid=${sid}` });
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('state-42');
    const conn = new Connection({ oauth2: client, version: '62.0' });
    const userInfo = await conn.authorize(back.searchParams.get('code') ?? '');
    const riley = server.org.userByUsername(users.riley);
    expect(userInfo).toMatchObject({ id: riley?.Id, organizationId: server.org.orgId });
    expect(conn.instanceUrl).toBe(server.url);
    expect(conn.accessToken).toMatch(new RegExp(`^${server.org.orgId.slice(0, 15)}!`));
    expect(conn.refreshToken).toBeTruthy();
    const identity = await conn.identity();
    expect(identity).toMatchObject({ user_id: riley?.Id, organization_id: server.org.orgId, username: users.riley });
  });

  it('a wrong code verifier is 400 invalid_grant, and the code cannot be reused', async () => {
    const client = oauth2();
    const back = await authorize(client, { loginHint: users.sam });
    const code = back.searchParams.get('code') ?? '';
    const post = (verifier: string) =>
      fetch(`${server.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: 'x',
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      });
    const wrong = await post('not-the-verifier');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'invalid code verifier' });
    const again = await post(client.codeVerifier ?? '');
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'expired authorization code' });
  });

  it('without a browser session or login_hint, /authorize sends the browser to the sign-in page', async () => {
    const back = await authorize(oauth2());
    expect(back.pathname).toBe('/login');
    expect(back.searchParams.get('retURL')).toMatch(/^\/services\/oauth2\/authorize\?/);
  });

  it('refresh: an expired token is renewed through the refresh token, once, and the call succeeds', async () => {
    const client = oauth2();
    const back = await authorize(client, { loginHint: users.riley });
    const conn = new Connection({ oauth2: client, version: '62.0' });
    await conn.authorize(back.searchParams.get('code') ?? '');
    const first = conn.accessToken;
    const refreshed: string[] = [];
    conn.on('refresh', (token: string) => refreshed.push(token));
    await control(server, 'POST', 'expire-token', { token: first });
    const result = await conn.query('SELECT Id FROM Opportunity');
    expect(result.totalSize).toBeGreaterThan(0);
    expect(refreshed).toHaveLength(1);
    expect(conn.accessToken).not.toBe(first);
  });

  it('revoke: the revoked token answers 401, a revoked refresh token cannot refresh', async () => {
    const client = oauth2();
    const back = await authorize(client, { loginHint: users.riley });
    const conn = new Connection({ oauth2: client, version: '62.0' });
    await conn.authorize(back.searchParams.get('code') ?? '');
    const plain = new Connection({ instanceUrl: server.url, accessToken: conn.accessToken ?? '', version: '62.0' });
    await plain.query('SELECT Id FROM Opportunity LIMIT 1');
    await client.revokeToken(conn.accessToken ?? '');
    await expect(plain.query('SELECT Id FROM Opportunity LIMIT 1')).rejects.toMatchObject({
      name: 'INVALID_SESSION_ID',
    });
    await client.revokeToken(conn.refreshToken ?? '');
    await expect(client.refreshToken(conn.refreshToken ?? '')).rejects.toMatchObject({
      name: 'invalid_grant',
      message: 'expired access/refresh token',
    });
  });

  it('password grant with the demo password, any client id; a wrong password is refused', async () => {
    const conn = new Connection({
      oauth2: { loginUrl: server.url, clientId: 'any-client', clientSecret: 's' },
      version: '62.0',
    });
    const userInfo = await conn.login(users.morgan, 'demo');
    expect(userInfo.id).toBe(server.org.userByUsername(users.morgan)?.Id);
    const result = await conn.query('SELECT Id FROM Opportunity');
    expect(result.totalSize).toBe(12);
    const other = new Connection({
      oauth2: { loginUrl: server.url, clientId: 'any-client', clientSecret: 's' },
      version: '62.0',
    });
    await expect(other.login(users.morgan, 'wrong')).rejects.toMatchObject({ name: 'invalid_grant' });
  });

  it('sessions look like Salesforce session ids and work both as cookie and bearer token', async () => {
    const session = server.org.signIn(users.sam);
    expect(session.token).toMatch(/^00D5g00000PrcAL![A-Za-z0-9]{40,}$/);
    expect(server.org.sessionFor(session.token)?.user.Username).toBe(users.sam);
    const conn = new Connection({ instanceUrl: server.url, accessToken: session.token, version: '62.0' });
    expect((await conn.identity()).username).toBe(users.sam);
  });
});
