/**
 * Relative date literals (TODAY, LAST_N_DAYS:n…) as half-open UTC ranges [start, end) in epoch
 * milliseconds. The demo org runs in UTC with weeks starting on Sunday (the en_US locale) and a
 * fiscal year equal to the calendar year, so fiscal literals match their calendar twins.
 */
export interface MillisRange {
  start: number;
  end: number;
}

const day = 86_400_000;

export function dateLiteralRange(literal: string, n: number, now: Date): MillisRange | null {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const week = today - now.getUTCDay() * day;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const quarter = month - (month % 3);
  const months = (from: number, count: number): MillisRange => ({
    start: Date.UTC(year, from, 1),
    end: Date.UTC(year, from + count, 1),
  });
  const days = (from: number, count: number): MillisRange => ({ start: from, end: from + count * day });
  const name = literal.toUpperCase().replace(/:.*$/, '').replace('_FISCAL_', '_');
  switch (name) {
    case 'YESTERDAY':
      return days(today - day, 1);
    case 'TODAY':
      return days(today, 1);
    case 'TOMORROW':
      return days(today + day, 1);
    case 'LAST_WEEK':
      return days(week - 7 * day, 7);
    case 'THIS_WEEK':
      return days(week, 7);
    case 'NEXT_WEEK':
      return days(week + 7 * day, 7);
    case 'LAST_MONTH':
      return months(month - 1, 1);
    case 'THIS_MONTH':
      return months(month, 1);
    case 'NEXT_MONTH':
      return months(month + 1, 1);
    case 'LAST_QUARTER':
      return months(quarter - 3, 3);
    case 'THIS_QUARTER':
      return months(quarter, 3);
    case 'NEXT_QUARTER':
      return months(quarter + 3, 3);
    case 'LAST_YEAR':
      return months(-12, 12);
    case 'THIS_YEAR':
      return months(0, 12);
    case 'NEXT_YEAR':
      return months(12, 12);
    // LAST_N_DAYS and LAST_90_DAYS include today; NEXT_N_DAYS starts tomorrow (Salesforce docs).
    case 'LAST_90_DAYS':
      return { start: today - 90 * day, end: today + day };
    case 'NEXT_90_DAYS':
      return days(today + day, 90);
    case 'LAST_N_DAYS':
      return { start: today - n * day, end: today + day };
    case 'NEXT_N_DAYS':
      return days(today + day, n);
    case 'N_DAYS_AGO':
      return days(today - n * day, 1);
    // The week, month, quarter and year variants cover whole periods before or after the current one.
    case 'LAST_N_WEEKS':
      return days(week - 7 * n * day, 7 * n);
    case 'NEXT_N_WEEKS':
      return days(week + 7 * day, 7 * n);
    case 'N_WEEKS_AGO':
      return days(week - 7 * n * day, 7);
    case 'LAST_N_MONTHS':
      return months(month - n, n);
    case 'NEXT_N_MONTHS':
      return months(month + 1, n);
    case 'N_MONTHS_AGO':
      return months(month - n, 1);
    case 'LAST_N_QUARTERS':
      return months(quarter - 3 * n, 3 * n);
    case 'NEXT_N_QUARTERS':
      return months(quarter + 3, 3 * n);
    case 'N_QUARTERS_AGO':
      return months(quarter - 3 * n, 3);
    case 'LAST_N_YEARS':
      return months(-12 * n, 12 * n);
    case 'NEXT_N_YEARS':
      return months(12, 12 * n);
    case 'N_YEARS_AGO':
      return months(-12 * n, 12);
    default:
      return null;
  }
}
