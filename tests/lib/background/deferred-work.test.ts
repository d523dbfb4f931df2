import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createDeferredWork } from '../../../lib/background/deferred-work';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import { signInMessageTypes } from '../../../lib/messaging/protocol';
import { openSignInStore } from '../../../lib/salesforce/sign-in/sign-in-store';

const now = new Date('2026-03-04T12:00:00.000Z');

beforeEach(() => fakeBrowser.reset());

/** The deferred work as the worker wires it, over the test's fake browser and its own databases. */
function deferredWork() {
  const suffix = crypto.randomUUID().slice(0, 8);
  const deleted: string[] = [];
  const work = createDeferredWork({
    store: openSignInStore(`precall-sign-in-${suffix}`),
    openDb: (session) => new PrecallDb(`${session.dbName}-${suffix}`),
    deleteDatabase: async (name) => void deleted.push(name),
    now: () => now,
  });
  return { work, deleted };
}

describe("the worker's deferred work, wired", () => {
  it('answers every sign-in message of the protocol', () => {
    const { work } = deferredWork();
    expect(Object.keys(work.signIn).sort()).toEqual([...signInMessageTypes].sort());
  });

  it("lists this browser's sign-ins with the OAuth callback page of this extension", async () => {
    const { work } = deferredWork();
    expect(await work.signIn['signin:accounts']({})).toEqual({
      accounts: [],
      callbackUrl: fakeBrowser.runtime.getURL('/oauth.html'),
    });
  });

  it('starts OAuth in a new tab at the org’s authorize page, coming back to this extension', async () => {
    const { work } = deferredWork();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    const { authorizeUrl } = (await work.signIn['oauth:start']({
      loginUrl: 'https://login.salesforce.com',
      clientId: 'precall-consumer-key',
    })) as { authorizeUrl: string };
    const url = new URL(authorizeUrl);
    expect(url.origin).toBe('https://login.salesforce.com');
    expect(url.searchParams.get('redirect_uri')).toBe(fakeBrowser.runtime.getURL('/oauth.html'));
    expect(opened).toHaveBeenCalledWith({ url: authorizeUrl });
  });

  it('forgets an org with nothing of it in this browser without touching a database', async () => {
    const { work, deleted } = deferredWork();
    const answer = await work.signIn['account:forget']({ orgId: '00D5g00000PrcALEAZ', confirm: true });
    expect(answer).toMatchObject({ unsyncedPlans: [] });
    expect(deleted).toEqual([]);
  });

  it('counts a coaching report and tells the sync status from the local database', async () => {
    const { work } = deferredWork();
    const session = { dbName: `wired-${crypto.randomUUID()}`, userId: '0055g00000Rly01AAB' } as Session;
    const db = new PrecallDb(session.dbName);
    const view = await work.coaching.report(
      { origin: 'https://acme.lightning.force.com', from: '2026-02-09', to: '2026-03-04', timeZone: 'UTC' },
      db,
      session,
    );
    expect(view.viewer.role).toBe('rep');
    expect(await work.sync.status(db)).toMatchObject({ pending: 0, rejected: 0, conflicts: 0, unsynced: 0 });
  });
});
