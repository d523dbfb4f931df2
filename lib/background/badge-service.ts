import type { PrecallDb } from '../db/precall-db';
import { readBadges } from '../db/read-badges';
import { badgeUpdate } from '../messaging/badge-messages';
import type { Session } from '../messaging/protocol';
import type { BadgeSummaries } from '../model/badge-summary';
import type { MessageSender } from './check-sender';

/** Pulled plans count as current this long; within it a list view costs Salesforce nothing. */
export const badgeFreshnessMs = 2 * 60_000;
/** Ids asked for within this window are pulled together, so a scrolled list is one pull. */
export const badgePullCoalesceMs = 250;
/** After a failed pull the same ids wait this long before Salesforce is asked again. */
export const badgeRetryMs = 30_000;

export interface BadgeServiceDeps {
  now(): Date;
  /** Sync's pull by id: plans, objections, the opportunity and its meetings into the user's database. */
  pullOpportunities?(session: Session, opportunityIds: readonly string[]): Promise<unknown>;
  /** `browser.tabs.sendMessage` to one frame of a tab. */
  sendToTab?(tabId: number, message: unknown, frameId?: number): Promise<unknown>;
  freshnessMs?: number;
  coalesceMs?: number;
  retryMs?: number;
}

/** Content scripts carry their tab and frame; extension pages have no tab to update. */
export type BadgeSender = MessageSender & { tab?: { id?: number }; frameId?: number };

interface Target {
  tabId: number;
  frameId: number | undefined;
  origin: string;
  /** Ids this frame asked for that are still waiting for a pull. */
  waiting: Set<string>;
}

/** Per database: what is being pulled, what waits, and when each id was last pulled or failed. */
interface PullQueue {
  session: Session;
  db: PrecallDb;
  waiting: Set<string>;
  pulling: Set<string>;
  pulledAt: Map<string, number>;
  failedAt: Map<string, number>;
  targets: Map<string, Target>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Badges answer at once from IndexedDB; ids the database has never pulled, or pulled longer ago
 * than the freshness window, are then pulled from Salesforce in one coalesced, single-flight
 * pull per database, and every frame that asked for them gets a `badges:update` when it lands.
 */
export function createBadgeService(deps: BadgeServiceDeps) {
  const freshnessMs = deps.freshnessMs ?? badgeFreshnessMs;
  const coalesceMs = deps.coalesceMs ?? badgePullCoalesceMs;
  const retryMs = deps.retryMs ?? badgeRetryMs;
  const queues = new Map<string, PullQueue>();

  async function answer(
    request: { origin: string; opportunityIds: string[] },
    db: PrecallDb,
    session: Session,
    sender: BadgeSender,
  ): Promise<BadgeSummaries> {
    const now = deps.now();
    const read = await readBadges(db, request.opportunityIds, now);
    if (deps.pullOpportunities) {
      const queue = queueOf(session, db);
      const stale = request.opportunityIds.filter((id) => needsPull(queue, id, read.plansFetchedAt[id], now.getTime()));
      if (stale.length > 0) enqueue(queue, stale, targetOf(sender, request.origin));
    }
    return read.summaries;
  }

  function queueOf(session: Session, db: PrecallDb): PullQueue {
    let queue = queues.get(session.dbName);
    if (!queue) {
      queue = {
        session,
        db,
        waiting: new Set(),
        pulling: new Set(),
        pulledAt: new Map(),
        failedAt: new Map(),
        targets: new Map(),
        timer: undefined,
      };
      queues.set(session.dbName, queue);
    }
    return queue;
  }

  function needsPull(queue: PullQueue, id: string, fetchedAt: string | null | undefined, nowMs: number): boolean {
    const pulled = Math.max(fetchedAt ? Date.parse(fetchedAt) : 0, queue.pulledAt.get(id) ?? 0);
    if (nowMs - pulled < freshnessMs) return false;
    return nowMs - (queue.failedAt.get(id) ?? 0) >= retryMs;
  }

  function enqueue(queue: PullQueue, ids: string[], target: Omit<Target, 'waiting'> | undefined): void {
    const waitingTarget = target ? targetIn(queue, target) : undefined;
    for (const id of ids) {
      waitingTarget?.waiting.add(id);
      if (!queue.pulling.has(id)) queue.waiting.add(id);
    }
    schedule(queue);
  }

  function schedule(queue: PullQueue): void {
    if (queue.timer !== undefined || queue.pulling.size > 0 || queue.waiting.size === 0) return;
    queue.timer = setTimeout(() => {
      queue.timer = undefined;
      void pull(queue);
    }, coalesceMs);
  }

  async function pull(queue: PullQueue): Promise<void> {
    const ids = [...queue.waiting];
    queue.waiting.clear();
    for (const id of ids) queue.pulling.add(id);
    let pulled = false;
    try {
      await deps.pullOpportunities?.(queue.session, ids);
      pulled = true;
    } catch (error) {
      // Offline, signed out or over the API limit: badges keep what the database had.
      console.warn('Precall: could not pull plans for badges', error);
    }
    const at = deps.now().getTime();
    for (const id of ids) {
      queue.pulling.delete(id);
      (pulled ? queue.pulledAt : queue.failedAt).set(id, at);
    }
    if (pulled) await notify(queue, ids);
    else for (const target of queue.targets.values()) for (const id of ids) target.waiting.delete(id);
    dropIdleTargets(queue);
    schedule(queue);
  }

  async function notify(queue: PullQueue, ids: string[]): Promise<void> {
    const pulled = new Set(ids);
    for (const target of queue.targets.values()) {
      const landed = [...target.waiting].filter((id) => pulled.has(id));
      if (landed.length === 0) continue;
      for (const id of landed) target.waiting.delete(id);
      try {
        const { summaries } = await readBadges(queue.db, landed, deps.now());
        await deps.sendToTab?.(target.tabId, badgeUpdate(target.origin, summaries), target.frameId);
      } catch {
        // The tab was closed or navigated away; nobody is left to update.
      }
    }
  }

  return { answer };
}

function targetOf(sender: BadgeSender, origin: string): Omit<Target, 'waiting'> | undefined {
  const tabId = sender.tab?.id;
  return typeof tabId === 'number' ? { tabId, frameId: sender.frameId, origin } : undefined;
}

function targetIn(queue: PullQueue, target: Omit<Target, 'waiting'>): Target {
  const key = `${target.tabId}:${target.frameId ?? 0}`;
  let existing = queue.targets.get(key);
  if (!existing) {
    existing = { ...target, waiting: new Set() };
    queue.targets.set(key, existing);
  }
  existing.origin = target.origin;
  return existing;
}

function dropIdleTargets(queue: PullQueue): void {
  for (const [key, target] of queue.targets) if (target.waiting.size === 0) queue.targets.delete(key);
}
