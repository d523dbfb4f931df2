import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../demo/server';
import { control, rest, startTestOrg, users } from './demo-server-fixture';

const v = '/services/data/v62.0';
let server: DemoServer;

beforeAll(async () => {
  server = await startTestOrg({ orgId: '00D5g00000OrgB1' });
});
afterAll(() => server.close());
beforeEach(() => control(server, 'POST', 'access', { reset: true }));

async function tokenGrant(body: Record<string, string>) {
  const response = await fetch(`${server.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** An OAuth sign-in through /authorize and the code grant (no PKCE: the grant is not under test). */
async function oauthSignIn(clientId: string) {
  const url = new URL(`${server.url}/services/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'chrome-extension://precall/oauth.html',
    login_hint: users.riley,
  }).toString();
  const location = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  if (!code) return { error: location.searchParams.get('error') };
  return (await tokenGrant({ grant_type: 'authorization_code', code, client_id: clientId })).body;
}

describe('the demo org as an admin configures its API', () => {
  it('another org id: sessions carry it', () => {
    expect(server.org.signIn(users.riley).token.startsWith('00D5g00000OrgB1!')).toBe(true);
  });

  it("refuses a Lightning host's own session with the REST API message", async () => {
    const { token } = server.org.signIn(users.riley, 'ui');
    expect(await rest(server, token, 'GET', `${v}/limits`)).toMatchObject({
      status: 401,
      body: [{ errorCode: 'INVALID_SESSION_ID', message: 'This session is not valid for use with the REST API' }],
    });
  });

  it('API Access Control: the browser session is refused, an approved app signs in, an unapproved one is blocked', async () => {
    await control(server, 'POST', 'access', { apiAccessControl: true, approvedClients: ['precall-eca'] });
    const { token } = server.org.signIn(users.riley);
    expect((await rest(server, token, 'GET', `${v}/limits`)).body).toEqual([
      { errorCode: 'INVALID_SESSION_ID', message: 'This session is not valid for use with the REST API' },
    ]);
    expect(await oauthSignIn('someone-else')).toEqual({ error: 'OAUTH_APP_BLOCKED' });
    const approved = (await oauthSignIn('precall-eca')) as Record<string, string>;
    expect((await rest(server, approved.access_token ?? '', 'GET', `${v}/limits`)).status).toBe(200);
  });

  it.each([
    [{ apiDisabledForOrg: true }, 403, 'API_DISABLED_FOR_ORG'],
    [{ usersWithoutApi: [users.riley] }, 403, 'API_CURRENTLY_DISABLED'],
  ])('%o → %i %s', async (settings, status, errorCode) => {
    await control(server, 'POST', 'access', settings);
    const { token, user } = server.org.signIn(users.riley);
    expect(await rest(server, token, 'GET', `/id/${server.org.orgId}/${user.Id}`)).toMatchObject({
      status,
      body: [{ errorCode }],
    });
  });

  it("a user without Precall's permission set sees no Precall objects", async () => {
    await control(server, 'POST', 'access', { usersWithoutPermissionSet: [users.sam] });
    const { token } = server.org.signIn(users.sam);
    const global = (await rest(server, token, 'GET', `${v}/sobjects`)).body as { sobjects: { name: string }[] };
    expect(global.sobjects.map((o) => o.name)).not.toContain('Call_Plan__c');
    expect((await rest(server, token, 'GET', `${v}/sobjects/Call_Plan__c/describe`)).status).toBe(404);
    expect(
      await rest(server, token, 'GET', `${v}/query?q=${encodeURIComponent('SELECT Id FROM Call_Plan__c')}`),
    ).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE' }],
    });
    const riley = server.org.signIn(users.riley).token;
    expect((await rest(server, riley, 'GET', `${v}/sobjects/Call_Plan__c/describe`)).status).toBe(200);
  });

  it.each([
    ['riley', ['Precall_User']],
    ['morgan', ['Precall_Manager']],
  ] as const)('%s reads their permission set assignments as the org check queries them', async (who, sets) => {
    const { token, user } = server.org.signIn(users[who]);
    const soql = `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${user.Id}'`;
    const answer = await rest(server, token, 'GET', `${v}/query?q=${encodeURIComponent(soql)}`);
    expect(answer.status).toBe(200);
    const records = (answer.body as { records: { PermissionSet: { Name: string } }[] }).records;
    expect(records.map((r) => r.PermissionSet.Name)).toEqual(sets);
  });

  it('a rep reads only their own assignments; an admin who removed the set leaves none', async () => {
    const { token } = server.org.signIn(users.riley);
    const all = encodeURIComponent('SELECT AssigneeId FROM PermissionSetAssignment');
    const mine = (await rest(server, token, 'GET', `${v}/query?q=${all}`)).body as {
      records: { AssigneeId: string }[];
    };
    expect(new Set(mine.records.map((r) => r.AssigneeId))).toEqual(
      new Set([server.org.userByUsername(users.riley)?.Id]),
    );
    await control(server, 'POST', 'access', { usersWithoutPermissionSet: [users.riley] });
    expect((await rest(server, token, 'GET', `${v}/query?q=${all}`)).body).toMatchObject({ totalSize: 0 });
  });

  it('an org mid-upgrade does not know the newest versions', async () => {
    await control(server, 'POST', 'access', { maxApiVersion: 61 });
    const { token } = server.org.signIn(users.riley);
    expect((await rest(server, token, 'GET', `${v}/limits`)).status).toBe(404);
    expect((await rest(server, token, 'GET', '/services/data/v61.0/limits')).status).toBe(200);
    const versions = (await (await fetch(`${server.url}/services/data/`)).json()) as { version: string }[];
    expect(versions.at(-1)?.version).toBe('61.0');
  });

  it('refresh token rotation: each refresh answers a new token; a reused one revokes the family', async () => {
    const first = (await oauthSignIn('precall-eca')) as Record<string, string>;
    const refresh = (token: string) =>
      tokenGrant({ grant_type: 'refresh_token', refresh_token: token, client_id: 'precall-eca' });
    const second = await refresh(first.refresh_token ?? '');
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toBeTruthy();
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const third = await refresh(second.body.refresh_token ?? '');
    expect(third.status).toBe(200);
    // The first token presented again: the whole family ends, the newest token included.
    expect(await refresh(first.refresh_token ?? '')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await refresh(third.body.refresh_token ?? '')).status).toBe(400);
    expect((await rest(server, third.body.access_token ?? '', 'GET', `${v}/limits`)).status).toBe(401);
  });

  it('an expired session can be restored', async () => {
    const { token } = server.org.signIn(users.riley);
    await control(server, 'POST', 'expire-token', { token });
    expect((await rest(server, token, 'GET', `${v}/limits`)).status).toBe(401);
    expect(await control(server, 'POST', 'restore-token', { token })).toEqual({ restored: true });
    expect((await rest(server, token, 'GET', `${v}/limits`)).status).toBe(200);
  });
});
