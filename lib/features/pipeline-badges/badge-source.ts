import { badgeIdsPerRequest, isBadgeUpdate } from '../../messaging/badge-messages';
import type { Send } from '../../messaging/client';
import type { Envelope, Reply, ResponseMap } from '../../messaging/protocol';
import type { BadgeSummary } from '../../model/badge-summary';

export interface MessageEvents {
  addListener(listener: (message: unknown) => void): void;
  removeListener(listener: (message: unknown) => void): void;
}

export interface BadgeSourceOptions {
  /** `browser.runtime.sendMessage`. */
  send: Send;
  /** `browser.runtime.onMessage`: the background pushes updates after a pull from Salesforce. */
  messages?: MessageEvents;
  origin: string;
  /** Summaries arrived (an answer or an update) for these ids. */
  onSummaries(opportunityIds: string[]): void;
  signal: AbortSignal;
}

export interface BadgeSource {
  summaryOf(opportunityId: string): BadgeSummary | undefined;
  /** Notes ids the page shows; those never asked for go out with the next `flush`. */
  want(opportunityIds: Iterable<string>): void;
  /** Sends every id wanted since the last flush in one message (split only beyond the protocol's limit). */
  flush(): void;
  /** Asks again for these ids (the tab came back into view, so plans may have changed). */
  refresh(opportunityIds: Iterable<string>): void;
}

/**
 * The badges' data on the page: each id is asked for once per page, all ids seen in a frame in
 * one message; answers and later updates land in one cache. A background that cannot answer
 * (signed out, offline) leaves the badges away, quietly.
 */
export function createBadgeSource(options: BadgeSourceOptions): BadgeSource {
  const summaries = new Map<string, BadgeSummary>();
  const asked = new Set<string>();
  const wanted = new Set<string>();

  const accept = (received: Record<string, BadgeSummary>) => {
    if (options.signal.aborted) return;
    const ids = Object.keys(received);
    for (const id of ids) summaries.set(id, received[id] as BadgeSummary);
    if (ids.length > 0) options.onSummaries(ids);
  };

  const onMessage = (message: unknown) => {
    if (isBadgeUpdate(message, options.origin)) accept(message.summaries);
  };
  options.messages?.addListener(onMessage);
  options.signal.addEventListener('abort', () => options.messages?.removeListener(onMessage), { once: true });

  function want(opportunityIds: Iterable<string>): void {
    for (const id of opportunityIds) if (!asked.has(id)) wanted.add(id);
  }

  function flush(): void {
    if (wanted.size === 0 || options.signal.aborted) return;
    const ids = [...wanted];
    wanted.clear();
    for (const id of ids) asked.add(id);
    for (let start = 0; start < ids.length; start += badgeIdsPerRequest) {
      const envelope: Envelope = {
        precall: 1,
        type: 'badges:get',
        payload: { origin: options.origin, opportunityIds: ids.slice(start, start + badgeIdsPerRequest) },
      };
      // Not signed in, offline or the extension reloading: no badges rather than wrong ones.
      options.send(envelope).then((reply) => {
        const answer = reply as Reply<ResponseMap['badges:get']> | undefined;
        if (answer?.ok) accept(answer.data);
      }, ignore);
    }
  }

  function refresh(opportunityIds: Iterable<string>): void {
    const ids = [...opportunityIds];
    for (const id of ids) asked.delete(id);
    want(ids);
    flush();
  }

  return { summaryOf: (id) => summaries.get(id), want, flush, refresh };
}

function ignore(): void {}
