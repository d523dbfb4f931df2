import { afterEach, describe, expect, it } from 'vitest';
import { knownAccounts } from '../../../../lib/salesforce/sign-in/known-accounts';
import {
  openSignInStore,
  type RememberedSessionRow,
  type SignInStore,
  type TokenSet,
} from '../../../../lib/salesforce/sign-in/sign-in-store';

const orgId = '00D5g00000PrcALEAZ';
const acme = 'https://acme.my.salesforce.com';
const beta = 'https://beta.my.salesforce.com';
const riley = { orgId, userId: '0055g00000Rly01AAB', userName: 'riley@precall.demo', displayName: 'Riley Chen' };
const sam = { orgId, userId: '0055g00000Sam01AAB', userName: 'sam@precall.demo', displayName: 'Sam Ortiz' };

const stores: SignInStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.delete();
});

function storeWith() {
  const store = openSignInStore(`known-accounts-${crypto.randomUUID()}`);
  stores.push(store);
  let fingerprints = 0;
  return {
    store,
    session: (user: typeof riley, row: Partial<RememberedSessionRow> = {}) =>
      store.sessions.put({
        fingerprint: (fingerprints++).toString(16).padStart(64, '0'),
        ...user,
        apiOrigin: acme,
        via: 'session',
        confirmedAt: 1_000,
        refused: false,
        ...row,
      }),
    tokens: (user: typeof riley, set: Partial<TokenSet> = {}) =>
      store.tokens.put({
        ...user,
        apiOrigin: acme,
        loginUrl: 'https://login.salesforce.com',
        clientId: 'precall-eca',
        accessToken: 'access',
        refreshToken: 'refresh',
        issuedAt: 5_000,
        refreshes: 0,
        ...set,
      }),
  };
}

describe('knownAccounts', () => {
  it('lists each user once, as of their latest sign-in', async () => {
    const { store, session } = storeWith();
    await session(riley, { confirmedAt: 3_000, apiOrigin: beta });
    await session(riley, { confirmedAt: 1_000, refused: true });
    await session(riley, { confirmedAt: 2_000 });
    expect(await knownAccounts(store)).toEqual([
      { ...riley, apiOrigin: beta, via: 'session', confirmedAt: 3_000, ended: false },
    ]);
  });

  it('an account whose latest session Salesforce refused has ended', async () => {
    const { store, session } = storeWith();
    await session(riley, { confirmedAt: 1_000 });
    await session(riley, { confirmedAt: 2_000, refused: true });
    expect(await knownAccounts(store)).toMatchObject([{ userId: riley.userId, ended: true, confirmedAt: 2_000 }]);
  });

  it('an OAuth sign-in names the account through OAuth, dated by the later of its tokens and its session', async () => {
    const { store, session, tokens } = storeWith();
    await session(riley, { confirmedAt: 9_000, refused: true });
    await tokens(riley, { issuedAt: 5_000, apiOrigin: beta });
    await tokens(sam, { issuedAt: 7_000 });
    expect(await knownAccounts(store)).toEqual([
      { ...sam, apiOrigin: acme, via: 'oauth', confirmedAt: 7_000, ended: false },
      { ...riley, apiOrigin: beta, via: 'oauth', confirmedAt: 9_000, ended: false },
    ]);
  });

  it('an OAuth sign-in without a refresh token has ended', async () => {
    const { store, tokens } = storeWith();
    await tokens(riley, { refreshToken: undefined });
    expect(await knownAccounts(store)).toMatchObject([{ via: 'oauth', ended: true }]);
  });

  it('sorts by API host, then user name, and adds each org’s API usage when known', async () => {
    const { store, session } = storeWith();
    await session(sam, { apiOrigin: acme });
    await session(riley, { apiOrigin: beta });
    await session({ ...riley, orgId: '00D5g00000OthERAAZ' }, { apiOrigin: acme });
    const usage = { used: 120, limit: 15_000, at: 4_000 };
    await store.orgFacts.merge(beta, { apiUsage: usage });
    await store.orgFacts.merge(acme, { apiVersion: '62.0' });
    const accounts = await knownAccounts(store);
    expect(accounts.map((a) => [a.apiOrigin, a.userName])).toEqual([
      [acme, 'riley@precall.demo'],
      [acme, 'sam@precall.demo'],
      [beta, 'riley@precall.demo'],
    ]);
    expect(accounts.map((a) => a.apiUsage)).toEqual([undefined, undefined, usage]);
    expect('apiUsage' in (accounts[0] ?? {})).toBe(false);
  });

  it('knows nobody in a new browser', async () => {
    expect(await knownAccounts(storeWith().store)).toEqual([]);
  });
});
