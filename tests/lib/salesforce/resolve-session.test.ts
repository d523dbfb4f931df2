import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionResolver, type Identity, type SessionSources } from '../../../lib/salesforce/resolve-session';
import {
  fingerprintOf,
  openSignInStore,
  type RememberedSessionRow,
  type SignInStore,
} from '../../../lib/salesforce/sign-in/sign-in-store';

const riley: Identity = {
  orgId: '00D5g00000PrcALEAZ',
  userId: '0055g00000Rly01AAB',
  userName: 'riley@precall.demo',
  displayName: 'Riley Chen',
};
const sam: Identity = {
  ...riley,
  userId: '0055g00000Sam01AAB',
  userName: 'sam@precall.demo',
  displayName: 'Sam Ortiz',
};
const origin = 'https://acme.lightning.force.com';
const apiOrigin = 'https://acme.my.salesforce.com';
const rileysSid = '00D5g00000PrcAL!riley-session';
const samsSid = '00D5g00000PrcAL!sam-session';
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const expired = () =>
  Promise.reject(Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' }));

const stores: SignInStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.delete();
});

function setup(overrides: Partial<SessionSources> & { sid?: () => string | null } = {}) {
  const store = openSignInStore(`sign-in-test-${crypto.randomUUID()}`);
  stores.push(store);
  let now = new Date('2026-03-10T12:00:00Z');
  const sid = overrides.sid ?? (() => rileysSid);
  const sources: SessionSources = {
    apiSession: vi.fn(async () => ({ apiOrigin, sid: sid() })),
    identity: vi.fn(async (_api: string, token: string) => (token === samsSid ? sam : riley)),
    store,
    now: () => now,
    ...overrides,
  };
  return {
    sources,
    store,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('resolveSession', () => {
  it('confirms the API host session with Salesforce and names the database after org and user', async () => {
    const { sources } = setup();
    const session = await createSessionResolver(sources)(origin);
    expect(sources.apiSession).toHaveBeenCalledWith(origin);
    expect(sources.identity).toHaveBeenCalledWith(apiOrigin, rileysSid);
    expect(session).toMatchObject({
      dbName: 'precall-00D5g00000PrcALEAZ-0055g00000Rly01AAB',
      source: 'identity',
      via: 'session',
      apiOrigin,
    });
  });

  it('asks Salesforce once per session within ten minutes, across worker restarts', async () => {
    const { sources } = setup();
    await createSessionResolver(sources)(origin);
    await createSessionResolver(sources)(origin);
    expect(sources.identity).toHaveBeenCalledTimes(1);
  });

  it.each([[null], ['not-a-session'], ['001000000000000!x']])(
    'without a valid sid (%s) answers not-signed-in, asking nobody',
    async (sid) => {
      const { sources } = setup({ sid: () => sid });
      await expect(createSessionResolver(sources)(origin)).rejects.toMatchObject({
        code: 'not-signed-in',
        message: 'Open Salesforce in a tab to sign in',
      });
      expect(sources.identity).not.toHaveBeenCalled();
    },
  );

  it('a stale session: the cookie is read again once, then "open Salesforce in a tab"', async () => {
    const { sources } = setup({ identity: vi.fn(expired) });
    await expect(createSessionResolver(sources)(origin)).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(sources.apiSession).toHaveBeenCalledTimes(2);
    expect(sources.identity).toHaveBeenCalledTimes(1);
  });

  it('a stale session replaced by a fresh cookie meanwhile signs in with the fresh one', async () => {
    const sids = ['00D5g00000PrcAL!restored-after-reboot', rileysSid];
    const { sources } = setup({
      sid: () => sids.shift() ?? rileysSid,
      identity: vi.fn(async (_api: string, token: string) => (token === rileysSid ? riley : expired())),
    });
    expect(await createSessionResolver(sources)(origin)).toMatchObject({ userId: riley.userId });
    expect(sources.identity).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['This session is not valid for use with the REST API', 'INVALID_SESSION_ID', 'api-access-control'],
    ['API is disabled for this User', 'API_CURRENTLY_DISABLED', 'api-disabled-for-user'],
    ['The REST API is not enabled for this Organization.', 'API_DISABLED_FOR_ORG', 'api-disabled-for-org'],
  ])('Salesforce answering "%s" (%s) is the %s outcome, asked once', async (message, errorCode, code) => {
    const { sources } = setup({
      identity: vi.fn(() => Promise.reject(Object.assign(new Error(message), { errorCode }))),
    });
    await expect(createSessionResolver(sources)(origin)).rejects.toMatchObject({ code });
    expect(sources.identity).toHaveBeenCalledTimes(1);
  });

  it('offline, a session confirmed before is still its own user', async () => {
    const { sources } = setup();
    await createSessionResolver(sources)(origin);
    sources.identity = vi.fn(offline);
    expect(await createSessionResolver(sources)(origin)).toMatchObject({ userId: riley.userId });
  });

  it('offline, a second user of the same org is told Precall cannot confirm them, never given the first user', async () => {
    let sid = rileysSid;
    const { sources } = setup({ sid: () => sid });
    await createSessionResolver(sources)(origin);
    sid = samsSid;
    sources.identity = vi.fn(offline);
    await expect(createSessionResolver(sources)(origin)).rejects.toMatchObject({
      code: 'identity-unconfirmed',
      message: "Precall can't confirm who you are offline",
    });
  });

  it('after ten minutes answers at once and re-confirms in the background, once', async () => {
    const { sources, advance } = setup();
    const resolve = createSessionResolver(sources);
    await resolve(origin);
    advance(11 * 60 * 1000);
    const answers = await Promise.all([resolve(origin), resolve(origin), resolve(origin)]);
    expect(answers.every((a) => a.userId === riley.userId)).toBe(true);
    await vi.waitFor(() => expect(sources.identity).toHaveBeenCalledTimes(2));
  });

  it('a session Salesforce refuses when re-confirming is signed out from the next message on', async () => {
    const { sources, advance, store } = setup();
    const resolve = createSessionResolver(sources);
    const first = await resolve(origin);
    sources.identity = vi.fn(expired);
    advance(11 * 60 * 1000);
    await resolve(origin);
    await vi.waitFor(async () => expect((await store.sessions.all())[0]?.refused).toBe(true));
    await expect(resolve(origin)).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(first.userId).toBe(riley.userId);
  });

  it('does not keep the rep waiting on a slow identity service', async () => {
    const { sources } = setup({ identity: () => new Promise<Identity>(() => {}) });
    const started = Date.now();
    await expect(createSessionResolver(sources, 20)(origin)).rejects.toMatchObject({ code: 'identity-unconfirmed' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers sessions by fingerprint, never the session id', async () => {
    const { sources, store } = setup();
    await createSessionResolver(sources)(origin);
    const rows = await store.sessions.all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('riley-session');
  });
});

describe('resolveSession, remembered sessions', () => {
  async function remember(store: SignInStore, sid: string, row: Partial<RememberedSessionRow> = {}) {
    await store.sessions.put({
      fingerprint: await fingerprintOf(sid),
      ...riley,
      apiOrigin,
      via: 'session',
      confirmedAt: new Date('2026-03-10T12:00:00Z').getTime(),
      refused: false,
      ...row,
    });
  }

  it('answers from the identity service while fresh, and says "cached" while re-confirming an older one', async () => {
    const { sources, advance } = setup();
    const resolve = createSessionResolver(sources);
    expect(await resolve(origin)).toMatchObject({ source: 'identity' });
    advance(5 * 60 * 1000);
    expect(await resolve(origin)).toMatchObject({ source: 'identity' });
    advance(6 * 60 * 1000);
    expect(await resolve(origin)).toMatchObject({ source: 'cached' });
  });

  it('re-confirms again ten minutes after the last re-confirmation', async () => {
    const { sources, advance } = setup();
    const resolve = createSessionResolver(sources);
    await resolve(origin);
    advance(11 * 60 * 1000);
    await resolve(origin);
    await vi.waitFor(() => expect(sources.identity).toHaveBeenCalledTimes(2));
    // Once the re-confirmation has landed, the session is fresh again.
    await vi.waitFor(async () => expect(await resolve(origin)).toMatchObject({ source: 'identity' }));
    advance(11 * 60 * 1000);
    await resolve(origin);
    await vi.waitFor(() => expect(sources.identity).toHaveBeenCalledTimes(3));
  });

  it('a re-confirmation that cannot reach Salesforce keeps the session signed in', async () => {
    const { sources, advance, store } = setup();
    const resolve = createSessionResolver(sources);
    await resolve(origin);
    sources.identity = vi.fn(offline);
    advance(11 * 60 * 1000);
    await resolve(origin);
    await vi.waitFor(() => expect(sources.identity).toHaveBeenCalledTimes(1));
    await new Promise((settle) => setTimeout(settle, 20));
    expect((await store.sessions.all())[0]?.refused).toBe(false);
    expect(await resolve(origin)).toMatchObject({ userId: riley.userId });
  });

  it('re-confirms a sign-in bound through OAuth with its own token, and keeps its API host', async () => {
    const oauthHost = 'https://acme--oauth.my.salesforce.com';
    const oauthIdentity = vi.fn(async () => riley);
    const { sources, advance, store } = setup({ oauthIdentity });
    await remember(store, rileysSid, { via: 'oauth', apiOrigin: oauthHost });
    advance(11 * 60 * 1000);
    expect(await createSessionResolver(sources)(origin)).toMatchObject({ via: 'oauth', apiOrigin: oauthHost });
    await vi.waitFor(() => expect(oauthIdentity).toHaveBeenCalledWith(expect.objectContaining({ via: 'oauth' })));
    expect(sources.identity).not.toHaveBeenCalled();
    await vi.waitFor(async () =>
      expect((await store.sessions.all())[0]).toMatchObject({ apiOrigin: oauthHost, via: 'oauth' }),
    );
  });

  it('a refused OAuth sign-in is confirmed again through OAuth, or through the cookie when OAuth is not set up', async () => {
    const oauthIdentity = vi.fn(async () => riley);
    const withOauth = setup({ oauthIdentity });
    await remember(withOauth.store, rileysSid, { via: 'oauth', refused: true });
    expect(await createSessionResolver(withOauth.sources)(origin)).toMatchObject({ source: 'identity', via: 'oauth' });
    expect(oauthIdentity).toHaveBeenCalledTimes(1);
    expect(withOauth.sources.identity).not.toHaveBeenCalled();

    const withoutOauth = setup();
    await remember(withoutOauth.store, rileysSid, { via: 'oauth', refused: true });
    expect(await createSessionResolver(withoutOauth.sources)(origin)).toMatchObject({ userId: riley.userId });
    expect(withoutOauth.sources.identity).toHaveBeenCalledWith(apiOrigin, rileysSid);
  });

  it('a browser session is confirmed and re-confirmed with its cookie even when OAuth is set up', async () => {
    const oauthIdentity = vi.fn(async () => sam);
    const { sources, advance } = setup({ oauthIdentity });
    const resolve = createSessionResolver(sources);
    expect(await resolve(origin)).toMatchObject({ userId: riley.userId, via: 'session' });
    advance(11 * 60 * 1000);
    await resolve(origin);
    await vi.waitFor(() => expect(sources.identity).toHaveBeenCalledTimes(2));
    expect(oauthIdentity).not.toHaveBeenCalled();
  });

  it('never signs in a user Salesforce places in another org than the session cookie', async () => {
    const { sources, store } = setup({
      identity: vi.fn(async () => ({ ...riley, orgId: '00D5g00000OthERAAZ' })),
    });
    await expect(createSessionResolver(sources)(origin)).rejects.toMatchObject({ code: 'identity-unconfirmed' });
    expect(await store.sessions.all()).toEqual([]);
  });
});
