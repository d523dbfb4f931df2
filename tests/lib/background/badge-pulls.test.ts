import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type BadgeSender,
  badgeFreshnessMs,
  badgePullCoalesceMs,
  badgeRetryMs,
  createBadgeService,
} from '../../../lib/background/badge-service';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { BadgeUpdate } from '../../../lib/messaging/badge-messages';
import type { Session } from '../../../lib/messaging/protocol';

const origin = 'https://acme.lightning.force.com';
const [dealA, dealB] = ['0065g00000Nwd01AAB', '0065g00000Glx01AAB'];
const frame = (tabId: number, frameId?: number): BadgeSender => ({ id: 'precall', tab: { id: tabId }, frameId });
const start = new Date('2026-03-10T09:00:00.000Z').getTime();

let clock = start;
let db: PrecallDb;
const session = { dbName: 'badges', userId: '0055g00000Rly01AAB' } as Session;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  clock = start;
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The badge service with a pull that succeeds (or fails) and a record of what each frame was sent. */
function service(options: { fail?: boolean; coalesceMs?: number } = {}) {
  const pulls: string[][] = [];
  const sent: { tabId: number; frameId?: number; ids: string[] }[] = [];
  const badges = createBadgeService({
    now: () => new Date(clock),
    pullOpportunities: async (_session, ids) => {
      pulls.push([...ids]);
      if (options.fail) throw new Error('Salesforce unreachable');
    },
    sendToTab: async (tabId, message, frameId) => {
      sent.push({ tabId, frameId, ids: Object.keys((message as BadgeUpdate).summaries).sort() });
    },
    ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
  });
  const ask = (ids: string[], sender: BadgeSender = frame(7, 0)) =>
    badges.answer({ origin, opportunityIds: ids }, db, session, sender);
  return { ask, pulls, sent };
}

/**
 * Lets the coalescing timer fire and the pull, with its updates, finish: IndexedDB (fake-indexeddb)
 * answers on timers too, so time moves on a millisecond at a time for a while. The service reads
 * its own clock, which stays where the test put it.
 */
async function settle(ms = badgePullCoalesceMs): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let tick = 0; tick < 50; tick++) await vi.advanceTimersByTimeAsync(1);
}

describe('badge pulls', () => {
  it(`waits ${badgePullCoalesceMs} ms by default, so ids asked together are pulled together`, async () => {
    const { ask, pulls } = service();
    await ask([dealA]);
    await vi.advanceTimersByTimeAsync(badgePullCoalesceMs - 1);
    await ask([dealB]);
    expect(pulls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(pulls).toEqual([[dealA, dealB]]);
  });

  it.each([
    ['after a pull, counts an id as current for the freshness window', badgeFreshnessMs, false],
    ['after a failed pull, asks again only once the retry wait has passed', badgeRetryMs, true],
  ])('%s, and pulls it again after', async (_case, windowMs, fail) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ask, pulls } = service({ fail, coalesceMs: 0 });
    await ask([dealA]);
    await settle(0);
    clock += windowMs - 1;
    await ask([dealA]);
    await settle(0);
    expect(pulls).toHaveLength(1);
    clock += 1;
    await ask([dealA]);
    await settle(0);
    expect(pulls).toHaveLength(2);
  });

  it('counts what sync already pulled for the opportunity (its plansFetchedAt) as fresh too', async () => {
    await db.opportunities.put({
      id: dealA,
      name: 'Acme pilot',
      stageName: 'Prospecting',
      closeDate: null,
      amount: null,
      ownerId: session.userId,
      accountId: null,
      accountName: null,
      isClosed: false,
      isWon: false,
      fetchedAt: new Date(clock).toISOString(),
      plansFetchedAt: new Date(clock - 1000).toISOString(),
    } as never);
    const { ask, pulls } = service({ coalesceMs: 0 });
    await ask([dealA, dealB]);
    await settle(0);
    expect(pulls).toEqual([[dealB]]);
  });

  it('a failed pull updates no one and says why in the console', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ask, sent } = service({ fail: true, coalesceMs: 0 });
    await ask([dealA]);
    await settle(0);
    expect(sent).toEqual([]);
    expect(console.warn).toHaveBeenCalledWith('Precall: could not pull plans for badges', expect.any(Error));
  });

  it('updates each frame that asked, with the ids it asked for only', async () => {
    const { ask, sent } = service({ coalesceMs: 0 });
    await ask([dealA], frame(7, 0));
    await ask([dealB], frame(7, 3));
    await ask([dealA, dealB], frame(9));
    await settle(0);
    expect(sent).toEqual([
      { tabId: 7, frameId: 0, ids: [dealA] },
      { tabId: 7, frameId: 3, ids: [dealB] },
      { tabId: 9, frameId: undefined, ids: [dealA, dealB].sort() },
    ]);
  });

  it('pulls for a page with no tab (an extension page) without updating anyone', async () => {
    const { ask, pulls, sent } = service({ coalesceMs: 0 });
    await ask([dealA], { id: 'precall', url: 'chrome-extension://precall/coaching.html' });
    await settle(0);
    expect(pulls).toEqual([[dealA]]);
    expect(sent).toEqual([]);
  });

  it('ids asked while a pull runs wait for it, then go in the next pull', async () => {
    let release = () => {};
    const pulls: string[][] = [];
    const badges = createBadgeService({
      now: () => new Date(clock),
      coalesceMs: 0,
      pullOpportunities: (_session, ids) => {
        pulls.push([...ids]);
        return pulls.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    const ask = (ids: string[]) => badges.answer({ origin, opportunityIds: ids }, db, session, frame(7, 0));
    await ask([dealA]);
    await settle(0);
    await ask([dealA, dealB]);
    await settle(0);
    expect(pulls).toEqual([[dealA]]);
    release();
    await settle(0);
    expect(pulls).toEqual([[dealA], [dealB]]);
  });

  it('updates a frame with each pull’s ids as that pull lands, not with ids still on their way', async () => {
    let release = () => {};
    const sent: string[][] = [];
    const badges = createBadgeService({
      now: () => new Date(clock),
      coalesceMs: 0,
      pullOpportunities: () =>
        release === noop ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
      sendToTab: async (_tab, message) => void sent.push(Object.keys((message as BadgeUpdate).summaries)),
    });
    const noop = release;
    const ask = (ids: string[]) => badges.answer({ origin, opportunityIds: ids }, db, session, frame(7, 0));
    await ask([dealA]);
    await settle(0);
    await ask([dealB]);
    release();
    await settle(0);
    expect(sent).toEqual([[dealA], [dealB]]);
  });

  it('keeps the documented windows: fresh for two minutes, a failed pull retried after 30 s, asks gathered for 250 ms', () => {
    expect([badgeFreshnessMs, badgeRetryMs, badgePullCoalesceMs]).toEqual([120_000, 30_000, 250]);
  });
});
