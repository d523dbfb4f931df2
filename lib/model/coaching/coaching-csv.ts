import { figureIds, figureLabels, type IndicatorFigures, rateIds, rateLabels } from './coaching-figures';

/**
 * The coaching table as CSV (RFC 4180: every field quoted, quotes doubled, CRLF lines). A field a
 * spreadsheet would read as a formula (= + - @, and tab or carriage return before them) starts
 * with an apostrophe, so a rep's or deal's name can never run as one.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvOf(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export interface CsvScope {
  from: string;
  to: string;
  reps: { id: string; name: string }[];
  byRep: Record<string, IndicatorFigures>;
  total: IndicatorFigures;
  weeks: { weekStart: string; total: IndicatorFigures; byRep: Record<string, IndicatorFigures> }[];
}

/** Per rep and for the team, for the period and then week by week: every count and rate. */
export function coachingCsv(report: CsvScope): string {
  const header = [
    'Rep',
    'Period start',
    'Period end',
    ...figureIds.map((id) => figureLabels[id]),
    ...rateIds.map((id) => `${rateLabels[id]} (%)`),
  ];
  const line = (who: string, from: string, to: string, figures: IndicatorFigures | undefined) => [
    who,
    from,
    to,
    ...figureIds.map((id) => figures?.counts[id] ?? 0),
    ...rateIds.map((id) => {
      const rate = figures?.rates[id];
      return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
    }),
  ];
  const rows: (string | number | null)[][] = [header];
  const block = (from: string, to: string, total: IndicatorFigures, byRep: Record<string, IndicatorFigures>) => {
    for (const rep of report.reps) rows.push(line(rep.name, from, to, byRep[rep.id]));
    rows.push(line('Team', from, to, total));
  };
  block(report.from, report.to, report.total, report.byRep);
  for (const week of report.weeks) {
    const weekEnd = new Date(Date.parse(`${week.weekStart}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    const from = week.weekStart < report.from ? report.from : week.weekStart;
    const to = weekEnd > report.to ? report.to : weekEnd;
    block(from, to, week.total, week.byRep);
  }
  return csvOf(rows);
}
