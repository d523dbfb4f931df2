import { describe, expect, it } from 'vitest';
import { coachingCsv, csvField, csvOf } from '../../../../lib/model/coaching/coaching-csv';
import { figureIds, type IndicatorFigures, rateIds } from '../../../../lib/model/coaching/coaching-figures';

describe('CSV export', () => {
  it.each([
    ['plain', 'Riley Chen', '"Riley Chen"'],
    ['a quote doubled', 'Say "yes"', '"Say ""yes"""'],
    ['a comma and a line break kept inside the quotes', 'a,b\nc', '"a,b\nc"'],
    ['a formula neutralised', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['plus', '+1 555', `"'+1 555"`],
    ['minus', '-2+3', `"'-2+3"`],
    ['at', '@SUM(A1)', `"'@SUM(A1)"`],
    ['tab', '\t=1', `"'\t=1"`],
    ['carriage return', '\r=1', `"'\r=1"`],
    ['a formula sign later in the text left alone', 'Acme = best', '"Acme = best"'],
    ['a number', 42, '"42"'],
    ['a negative number is a number, not a formula', -1, '"-1"'],
    ['nothing', null, '""'],
  ])('%s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends every line with CRLF', () => {
    expect(
      csvOf([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('"a","1"\r\n"b",""\r\n');
  });

  it('lists each rep and the team for the period, then for each week clipped to the period', () => {
    const figures = (held: number, rate: number | null): IndicatorFigures => ({
      counts: Object.fromEntries(
        figureIds.map((id) => [id, id === 'coverage.held' ? held : 0]),
      ) as IndicatorFigures['counts'],
      rates: Object.fromEntries(
        rateIds.map((id) => [id, id === 'coverage' ? rate : null]),
      ) as IndicatorFigures['rates'],
      mostFrequent: [],
    });
    const csv = coachingCsv({
      from: '2026-03-04',
      to: '2026-03-10',
      reps: [{ id: 'r', name: '=Riley' }],
      total: figures(3, 2 / 3),
      byRep: { r: figures(3, 2 / 3) },
      weeks: [
        { weekStart: '2026-03-02', total: figures(1, 1), byRep: { r: figures(1, 1) } },
        { weekStart: '2026-03-09', total: figures(2, 0.5), byRep: {} },
      ],
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^"Rep","Period start","Period end","Calls held",/);
    expect(lines[0]).toContain('"Plan coverage (%)"');
    const cells = (line: string | undefined) => line?.slice(1, -1).split('","') ?? [];
    const coverageAt = cells(lines[0]).indexOf('Plan coverage (%)');
    expect(cells(lines[1]).slice(0, 4)).toEqual(["'=Riley", '2026-03-04', '2026-03-10', '3']);
    expect(cells(lines[1])[coverageAt]).toBe('66.7');
    expect(cells(lines[2]).slice(0, 4)).toEqual(['Team', '2026-03-04', '2026-03-10', '3']);
    // The first week starts before the period and the last ends after it: each is clipped.
    expect(cells(lines[3]).slice(0, 4)).toEqual(["'=Riley", '2026-03-04', '2026-03-08', '1']);
    // A rep with no figures that week counts zero, a rate with nothing to divide by stays empty.
    expect(cells(lines[5]).slice(0, 4)).toEqual(["'=Riley", '2026-03-09', '2026-03-10', '0']);
    expect(cells(lines[5])[coverageAt]).toBe('');
    expect(cells(lines[6])[coverageAt]).toBe('50');
  });
});
