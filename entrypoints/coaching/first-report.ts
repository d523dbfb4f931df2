import { request, type Send } from '../../lib/messaging/client';
import type { RequestOf } from '../../lib/messaging/protocol';
import type { CoachingReportView } from '../../lib/model/coaching/coaching-report-view';
import { localToday, periodOf } from './period';

export type ReportQuery = RequestOf<'coaching:report'>;

export interface ReportFilters {
  repId: string | null;
  preset: string;
  from: string;
  to: string;
}

/** The view opens on the whole team's last four weeks. */
export function openingFilters(now: Date, timeZone: string): ReportFilters {
  return { repId: null, preset: 'last-4-weeks', ...periodOf('last-4-weeks', localToday(now, timeZone)) };
}

export function reportQuery(origin: string, filters: ReportFilters, timeZone: string): ReportQuery {
  return {
    origin,
    from: filters.from,
    to: filters.to,
    timeZone,
    ...(filters.repId ? { repIds: [filters.repId] } : {}),
  };
}

export const sameQuery = (a: ReportQuery, b: ReportQuery) => JSON.stringify(a) === JSON.stringify(b);

/** A report asked for before the page's scripts load, and the question it answers. */
export interface FirstReport {
  query: ReportQuery;
  answer: Promise<CoachingReportView>;
}

const handOver = 'precallCoachingFirstReport';

/**
 * The coaching tab asks for its opening report as the page starts, from a small script of its
 * own (entrypoints/coaching-first-report.ts), so the background counts while the page loads and
 * renders React instead of after. Only a tab opened for a named org asks early.
 */
export function askFirstReport(search: string, send: Send, now: Date): void {
  const named = new URLSearchParams(search).get('origin');
  let origin: string;
  try {
    origin = new URL(named ?? '').origin;
  } catch {
    return;
  }
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const query = reportQuery(origin, openingFilters(now, timeZone), timeZone);
  const answer = request(send, 'coaching:report', query);
  // Whoever takes it handles a refusal; until then it is not an unhandled rejection.
  answer.catch(() => undefined);
  (globalThis as Record<string, unknown>)[handOver] = { query, answer } satisfies FirstReport;
}

/** The early report, once: a later page state asks afresh. */
export function takeFirstReport(): FirstReport | undefined {
  const global = globalThis as Record<string, unknown>;
  const found = global[handOver] as FirstReport | undefined;
  delete global[handOver];
  return found;
}
