import type { BadgeSummaries } from '../model/badge-summary';

/**
 * The badges' side of the protocol that senders may import at runtime (no zod): the request
 * size, and the update the background pushes to a tab after Salesforce answered.
 */
export const badgeIdsPerRequest = 500;

/** Sent by the background to the frame that asked, when pulled plans changed what its badges say. */
export interface BadgeUpdate {
  precall: 1;
  type: 'badges:update';
  origin: string;
  summaries: BadgeSummaries;
}

export function badgeUpdate(origin: string, summaries: BadgeSummaries): BadgeUpdate {
  return { precall: 1, type: 'badges:update', origin, summaries };
}

/** Only the background can message a content script, but an update is still checked before use. */
export function isBadgeUpdate(message: unknown, origin: string): message is BadgeUpdate {
  const update = message as Partial<BadgeUpdate> | null;
  return (
    update?.type === 'badges:update' &&
    update.origin === origin &&
    typeof update.summaries === 'object' &&
    !!update.summaries
  );
}
