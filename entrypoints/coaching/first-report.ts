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
  /** The filters the question was asked with (the view's opening ones). */
  filters: ReportFilters;
  answer: Promise<CoachingReportView>;
  /** The answer once it came: React opens on it in its first render. */
  report?: CoachingReportView;
}

const handOver = 'precallCoachingFirstReport';

/**
 * The coaching tab asks for its opening report as the page starts, from a small script of its
 * own (entrypoints/coaching-first-report.ts), so the background counts while the page loads and
 * renders React instead of after. Only a tab opened for a named org asks early.
 */
export function askFirstReport(search: string, send: Send, now: Date): FirstReport | undefined {
  const named = new URLSearchParams(search).get('origin');
  let origin: string;
  try {
    origin = new URL(named ?? '').origin;
  } catch {
    return undefined;
  }
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const filters = openingFilters(now, timeZone);
  const query = reportQuery(origin, filters, timeZone);
  const answer = request(send, 'coaching:report', query);
  const first: FirstReport = { query, filters, answer };
  // Whoever takes it handles a refusal; until then it is not an unhandled rejection.
  answer.then(
    (report) => {
      first.report = report;
    },
    () => undefined,
  );
  (globalThis as Record<string, unknown>)[handOver] = first;
  return first;
}

/** The early report, once: a later page state asks afresh. */
export function takeFirstReport(): FirstReport | undefined {
  const global = globalThis as Record<string, unknown>;
  const found = global[handOver] as FirstReport | undefined;
  delete global[handOver];
  return found;
}

/** After a second without an answer (a user notices), the page says it is counting instead of staying blank. */
export const slowAnswerMs = 1000;

/**
 * When React renders the view: once the early report has come and the frame that paints it has
 * passed, so React replaces the early figures with the same ones and never holds that frame back;
 * or after `slowMs` when no answer has come (a worker starting cold over a large database), so the
 * page says it is counting instead of staying blank. Without an early report, at once.
 */
export function whenToRender(
  first: FirstReport | undefined,
  afterNextPaint: () => Promise<void>,
  slowMs = slowAnswerMs,
): Promise<void> {
  if (!first) return Promise.resolve();
  const painted = first.answer.then(afterNextPaint, () => undefined);
  const slow = new Promise<void>((resolve) => setTimeout(resolve, slowMs));
  return Promise.race([painted, slow]);
}
