import { vi } from 'vitest';
import { demoOrgId, userIds } from '../../../../demo/org/seed-data';
import type { DemoServer } from '../../../../demo/server';
import { BackgroundError } from '../../../../lib/background/background-error';
import { databaseName, PrecallDb } from '../../../../lib/db/precall-db';
import type { Session } from '../../../../lib/messaging/protocol';
import { createConnection } from '../../../../lib/salesforce/connection';
import type { SalesforceAccess } from '../../../../lib/salesforce/salesforce-access';
import { type RunRequest, runSync, type SyncDeps } from '../../../../lib/sync/run-sync';
import { createSyncService } from '../../../../lib/sync/sync-service';

// Each test drives the demo org over HTTP through several sync runs; on a machine shared with
// other test runs one can take well over vitest's default 5 s. Waits still end when done.
vi.setConfig({ testTimeout: 45_000 });

export type DemoUserName = 'riley' | 'sam' | 'morgan' | 'admin';

/**
 * One browser of one demo user: its own database (fake-indexeddb) and a SalesforceAccess that,
 * like the cookie one, hands out the session the browser holds and, on renewal, whatever the
 * browser holds now (a test signs in again to give it a fresh one).
 */
export function browserOf(org: DemoServer, user: DemoUserName, label = crypto.randomUUID().slice(0, 8)) {
  const session: Session = {
    orgId: demoOrgId,
    userId: userIds[user],
    userName: `${user}@precall.demo`,
    displayName: user,
    apiOrigin: org.url,
    dbName: `${databaseName(demoOrgId, userIds[user])}-${label}`,
    source: 'identity',
  };
  let token: string | null = org.org.signIn(`${user}@precall.demo`).token;
  let lastToken: string | null = null;
  const access: SalesforceAccess = {
    async connect() {
      if (!token) throw new BackgroundError('not-signed-in', 'Sign in to Salesforce');
      lastToken = token;
      return createConnection(org.url, token);
    },
    async renew() {
      if (!token || token === lastToken)
        throw new BackgroundError('not-signed-in', 'Your Salesforce session has expired');
      lastToken = token;
      return createConnection(org.url, token);
    },
  };
  let db = new PrecallDb(session.dbName);
  let now = () => new Date();
  const deps = (): SyncDeps => ({ access, now: () => now(), random: () => 0.5 });
  return {
    session,
    access,
    get db() {
      return db;
    },
    setNow(next: () => Date) {
      now = next;
    },
    /** The browser signs in again (a fresh sid cookie). */
    signInAgain() {
      token = org.org.signIn(`${user}@precall.demo`).token;
    },
    signOut() {
      token = null;
    },
    /** The service worker stops and starts: memory gone, the database stays. */
    restart() {
      db.close();
      db = new PrecallDb(session.dbName);
    },
    sync(request: RunRequest = { caches: false }, extra: Partial<SyncDeps> = {}) {
      return runSync({ ...deps(), ...extra }, db, session, request);
    },
    service(extra: Partial<SyncDeps> = {}) {
      return createSyncService({ ...deps(), ...extra });
    },
  };
}

export async function demoControl(org: DemoServer, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${org.url}/__demo/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__demo/${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A record as the org stores it, read as the admin would (no sharing). */
export function orgRecords(org: DemoServer, sobject: string) {
  return [...org.org.store.all(sobject)].filter((record) => record.IsDeleted !== true);
}

export function orgPlan(org: DemoServer, planKey: string) {
  return orgRecords(org, 'Call_Plan__c').find((record) => record.Plan_Key__c === planKey);
}
