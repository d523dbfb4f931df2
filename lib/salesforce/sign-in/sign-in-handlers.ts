import { BackgroundError } from '../../background/background-error';
import type { PrecallDb } from '../../db/precall-db';
import { databaseName } from '../../db/precall-db';
import type { RequestOf, Session, SignInMessageType } from '../../messaging/protocol';
import { type SalesforceAccess, withSalesforce } from '../salesforce-access';
import type { OAuthClient } from './oauth';
import { checkOrg, type OrgCheckItem } from './org-check';
import type { OrgFacts, SignInStore } from './sign-in-store';

/** Who Precall knows in this browser, and how each signs in. */
export interface KnownAccount {
  orgId: string;
  userId: string;
  userName: string;
  displayName: string;
  apiOrigin: string;
  via: 'session' | 'oauth';
  /** When Salesforce last confirmed this sign-in. */
  confirmedAt: number;
  /** Salesforce has since refused the browser session (OAuth sign-ins stay until signed out). */
  ended: boolean;
  apiUsage?: OrgFacts['apiUsage'];
}

export interface OrgCheck {
  account: KnownAccount;
  items: OrgCheckItem[];
  apiUsage: OrgFacts['apiUsage'] | null;
}

export interface SignInHandlerDeps {
  store: SignInStore;
  oauth: OAuthClient;
  access: SalesforceAccess;
  /** The OAuth callback page, to register on the External Client App. */
  callbackUrl: string;
  openTab(url: string): Promise<void>;
  /** Names of the IndexedDB databases of this extension. */
  listDatabases(): Promise<string[]>;
  openDb(session: Session): PrecallDb;
  deleteDatabase(name: string): Promise<void>;
}

type SignInHandlers = { [T in SignInMessageType]: (request: RequestOf<T>) => Promise<unknown> };

export function createSignInHandlers(deps: SignInHandlerDeps): SignInHandlers {
  const { store } = deps;

  async function knownAccounts(): Promise<KnownAccount[]> {
    const byUser = new Map<string, KnownAccount>();
    for (const row of await store.sessions.all()) {
      const key = `${row.orgId}:${row.userId}`;
      const known = byUser.get(key);
      if (known && known.confirmedAt >= row.confirmedAt) continue;
      byUser.set(key, { ...pick(row), via: row.via, confirmedAt: row.confirmedAt, ended: row.refused });
    }
    for (const tokens of await store.tokens.all()) {
      const key = `${tokens.orgId}:${tokens.userId}`;
      byUser.set(key, {
        ...pick(tokens),
        via: 'oauth',
        confirmedAt: Math.max(tokens.issuedAt, byUser.get(key)?.confirmedAt ?? 0),
        ended: !tokens.refreshToken,
      });
    }
    const accounts = [...byUser.values()].sort(
      (a, b) => a.apiOrigin.localeCompare(b.apiOrigin) || a.userName.localeCompare(b.userName),
    );
    for (const account of accounts) {
      const usage = (await store.orgFacts.get(account.apiOrigin))?.apiUsage;
      if (usage) account.apiUsage = usage;
    }
    return accounts;
  }

  async function accountOf(orgId: string, userId: string): Promise<KnownAccount> {
    const account = (await knownAccounts()).find((a) => a.orgId === orgId && a.userId === userId);
    if (!account) throw new BackgroundError('not-found', 'Precall knows no such sign-in in this browser');
    return account;
  }

  function sessionOf(account: KnownAccount): Session {
    return {
      ...pick(account),
      dbName: databaseName(account.orgId, account.userId),
      source: 'identity',
      via: account.via,
    };
  }

  return {
    'signin:accounts': async () => ({ accounts: await knownAccounts(), callbackUrl: deps.callbackUrl }),

    'oauth:start': async ({ loginUrl, clientId }) => {
      const authorizeUrl = await deps.oauth.start({ loginUrl, clientId });
      await deps.openTab(authorizeUrl);
      return { authorizeUrl };
    },

    'oauth:complete': async ({ callbackUrl }) => {
      const tokens = await deps.oauth.complete(callbackUrl);
      return accountOf(tokens.orgId, tokens.userId);
    },

    'org:check': async ({ orgId, userId }) => {
      const account = await accountOf(orgId, userId);
      const items = await withSalesforce(deps.access, sessionOf(account), (connection) =>
        checkOrg(connection, account.userId),
      );
      const apiUsage = (await store.orgFacts.get(account.apiOrigin))?.apiUsage ?? null;
      return { account, items, apiUsage } satisfies OrgCheck;
    },

    'account:sign-out': async ({ orgId, userId }) => {
      const tokens = await store.tokens.get(orgId, userId);
      if (tokens) await deps.oauth.signOut(tokens);
      await store.sessions.forget(orgId, userId);
      return { signedOut: true };
    },

    'account:forget': async ({ orgId, confirm }) => {
      const databases = (await deps.listDatabases()).filter((name) => name.startsWith(`precall-${orgId}-`));
      const unsyncedPlans: string[] = [];
      const accounts = (await knownAccounts()).filter((a) => a.orgId === orgId);
      for (const account of accounts) {
        const session = sessionOf(account);
        if (!databases.includes(session.dbName)) continue;
        const db = deps.openDb(session);
        const planKeys = new Set((await db.outbox.toArray()).map((entry) => entry.planKey));
        for (const planKey of planKeys) {
          const plan = await db.plans.get(planKey);
          unsyncedPlans.push(
            plan?.goal ? `${plan.goal} (${account.displayName})` : `A deleted plan (${account.displayName})`,
          );
        }
      }
      if (!confirm) return { unsyncedPlans, databases, removed: false };
      for (const account of accounts) {
        const tokens = await store.tokens.get(account.orgId, account.userId);
        if (tokens) await deps.oauth.signOut(tokens);
      }
      await store.sessions.forget(orgId);
      for (const name of databases) await deps.deleteDatabase(name);
      return { unsyncedPlans, databases, removed: true };
    },
  };
}

function pick(from: { orgId: string; userId: string; userName: string; displayName: string; apiOrigin: string }) {
  return {
    orgId: from.orgId,
    userId: from.userId,
    userName: from.userName,
    displayName: from.displayName,
    apiOrigin: from.apiOrigin,
  };
}
