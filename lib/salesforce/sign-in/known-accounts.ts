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

/**
 * Every account of the sign-in store, the latest sign-in of each user, with its org's API usage.
 * Apart from the other sign-in handlers: the options and coaching pages ask it at every open, and
 * the worker answers it without loading its Salesforce code.
 */
export async function knownAccounts(store: SignInStore): Promise<KnownAccount[]> {
  const byUser = new Map<string, KnownAccount>();
  // Read side by side: the worker's first answer after a cold start is often this one.
  const [sessions, tokenSets] = await Promise.all([store.sessions.all(), store.tokens.all()]);
  for (const row of sessions) {
    const key = `${row.orgId}:${row.userId}`;
    const known = byUser.get(key);
    if (known && known.confirmedAt >= row.confirmedAt) continue;
    byUser.set(key, { ...pickAccount(row), via: row.via, confirmedAt: row.confirmedAt, ended: row.refused });
  }
  for (const tokens of tokenSets) {
    const key = `${tokens.orgId}:${tokens.userId}`;
    byUser.set(key, {
      ...pickAccount(tokens),
      via: 'oauth',
      confirmedAt: Math.max(tokens.issuedAt, byUser.get(key)?.confirmedAt ?? 0),
      ended: !tokens.refreshToken,
    });
  }
  const accounts = [...byUser.values()].sort(
    (a, b) => a.apiOrigin.localeCompare(b.apiOrigin) || a.userName.localeCompare(b.userName),
  );
  // Each org's facts once, however many of its users signed in here.
  const origins = [...new Set(accounts.map((account) => account.apiOrigin))];
  const facts = await Promise.all(origins.map((origin) => store.orgFacts.get(origin)));
  const usageOf = new Map(origins.map((origin, index) => [origin, facts[index]?.apiUsage]));
  for (const account of accounts) {
    const usage = usageOf.get(account.apiOrigin);
    if (usage) account.apiUsage = usage;
  }
  return accounts;
}

export function pickAccount(from: {
  orgId: string;
  userId: string;
  userName: string;
  displayName: string;
  apiOrigin: string;
}) {
  return {
    orgId: from.orgId,
    userId: from.userId,
    userName: from.userName,
    displayName: from.displayName,
    apiOrigin: from.apiOrigin,
  };
}
