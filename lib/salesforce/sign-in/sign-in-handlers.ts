import { BackgroundError } from '../../background/background-error';
import type { PrecallDb } from '../../db/precall-db';
import { databaseName } from '../../db/precall-db';
import type { RequestOf, Session, SignInMessageType } from '../../messaging/protocol';
import { type SalesforceAccess, withSalesforce } from '../salesforce-access';
import { type KnownAccount, knownAccounts, pickAccount } from './known-accounts';
import type { OAuthClient } from './oauth';
import { checkOrg, type OrgCheckItem } from './org-check';
import type { OrgFacts, SignInStore } from './sign-in-store';

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

export type SignInHandlers = { [T in SignInMessageType]: (request: RequestOf<T>) => Promise<unknown> };

export function createSignInHandlers(deps: SignInHandlerDeps): SignInHandlers {
  const { store } = deps;

  async function accountOf(orgId: string, userId: string): Promise<KnownAccount> {
    const account = (await knownAccounts(store)).find((a) => a.orgId === orgId && a.userId === userId);
    if (!account) throw new BackgroundError('not-found', 'Precall knows no such sign-in in this browser');
    return account;
  }

  function sessionOf(account: KnownAccount): Session {
    return {
      ...pickAccount(account),
      dbName: databaseName(account.orgId, account.userId),
      source: 'identity',
      via: account.via,
    };
  }

  return {
    'signin:accounts': async () => ({ accounts: await knownAccounts(store), callbackUrl: deps.callbackUrl }),

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
      const accounts = (await knownAccounts(store)).filter((a) => a.orgId === orgId);
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
