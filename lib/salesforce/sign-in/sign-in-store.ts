import Dexie, { type Table } from 'dexie';
import * as z from 'zod/mini';

/**
 * The browser's sign-in state, owned by the background: sessions confirmed with Salesforce (by a
 * fingerprint of the session id, never the id itself), OAuth token sets, OAuth flows under way,
 * and facts learnt about each org. In the extension's IndexedDB, which content scripts cannot
 * reach (unlike chrome.storage.local). Every row is parsed with zod when read back. Schemas and
 * the database are made on first use: the worker imports this at every start.
 */
const recordId = z.lazy(() => z.string().check(z.regex(/^[a-zA-Z0-9]{18}$/)));

export const rememberedSessionSchema = z.lazy(() =>
  z.object({
    fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    orgId: recordId,
    userId: recordId,
    userName: z.string(),
    displayName: z.string(),
    apiOrigin: z.url(),
    via: z.enum(['session', 'oauth']),
    confirmedAt: z.number(),
    refused: z.boolean(),
  }),
);
export type RememberedSessionRow = z.infer<typeof rememberedSessionSchema>;

export const tokenSetSchema = z.lazy(() =>
  z.object({
    orgId: recordId,
    userId: recordId,
    userName: z.string(),
    displayName: z.string(),
    apiOrigin: z.url(),
    loginUrl: z.url(),
    clientId: z.string().check(z.minLength(1)),
    accessToken: z.string().check(z.minLength(1)),
    refreshToken: z.optional(z.string().check(z.minLength(1))),
    issuedAt: z.number(),
    /** How many refreshes this sign-in has been through (each rotated the refresh token). */
    refreshes: z.number().check(z.int(), z.nonnegative()),
  }),
);
export type TokenSet = z.infer<typeof tokenSetSchema>;

export const oauthFlowSchema = z.lazy(() =>
  z.object({
    state: z.string().check(z.minLength(16)),
    verifier: z.string().check(z.minLength(43), z.maxLength(128)),
    loginUrl: z.url(),
    clientId: z.string().check(z.minLength(1)),
    redirectUri: z.url(),
    createdAt: z.number(),
    /** The session id fingerprint of the browser when the flow began, bound to the result. */
    sessionFingerprint: z.optional(z.string()),
  }),
);
export type OAuthFlow = z.infer<typeof oauthFlowSchema>;

export const orgFactsSchema = z.lazy(() =>
  z.object({
    apiOrigin: z.url(),
    apiVersion: z.optional(z.string().check(z.regex(/^\d+\.\d$/))),
    versionCheckedAt: z.optional(z.number()),
    apiUsage: z.optional(z.object({ used: z.number(), limit: z.number(), at: z.number() })),
  }),
);
export type OrgFacts = z.infer<typeof orgFactsSchema>;

class SignInDb extends Dexie {
  sessions!: Table<unknown, string>;
  tokens!: Table<unknown, [string, string]>;
  flows!: Table<unknown, string>;
  orgFacts!: Table<unknown, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      sessions: 'fingerprint, orgId',
      tokens: '[orgId+userId], orgId',
      flows: 'state',
      orgFacts: 'apiOrigin',
    });
  }
}

function parsed<T>(schema: z.ZodMiniType<T>, row: unknown): T | null {
  const result = schema.safeParse(row);
  return result.success ? result.data : null;
}

function parsedAll<T>(schema: z.ZodMiniType<T>, rows: unknown[]): T[] {
  return rows.flatMap((row) => {
    const value = parsed(schema, row);
    return value ? [value] : [];
  });
}

export type SignInStore = ReturnType<typeof openSignInStore>;

/** `precall-sign-in`: one per browser profile, beside the per-user `precall-<org>-<user>` databases. */
export function openSignInStore(name = 'precall-sign-in') {
  let opened: SignInDb | null = null;
  const signInDb = () => {
    opened ??= new SignInDb(name);
    return opened;
  };
  return {
    sessions: {
      async get(fingerprint: string) {
        return parsed(rememberedSessionSchema, await signInDb().sessions.get(fingerprint));
      },
      async put(row: RememberedSessionRow) {
        await signInDb().sessions.put(rememberedSessionSchema.parse(row));
      },
      async markRefused(fingerprint: string) {
        await signInDb().sessions.where('fingerprint').equals(fingerprint).modify({ refused: true });
      },
      async all() {
        return parsedAll(rememberedSessionSchema, await signInDb().sessions.toArray());
      },
      async forget(orgId: string, userId?: string) {
        const rows = parsedAll(
          rememberedSessionSchema,
          await signInDb().sessions.where('orgId').equals(orgId).toArray(),
        );
        const gone = rows.filter((row) => !userId || row.userId === userId).map((row) => row.fingerprint);
        await signInDb().sessions.bulkDelete(gone);
      },
    },
    tokens: {
      async get(orgId: string, userId: string) {
        return parsed(tokenSetSchema, await signInDb().tokens.get([orgId, userId]));
      },
      async ofOrg(orgId: string) {
        return parsedAll(tokenSetSchema, await signInDb().tokens.where('orgId').equals(orgId).toArray());
      },
      async put(tokens: TokenSet) {
        await signInDb().tokens.put(tokenSetSchema.parse(tokens));
      },
      async all() {
        return parsedAll(tokenSetSchema, await signInDb().tokens.toArray());
      },
      async remove(orgId: string, userId: string) {
        await signInDb().tokens.delete([orgId, userId]);
      },
    },
    flows: {
      async take(state: string) {
        const row = await signInDb().flows.get(state);
        await signInDb().flows.delete(state);
        return parsed(oauthFlowSchema, row);
      },
      async put(flow: OAuthFlow) {
        await signInDb().flows.put(oauthFlowSchema.parse(flow));
      },
    },
    orgFacts: {
      async get(apiOrigin: string) {
        return parsed(orgFactsSchema, await signInDb().orgFacts.get(apiOrigin));
      },
      async merge(apiOrigin: string, facts: Partial<Omit<OrgFacts, 'apiOrigin'>>) {
        const db = signInDb();
        await db.transaction('rw', db.orgFacts, async () => {
          const known = parsed(orgFactsSchema, await db.orgFacts.get(apiOrigin)) ?? { apiOrigin };
          await db.orgFacts.put(orgFactsSchema.parse({ ...known, ...facts, apiOrigin }));
        });
      },
    },
    close: () => signInDb().close(),
    delete: () => signInDb().delete(),
  };
}

/** SHA-256 of a session id, hex: how a session is remembered without keeping the session id. */
export async function fingerprintOf(sid: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sid));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
