import { browser } from 'wxt/browser';
import { createCoachingCopies } from '../db/coaching-copy';
import type { PrecallDb } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import { negotiateApiVersion } from '../salesforce/api-version';
import { fetchIdentity } from '../salesforce/connection';
import { createSalesforceAccess } from '../salesforce/salesforce-access';
import { createOAuthClient } from '../salesforce/sign-in/oauth';
import { createSignInHandlers } from '../salesforce/sign-in/sign-in-handlers';
import type { SignInStore } from '../salesforce/sign-in/sign-in-store';
import { createSyncService } from '../sync/sync-service';
import { createCoachingService } from './coaching-service';
import { apiUsageWriter, cachedApiVersion } from './org-facts-cache';
import { primeCoachingCopy } from './prime-coaching';

/** What the worker's start-up script shares with the work it loads later. */
export interface DeferredWorkDeps {
  store: SignInStore;
  openDb(session: Session): PrecallDb;
  /** Closes and deletes one of the extension's databases (forgetting an org). */
  deleteDatabase(name: string): Promise<void>;
  now(): Date;
}

/**
 * The worker's work that talks to Salesforce or computes at length: sync runs and pulls, the
 * OAuth and org-check sign-in flows, and the coaching report. Built apart as the worker's second
 * script (entrypoints/background-deferred.ts), loaded the first time one of them is asked for:
 * a worker woken to read local plans, count badges or list sign-ins never parses it.
 */
export function createDeferredWork(deps: DeferredWorkDeps) {
  const { store, now } = deps;
  const sidOf = async (apiOrigin: string) =>
    (await browser.cookies.get({ url: `${apiOrigin}/`, name: 'sid' }).catch(() => null))?.value ?? null;
  const oauth = createOAuthClient({
    store,
    redirectUri: browser.runtime.getURL('/oauth.html'),
    fetch: (input, init) => fetch(input, init),
    identity: fetchIdentity,
    sidOf,
    now,
  });
  /** The one SalesforceAccess the background wires: sync and on-demand reads use it. */
  const access = createSalesforceAccess({
    store,
    oauth,
    identity: fetchIdentity,
    sidCookie: sidOf,
    now,
    apiVersion: cachedApiVersion({ orgFacts: store.orgFacts, now, negotiate: negotiateApiVersion }),
    onApiUsage: apiUsageWriter({ orgFacts: store.orgFacts, now }),
  });
  // Shared by the coaching view's reports and the priming after each sync run.
  const coachingCopies = createCoachingCopies();
  const sync = createSyncService({
    access,
    now,
    ranSync: (session, db, result) => {
      // A copy not primed costs only the view its first read.
      if (result.ok) primeCoachingCopy(coachingCopies, db, session, now()).catch(() => undefined);
    },
    online: () => navigator.onLine,
  });
  return {
    sync,
    signIn: createSignInHandlers({
      store,
      oauth,
      access,
      callbackUrl: browser.runtime.getURL('/oauth.html'),
      openTab: async (url) => {
        await browser.tabs.create({ url });
      },
      listDatabases: async () => (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : [])),
      openDb: deps.openDb,
      deleteDatabase: deps.deleteDatabase,
    }),
    coaching: createCoachingService({ now, sync, coachingCopies }),
  };
}

export type DeferredWork = ReturnType<typeof createDeferredWork>;
