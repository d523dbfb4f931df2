import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../../demo/server';
import { deletePlan } from '../../../../lib/db/delete-plan';
import { databaseName, PrecallDb } from '../../../../lib/db/precall-db';
import { savePlan } from '../../../../lib/db/save-plan';
import type { Session } from '../../../../lib/messaging/protocol';
import { newCallPlan } from '../../../../lib/model/call-plan';
import { apiVersion } from '../../../../lib/salesforce/api-version';
import { fetchIdentity } from '../../../../lib/salesforce/connection';
import { createSalesforceAccess } from '../../../../lib/salesforce/salesforce-access';
import type { OAuthClient } from '../../../../lib/salesforce/sign-in/oauth';
import { createSignInHandlers } from '../../../../lib/salesforce/sign-in/sign-in-handlers';
import { openSignInStore, type TokenSet } from '../../../../lib/salesforce/sign-in/sign-in-store';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

const now = new Date('2026-03-10T12:00:00Z');
const opportunityId = '0065g00000Opp01AAB';

function world() {
  const store = openSignInStore(`handlers-${crypto.randomUUID()}`);
  cleanup.push(() => store.delete());
  let cookie: string | null = null;
  const databases = new Map<string, PrecallDb>();
  const oauth = {
    start: vi.fn(async ({ loginUrl }: { loginUrl: string }) => `${loginUrl}/services/oauth2/authorize?x=1`),
    complete: vi.fn(async () => {
      throw new Error('no flow');
    }),
    signOut: vi.fn(async (_tokens: TokenSet) => {}),
    refresh: vi.fn(),
  } as unknown as OAuthClient & { signOut: ReturnType<typeof vi.fn>; complete: ReturnType<typeof vi.fn> };
  const deps = {
    store,
    oauth,
    access: createSalesforceAccess({
      store,
      oauth,
      identity: fetchIdentity,
      sidCookie: async () => cookie,
      apiVersion: async () => apiVersion,
      now: () => now,
    }),
    callbackUrl: 'chrome-extension://precall/oauth.html',
    openTab: vi.fn(async (_url: string) => {}),
    listDatabases: async () => [...databases.keys(), 'precall-00D000000000001AAA-005000000000001AAA'],
    openDb: vi.fn((session: Session) => {
      let db = databases.get(session.dbName);
      if (!db) {
        db = new PrecallDb(session.dbName);
        databases.set(session.dbName, db);
        const opened = db;
        cleanup.push(() => opened.delete());
      }
      return db;
    }),
    deleteDatabase: vi.fn(async (name: string) => {
      databases.get(name)?.close();
      databases.delete(name);
      await Dexie.delete(name);
    }),
  };
  const user = (username: string) => {
    const found = org.org.userByUsername(username);
    if (!found) throw new Error(username);
    return { orgId: org.org.orgId, userId: found.Id, userName: found.Username, displayName: found.Name };
  };
  const signInWithCookie = async (username: string) => {
    cookie = org.org.signIn(username).token;
    const who = user(username);
    await store.sessions.put({
      fingerprint: crypto.randomUUID().replaceAll('-', '').padEnd(64, '0'),
      ...who,
      apiOrigin: org.url,
      via: 'session',
      confirmedAt: now.getTime(),
      refused: false,
    });
    return who;
  };
  const tokensOf = (who: ReturnType<typeof user>): TokenSet => ({
    ...who,
    apiOrigin: org.url,
    loginUrl: org.url,
    clientId: 'precall-eca',
    accessToken: `access-${who.userId}`,
    refreshToken: `refresh-${who.userId}`,
    issuedAt: now.getTime(),
    refreshes: 0,
  });
  const sessionOf = (who: ReturnType<typeof user>): Session => ({
    ...who,
    apiOrigin: org.url,
    dbName: databaseName(who.orgId, who.userId),
    source: 'identity',
    via: 'session',
  });
  return { handlers: createSignInHandlers(deps), deps, store, oauth, user, signInWithCookie, tokensOf, sessionOf };
}

describe('sign-in handlers', () => {
  it('lists the known accounts with the callback page to register', async () => {
    const { handlers, signInWithCookie } = world();
    const riley = await signInWithCookie('riley@precall.demo');
    expect(await handlers['signin:accounts']({})).toEqual({
      accounts: [expect.objectContaining({ userId: riley.userId, via: 'session' })],
      callbackUrl: 'chrome-extension://precall/oauth.html',
    });
  });

  it('starts OAuth in a tab and answers the page that will be shown', async () => {
    const { handlers, deps } = world();
    const answer = await handlers['oauth:start']({ loginUrl: 'https://login.salesforce.com', clientId: 'key' });
    expect(answer).toEqual({ authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize?x=1' });
    expect(deps.openTab).toHaveBeenCalledWith('https://login.salesforce.com/services/oauth2/authorize?x=1');
  });

  it('completes OAuth with the account it signed in, and refuses a sign-in it does not know', async () => {
    const { handlers, store, oauth, user, tokensOf } = world();
    const riley = user('riley@precall.demo');
    oauth.complete.mockImplementation(async () => {
      await store.tokens.put(tokensOf(riley));
      return tokensOf(riley);
    });
    expect(
      await handlers['oauth:complete']({ callbackUrl: 'chrome-extension://precall/oauth.html?code=x' }),
    ).toMatchObject({ userId: riley.userId, via: 'oauth' });
    const sam = user('sam@precall.demo');
    oauth.complete.mockImplementation(async () => tokensOf(sam));
    await expect(handlers['oauth:complete']({ callbackUrl: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'Precall knows no such sign-in in this browser',
    });
  });

  it('checks an org for the account, as its own user, with the org’s API usage', async () => {
    const { handlers, store, signInWithCookie } = world();
    const riley = await signInWithCookie('riley@precall.demo');
    expect(await handlers['org:check'](riley)).toMatchObject({ apiUsage: null, account: { userId: riley.userId } });
    const usage = { used: 10, limit: 100, at: 1 };
    await store.orgFacts.merge(org.url, { apiUsage: usage });
    const check = await handlers['org:check'](riley);
    expect(check).toMatchObject({ apiUsage: usage });
    expect((check as { items: { name: string; ok: boolean | null }[] }).items).toContainEqual(
      expect.objectContaining({ name: 'API enabled', ok: true }),
    );
  });

  it('signs one user out: revokes their OAuth sign-in, forgets their sessions, keeps the other user’s', async () => {
    const { handlers, store, oauth, signInWithCookie, tokensOf } = world();
    const riley = await signInWithCookie('riley@precall.demo');
    const sam = await signInWithCookie('sam@precall.demo');
    await store.tokens.put(tokensOf(riley));
    expect(await handlers['account:sign-out'](riley)).toEqual({ signedOut: true });
    expect(oauth.signOut).toHaveBeenCalledWith(expect.objectContaining({ userId: riley.userId }));
    expect((await store.sessions.all()).map((row) => row.userId)).toEqual([sam.userId]);

    await handlers['account:sign-out'](sam);
    expect(oauth.signOut).toHaveBeenCalledTimes(1);
    expect(await store.sessions.all()).toEqual([]);
  });

  it('forgetting an org first lists the plans not yet in Salesforce, and removes nothing', async () => {
    const { handlers, deps, signInWithCookie, sessionOf } = world();
    const riley = await signInWithCookie('riley@precall.demo');
    // Sam signed in here but never opened a plan: no database to look into or to make.
    await signInWithCookie('sam@precall.demo');
    const db = deps.openDb(sessionOf(riley));
    const kept = { ...newCallPlan(opportunityId, now), goal: 'Agree the pilot scope' };
    await savePlan(db, kept, now, riley.userId);
    const gone = newCallPlan(opportunityId, now);
    await savePlan(db, { ...gone, goal: 'Dropped' }, now, riley.userId);
    await deletePlan(db, gone.planKey, now);

    const answer = await handlers['account:forget']({ orgId: riley.orgId, confirm: false });
    expect(answer).toEqual({
      unsyncedPlans: ['Agree the pilot scope (Riley Chen)', 'A deleted plan (Riley Chen)'],
      databases: [sessionOf(riley).dbName],
      removed: false,
    });
    expect(deps.deleteDatabase).not.toHaveBeenCalled();
    expect(deps.openDb.mock.calls.map(([session]) => session.userName)).toEqual([riley.userName, riley.userName]);
    expect(await handlers['signin:accounts']({})).toMatchObject({ accounts: [{ userId: riley.userId }, {}] });
  });

  it('forgetting an org, confirmed, signs its users out and deletes its databases only', async () => {
    const { handlers, deps, store, oauth, signInWithCookie, sessionOf, tokensOf } = world();
    const riley = await signInWithCookie('riley@precall.demo');
    const sam = await signInWithCookie('sam@precall.demo');
    await store.tokens.put(tokensOf(sam));
    deps.openDb(sessionOf(riley));
    deps.openDb(sessionOf(sam));

    const answer = await handlers['account:forget']({ orgId: riley.orgId, confirm: true });
    expect(answer).toMatchObject({ unsyncedPlans: [], removed: true });
    expect(deps.deleteDatabase.mock.calls.map(([name]) => name).sort()).toEqual(
      [sessionOf(riley).dbName, sessionOf(sam).dbName].sort(),
    );
    expect(oauth.signOut).toHaveBeenCalledTimes(1);
    expect(oauth.signOut).toHaveBeenCalledWith(expect.objectContaining({ userId: sam.userId }));
    expect(await store.sessions.all()).toEqual([]);
  });
});
