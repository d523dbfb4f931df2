import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  OAuthFlow,
  RememberedSessionRow,
  SignInStore,
  TokenSet,
} from '../../../../lib/salesforce/sign-in/sign-in-store';

// The schemas are built on first use (z.lazy): each test loads the store afresh, so the test that
// checks a field is the one that builds its schema.
let storeModule: typeof import('../../../../lib/salesforce/sign-in/sign-in-store');
let store: SignInStore;
let name: string;

beforeEach(async () => {
  vi.resetModules();
  storeModule = await import('../../../../lib/salesforce/sign-in/sign-in-store');
  name = `sign-in-store-${crypto.randomUUID()}`;
  store = storeModule.openSignInStore(name);
});
afterEach(async () => store.delete());

const orgId = '00D000000000001AAA';
const userId = '005000000000001AAA';
const otherUser = '005000000000002AAA';
const apiOrigin = 'https://acme.my.salesforce.com';

const session = (change: Partial<RememberedSessionRow> = {}): RememberedSessionRow => ({
  fingerprint: 'a'.repeat(64),
  orgId,
  userId,
  userName: 'riley@acme.com',
  displayName: 'Riley Rep',
  apiOrigin,
  via: 'session',
  confirmedAt: 1_700_000_000_000,
  refused: false,
  ...change,
});

const tokens = (change: Partial<TokenSet> = {}): TokenSet => ({
  orgId,
  userId,
  userName: 'riley@acme.com',
  displayName: 'Riley Rep',
  apiOrigin,
  loginUrl: 'https://login.salesforce.com',
  clientId: 'precall-eca',
  accessToken: 'access',
  refreshToken: 'refresh',
  issuedAt: 1_700_000_000_000,
  refreshes: 0,
  ...change,
});

const flow = (change: Partial<OAuthFlow> = {}): OAuthFlow => ({
  state: 's'.repeat(16),
  verifier: 'v'.repeat(43),
  loginUrl: 'https://login.salesforce.com',
  clientId: 'precall-eca',
  redirectUri: 'chrome-extension://precall/oauth.html',
  createdAt: 1_700_000_000_000,
  ...change,
});

/** Writes a row as an older or damaged build might have, past the store's checks. */
async function writeRaw(table: string, row: unknown): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores({
    sessions: 'fingerprint, orgId',
    tokens: '[orgId+userId], orgId',
    flows: 'state',
    orgFacts: 'apiOrigin',
  });
  await db.table(table).put(row);
  db.close();
}

describe('remembered sessions', () => {
  it('are kept by fingerprint and read back as written', async () => {
    await store.sessions.put(session());
    await store.sessions.put(session({ fingerprint: 'b'.repeat(64), via: 'oauth', refused: true }));
    expect(await store.sessions.get('a'.repeat(64))).toEqual(session());
    expect((await store.sessions.all()).map((row) => row.via)).toEqual(['session', 'oauth']);
    expect(await store.sessions.get('c'.repeat(64))).toBeNull();
  });

  it('are marked refused by fingerprint, the others left alone', async () => {
    await store.sessions.put(session());
    await store.sessions.put(session({ fingerprint: 'b'.repeat(64) }));
    await store.sessions.markRefused('a'.repeat(64));
    expect((await store.sessions.all()).map((row) => row.refused)).toEqual([true, false]);
  });

  it('are forgotten for one user of an org, or for the whole org', async () => {
    await store.sessions.put(session());
    await store.sessions.put(session({ fingerprint: 'b'.repeat(64), userId: otherUser }));
    await store.sessions.put(session({ fingerprint: 'c'.repeat(64), orgId: '00D000000000002AAA' }));
    await store.sessions.forget(orgId, userId);
    expect((await store.sessions.all()).map((row) => row.fingerprint[0])).toEqual(['b', 'c']);
    await store.sessions.forget(orgId);
    expect((await store.sessions.all()).map((row) => row.fingerprint[0])).toEqual(['c']);
  });

  it.each([
    ['a fingerprint that is not 64 hex digits', { fingerprint: 'A'.repeat(64) }],
    ['a short fingerprint', { fingerprint: 'a'.repeat(63) }],
    ['a 15-character org id', { orgId: '00D000000000001' }],
    ['a user id with a dash', { userId: '005000000000001-AA' }],
    ['no user name', { userName: undefined }],
    ['no display name', { displayName: undefined }],
    ['an API origin that is no URL', { apiOrigin: 'acme' }],
    ['an unknown way in', { via: 'password' }],
    ['a confirmation time as text', { confirmedAt: 'now' }],
    ['no refused flag', { refused: undefined }],
  ])('refuse %s, and read none back', async (_, change) => {
    const row = session(change as Partial<RememberedSessionRow>);
    await expect(store.sessions.put(row)).rejects.toThrow();
    await writeRaw('sessions', row);
    expect(await store.sessions.get(row.fingerprint)).toBeNull();
    expect(await store.sessions.all()).toEqual([]);
  });
});

describe('token sets', () => {
  it('are kept per org and user', async () => {
    await store.tokens.put(tokens());
    await store.tokens.put(tokens({ userId: otherUser, refreshToken: undefined, refreshes: 2 }));
    await store.tokens.put(tokens({ orgId: '00D000000000002AAA' }));
    expect(await store.tokens.get(orgId, userId)).toEqual(tokens());
    expect((await store.tokens.ofOrg(orgId)).map((row) => row.userId)).toEqual([userId, otherUser]);
    expect(await store.tokens.all()).toHaveLength(3);
    await store.tokens.remove(orgId, userId);
    expect(await store.tokens.get(orgId, userId)).toBeNull();
    expect((await store.tokens.ofOrg(orgId)).map((row) => row.refreshes)).toEqual([2]);
  });

  it.each([
    ['an org id of 17 characters', { orgId: '00D000000000001AA' }],
    ['a user id of 19 characters', { userId: '005000000000001AAAA' }],
    ['no user name', { userName: undefined }],
    ['no display name', { displayName: undefined }],
    ['an API origin that is no URL', { apiOrigin: '' }],
    ['a login URL that is no URL', { loginUrl: 'login' }],
    ['an empty client id', { clientId: '' }],
    ['an empty access token', { accessToken: '' }],
    ['an empty refresh token', { refreshToken: '' }],
    ['an issue time as text', { issuedAt: '1700000000000' }],
    ['a fractional refresh count', { refreshes: 1.5 }],
    ['a negative refresh count', { refreshes: -1 }],
  ])('refuse %s, and read none back', async (_, change) => {
    const row = tokens(change as Partial<TokenSet>);
    await expect(store.tokens.put(row)).rejects.toThrow();
    await writeRaw('tokens', row);
    expect(await store.tokens.get(row.orgId, row.userId)).toBeNull();
    expect(await store.tokens.ofOrg(row.orgId)).toEqual([]);
    expect(await store.tokens.all()).toEqual([]);
  });
});

describe('OAuth flows', () => {
  it('are taken once: the state cannot be replayed', async () => {
    await store.flows.put(flow({ sessionFingerprint: 'a'.repeat(64) }));
    expect(await store.flows.take('s'.repeat(16))).toEqual(flow({ sessionFingerprint: 'a'.repeat(64) }));
    expect(await store.flows.take('s'.repeat(16))).toBeNull();
  });

  it('keep a verifier of 128 characters', async () => {
    await store.flows.put(flow({ verifier: 'v'.repeat(128) }));
    expect((await store.flows.take('s'.repeat(16)))?.verifier).toHaveLength(128);
  });

  it.each([
    ['a state of 15 characters', { state: 's'.repeat(15) }],
    ['a verifier of 42 characters', { verifier: 'v'.repeat(42) }],
    ['a verifier of 129 characters', { verifier: 'v'.repeat(129) }],
    ['a login URL that is no URL', { loginUrl: 'login' }],
    ['an empty client id', { clientId: '' }],
    ['a redirect that is no URL', { redirectUri: 'oauth.html' }],
    ['a start time as text', { createdAt: 'now' }],
    ['a fingerprint that is a number', { sessionFingerprint: 5 }],
  ])('refuse %s, and a stored one is taken as none', async (_, change) => {
    const row = flow(change as Partial<OAuthFlow>);
    await expect(store.flows.put(row)).rejects.toThrow();
    await writeRaw('flows', row);
    expect(await store.flows.take(row.state)).toBeNull();
  });
});

describe('org facts', () => {
  it('merge what is learnt, one fact at a time', async () => {
    expect(await store.orgFacts.get(apiOrigin)).toBeNull();
    await store.orgFacts.merge(apiOrigin, { apiVersion: '62.0', versionCheckedAt: 1 });
    await store.orgFacts.merge(apiOrigin, { apiUsage: { used: 10, limit: 100, at: 2 } });
    expect(await store.orgFacts.get(apiOrigin)).toEqual({
      apiOrigin,
      apiVersion: '62.0',
      versionCheckedAt: 1,
      apiUsage: { used: 10, limit: 100, at: 2 },
    });
  });

  it('start afresh over a damaged row', async () => {
    await writeRaw('orgFacts', { apiOrigin, apiVersion: 'v62' });
    expect(await store.orgFacts.get(apiOrigin)).toBeNull();
    await store.orgFacts.merge(apiOrigin, { versionCheckedAt: 3 });
    expect(await store.orgFacts.get(apiOrigin)).toEqual({ apiOrigin, versionCheckedAt: 3 });
  });

  it.each([
    ['a version without its minor number', { apiVersion: '62' }],
    ['a version with two minor digits', { apiVersion: '62.00' }],
    ['a check time as text', { versionCheckedAt: 'now' }],
    ['usage without its limit', { apiUsage: { used: 1, at: 2 } }],
    ['usage as text', { apiUsage: { used: '1', limit: 2, at: 3 } }],
    ['usage without its time', { apiUsage: { used: 1, limit: 2 } }],
  ])('refuse %s, keeping what was known', async (_, change) => {
    await store.orgFacts.merge(apiOrigin, { versionCheckedAt: 1 });
    await expect(store.orgFacts.merge(apiOrigin, change as never)).rejects.toThrow();
    expect(await store.orgFacts.get(apiOrigin)).toEqual({ apiOrigin, versionCheckedAt: 1 });
  });

  it('refuse an API origin that is no URL', async () => {
    await expect(store.orgFacts.merge('acme', {})).rejects.toThrow();
  });
});

describe('a session fingerprint', () => {
  it('is the SHA-256 of the session id in hex, never the id', async () => {
    expect(await storeModule.fingerprintOf('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await storeModule.fingerprintOf('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
