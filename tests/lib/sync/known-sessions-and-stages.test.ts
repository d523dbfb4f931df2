import { beforeEach, describe, expect, it, vi } from 'vitest';
import { orgStagesRowName } from '../../../lib/db/playbook-rows';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import type { SessionStorageArea } from '../../../lib/sync/known-sessions';
import { orgStagesFreshForMs, orgStagesOf, refreshOrgStages } from '../../../lib/sync/org-stages';
import type { SObjectDescribe } from '../../../lib/sync/salesforce-client';
import type { SyncContext } from '../../../lib/sync/sync-context';

const riley: Session = {
  orgId: '00D5g00000PrcALEAZ',
  userId: '0055g00000Rly01AAB',
  userName: 'riley@precall.demo',
  displayName: 'Riley Chen',
  apiOrigin: 'https://acme.my.salesforce.com',
  dbName: 'precall-00D5g00000PrcALEAZ-0055g00000Rly01AAB',
  source: 'identity',
};
const sam: Session = {
  ...riley,
  userId: '0055g00000Sam01AAB',
  userName: 'sam@precall.demo',
  displayName: 'Sam Ortiz',
  dbName: 'precall-00D5g00000PrcALEAZ-0055g00000Sam01AAB',
};

const knownSessionsKey = 'precall:sync-sessions';

function memoryArea(initial?: unknown): SessionStorageArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = initial === undefined ? {} : { [knownSessionsKey]: initial };
  return {
    items,
    get: async (key) => ({ [key]: items[key] }),
    set: async (more) => void Object.assign(items, more),
  };
}

describe('the users this browser syncs for', () => {
  // Their schema is built on first parse (z.lazy): each test loads it afresh, so the test that
  // checks a field is the one that builds it.
  let readKnownSessions: typeof import('../../../lib/sync/known-sessions').readKnownSessions;
  let rememberSession: typeof import('../../../lib/sync/known-sessions').rememberSession;
  beforeEach(async () => {
    vi.resetModules();
    ({ readKnownSessions, rememberSession } = await import('../../../lib/sync/known-sessions'));
  });

  it('keeps a session told by its cached identity as one told by Salesforce', async () => {
    const area = memoryArea();
    const cached: Session = { ...riley, source: 'cached' };
    await rememberSession(area, cached, new Date('2026-03-04T09:00:00.000Z'));
    expect(await readKnownSessions(area)).toEqual([{ session: cached, lastActiveAt: '2026-03-04T09:00:00.000Z' }]);
  });

  it('keeps them under its own key in the storage area', async () => {
    const area = memoryArea();
    await rememberSession(area, riley, new Date('2026-03-04T09:00:00.000Z'));
    expect(area.items).toEqual({ [knownSessionsKey]: [{ session: riley, lastActiveAt: '2026-03-04T09:00:00.000Z' }] });
  });

  it('remembers each user once, with when they were last active, and says who is new', async () => {
    const area = memoryArea();
    expect(await rememberSession(area, riley, new Date('2026-03-04T09:00:00.000Z'))).toBe(true);
    expect(await rememberSession(area, sam, new Date('2026-03-04T09:05:00.000Z'))).toBe(true);
    expect(await rememberSession(area, riley, new Date('2026-03-04T10:00:00.000Z'))).toBe(false);
    expect(await readKnownSessions(area)).toEqual([
      { session: sam, lastActiveAt: '2026-03-04T09:05:00.000Z' },
      { session: riley, lastActiveAt: '2026-03-04T10:00:00.000Z' },
    ]);
  });

  it.each<[string, unknown]>([
    ['nothing stored', undefined],
    ['not a list', { session: riley }],
  ])('reads no one from %s', async (_case, stored) => {
    expect(await readKnownSessions(memoryArea(stored))).toEqual([]);
  });

  it.each<[string, Partial<Session> | { lastActiveAt: string }]>([
    ['an org id of another kind', { orgId: '0015g00000PrcALEAZ' }],
    ['a 15-character user id', { userId: '0055g00000Rly01' }],
    ['a user id with something after it', { userId: '0055g00000Rly01AABx' }],
    ['an origin that is not a URL', { apiOrigin: 'acme' }],
    ['a database of another name', { dbName: 'evil-00D5g00000PrcALEAZ-0055g00000Rly01AAB' }],
    ['a database name with something after it', { dbName: `${riley.dbName}-x` }],
    ['a source it does not know', { source: 'guessed' as Session['source'] }],
    ['no user name', { userName: undefined }],
    ['no display name', { displayName: undefined }],
    ['a user id of another kind', { userId: '0065g00000Rly01AAB' }],
    ['an org id with something after it', { orgId: '00D5g00000PrcALEAZx' }],
    ['an org id with something before it', { orgId: 'x00D5g00000PrcALEAZ' }],
    ['a user id with something before it', { userId: 'x0055g00000Rly01AAB' }],
    ['a database name with something before it', { dbName: `x${riley.dbName}` }],
  ])('refuses, entry by entry, a user with %s', async (_case, change) => {
    const good = { session: riley, lastActiveAt: '2026-03-04T09:00:00.000Z' };
    const bad = { session: { ...sam, ...change }, lastActiveAt: '2026-03-04T09:00:00.000Z' };
    expect(await readKnownSessions(memoryArea([bad, good]))).toEqual([good]);
  });

  it.each<[string, unknown]>([
    ['a last activity that is not a time', { session: riley, lastActiveAt: 'yesterday' }],
    ['no last activity', { session: riley }],
    ['no session', { lastActiveAt: '2026-03-04T09:00:00.000Z' }],
  ])('refuses an entry with %s', async (_case, entry) => {
    expect(await readKnownSessions(memoryArea([entry]))).toEqual([]);
  });
});

const describeOf = (values: { value: string; label?: string; active?: boolean }[]) =>
  ({ fields: [{ name: 'Amount' }, { name: 'StageName', picklistValues: values }] }) as unknown as SObjectDescribe;

describe("the org's opportunity stages", () => {
  it('are the active StageName values, in the org’s order, labelled', () => {
    expect(
      orgStagesOf(
        describeOf([
          { value: 'Prospecting', label: 'Prospecting' },
          { value: 'Old Stage', label: 'Old', active: false },
          { value: 'Proposal/Price Quote' },
          { value: 'Closed Won', label: 'Won', active: true },
        ]),
      ),
    ).toEqual([
      { value: 'Prospecting', label: 'Prospecting' },
      { value: 'Proposal/Price Quote', label: 'Proposal/Price Quote' },
      { value: 'Closed Won', label: 'Won' },
    ]);
    expect(orgStagesOf({ fields: [] } as unknown as SObjectDescribe)).toEqual([]);
  });

  it('are read again only after a day, or when asked, in one describe', async () => {
    const db = new PrecallDb(`test-${crypto.randomUUID()}`);
    let clock = Date.parse('2026-03-04T09:00:00.000Z');
    const describe = vi.fn(async () => describeOf([{ value: 'Prospecting' }]));
    const ctx = { db, now: () => new Date(clock), salesforce: { describe } } as unknown as SyncContext;
    expect(await refreshOrgStages(ctx)).toBe(true);
    expect(await db.orgStages.get(orgStagesRowName)).toEqual({
      name: orgStagesRowName,
      stages: [{ value: 'Prospecting', label: 'Prospecting' }],
      fetchedAt: '2026-03-04T09:00:00.000Z',
    });
    clock += orgStagesFreshForMs - 1;
    expect(await refreshOrgStages(ctx)).toBe(false);
    expect(await refreshOrgStages(ctx, { force: true })).toBe(true);
    clock += orgStagesFreshForMs;
    expect(await refreshOrgStages(ctx)).toBe(true);
    expect(describe).toHaveBeenCalledTimes(3);
    expect(describe).toHaveBeenCalledWith('Opportunity');
  });

  it('are left as they are by a client that cannot describe', async () => {
    const db = new PrecallDb(`test-${crypto.randomUUID()}`);
    const ctx = { db, now: () => new Date(), salesforce: {} } as unknown as SyncContext;
    expect(await refreshOrgStages(ctx)).toBe(false);
    expect(await db.orgStages.count()).toBe(0);
  });
});
