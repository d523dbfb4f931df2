import type { ApiContext } from './api-context';
import { ApiError } from './api-error';
import { parseDateTime } from './format';

/**
 * The `start` / `end` of getUpdated and getDeleted. Salesforce drops the seconds of both
 * (12:30:15 → 12:30:00) and refuses windows reaching further back than it keeps (30 days of
 * changes, 15 of deletions) or ending before they start.
 */
export function replicationWindow(ctx: ApiContext, maxDays: number): { start: number; end: number; now: number } {
  const read = (name: 'start' | 'end') => {
    const raw = ctx.url.searchParams.get(name);
    if (raw === null || raw === '') throw ApiError.of(400, 'MISSING_ARGUMENT', `${name} parameter is required`);
    // jsforce sends `+00:00`, which URL decoding may have turned into a space.
    const parsed = parseDateTime(raw.replace(' ', '+'));
    if (!parsed) throw ApiError.of(400, 'INVALID_REPLICATION_DATE', `${name} date is not a valid date: ${raw}`);
    return Math.floor(parsed.getTime() / 60000) * 60000;
  };
  const start = read('start');
  const end = read('end');
  const now = ctx.org.clock.now().getTime();
  if (end < start) throw ApiError.of(400, 'INVALID_REPLICATION_DATE', 'EndDate before StartDate');
  if (start < now - maxDays * 24 * 60 * 60 * 1000) {
    throw ApiError.of(400, 'INVALID_REPLICATION_DATE', `startDate cannot be more than ${maxDays} days ago`);
  }
  return { start, end, now };
}
