import { describe, expect, it } from 'vitest';
import {
  type IndicatorRow,
  indicatorCell,
  indicatorColumns,
  indicatorGroups,
} from '../../components/coaching/indicator-rows';
import { namedOrigin } from '../../entrypoints/coaching/coaching-origin';
import { localToday, periodOf } from '../../entrypoints/coaching/period';
import { type FigureId, figureIds, type IndicatorFigures, rateIds } from '../../lib/model/coaching/coaching-figures';
import { lightningOrigin, opportunityUrl } from '../../lib/model/coaching/record-link';

describe('the periods the coaching view offers', () => {
  it.each([
    // 2026-03-04 is a Wednesday.
    ['this-week', '2026-03-04', '2026-03-02'],
    ['this-week', '2026-03-02', '2026-03-02'],
    ['this-week', '2026-03-08', '2026-03-02'],
    ['last-4-weeks', '2026-03-04', '2026-02-09'],
    ['last-13-weeks', '2026-03-04', '2025-12-08'],
    ['this-quarter', '2026-03-04', '2026-01-01'],
    ['this-quarter', '2026-04-01', '2026-04-01'],
    ['this-quarter', '2026-12-31', '2026-10-01'],
  ] as const)('%s on %s starts on %s and ends today', (preset, today, from) => {
    expect(periodOf(preset, today)).toEqual({ from, to: today });
  });

  it('reads today in the viewer’s zone', () => {
    const now = new Date('2026-03-04T23:30:00Z');
    expect(localToday(now, 'UTC')).toBe('2026-03-04');
    expect(localToday(now, 'Asia/Tokyo')).toBe('2026-03-05');
    expect(localToday(now, 'America/Los_Angeles')).toBe('2026-03-04');
  });
});

describe('records open on the org’s Lightning host', () => {
  it.each([
    ['https://acme.my.salesforce.com', 'https://acme.lightning.force.com'],
    ['https://acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.lightning.force.com'],
    ['https://acme.lightning.force.com', 'https://acme.lightning.force.com'],
    ['https://army.my.salesforce.mil', 'https://army.lightning.force.mil'],
    ['https://acme.my.sfcrmproducts.cn', 'https://acme.lightning.sfcrmapps.cn'],
    ['http://acme.my.localhost:4711', 'http://acme.lightning.localhost:4711'],
    ['http://127.0.0.1:4711', 'http://127.0.0.1:4711'],
  ])('%s → %s', (origin, lightning) => {
    expect(lightningOrigin(origin)).toBe(lightning);
  });

  it('names the opportunity’s record page', () => {
    expect(opportunityUrl('https://acme.my.salesforce.com', '0065g00000Nwd01AAB')).toBe(
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/view',
    );
  });
});

describe('the org a coaching page was opened for, known without asking', () => {
  it.each([
    ['?origin=https%3A%2F%2Facme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    ['?origin=https%3A%2F%2Facme.my.salesforce.com%2Flightning%2Fpage', 'https://acme.my.salesforce.com'],
    ['?origin=not%20a%20url', null],
    ['?origin=', undefined],
    ['', undefined],
  ])('%s → %s', (search, origin) => {
    expect(namedOrigin(search)).toBe(origin);
  });
});

function figures(counts: Partial<Record<FigureId, number>>, coverage: number | null): IndicatorFigures {
  return {
    counts: { ...Object.fromEntries(figureIds.map((id) => [id, 0])), ...counts } as Record<FigureId, number>,
    rates: { ...Object.fromEntries(rateIds.map((id) => [id, null])), coverage } as IndicatorFigures['rates'],
    mostFrequent: [],
  };
}

describe('the numbers of the indicators table', () => {
  const riley = figures({ 'coverage.held': 3, 'coverage.planned': 2 }, 2 / 3);
  const sam = figures({}, null);
  const team = figures({ 'coverage.held': 3, 'coverage.planned': 2 }, 2 / 3);
  const [rileyColumn, samColumn, teamColumn] = indicatorColumns(
    [
      { id: 'R', name: 'Riley Chen' },
      { id: 'S', name: 'Sam <b>Okafor</b>' },
    ],
    { R: riley, S: sam },
    team,
  );
  const count = (figure: FigureId): IndicatorRow => ({ kind: 'count', figure });

  it.each([
    [
      count('coverage.held'),
      rileyColumn,
      '3',
      'Calls held, Riley Chen: 3. Show the calls',
      'coverage.held',
      'R',
      'coverage.held',
    ],
    [
      count('coverage.unplanned'),
      samColumn,
      '0',
      'Meetings without a plan, Sam <b>Okafor</b>: 0. Show the calls',
      'coverage.unplanned',
      'S',
      'coverage.unplanned',
    ],
    [
      { kind: 'rate', rate: 'coverage' },
      rileyColumn,
      '67%',
      'Plan coverage, Riley Chen: 67 per cent. Show the calls',
      'rate:coverage',
      'R',
      'coverage.held',
    ],
    [
      { kind: 'rate', rate: 'coverage' },
      samColumn,
      '–',
      'Plan coverage, Sam <b>Okafor</b>: nothing to count. Show the calls',
      'rate:coverage',
      'S',
      'coverage.held',
    ],
    [
      { kind: 'rate', rate: 'advance' },
      teamColumn,
      '–',
      'Advance rate, Team: nothing to count. Show the calls',
      'rate:advance',
      'team',
      'outcomes.logged',
    ],
  ] as const)('%o in %o', (row, column, value, ariaLabel, dataFigure, dataRep, drillFigure) => {
    expect(indicatorCell(row as IndicatorRow, column as NonNullable<typeof column>)).toEqual({
      value,
      ariaLabel,
      dataFigure,
      dataRep,
      drillFigure,
    });
  });

  it('has a team column only beside several reps, and every figure and rate in one group', () => {
    expect(indicatorColumns([{ id: 'R', name: 'Riley Chen' }], { R: riley }, team).map((c) => c.name)).toEqual([
      'Riley Chen',
    ]);
    expect([rileyColumn, samColumn, teamColumn].map((c) => c?.id)).toEqual(['R', 'S', null]);
    const rows = indicatorGroups.flatMap((group) => group.rows);
    expect(
      rows
        .filter((row) => row.kind === 'count')
        .map((row) => row.figure)
        .sort(),
    ).toEqual([...figureIds].sort());
    expect(
      rows
        .filter((row) => row.kind === 'rate')
        .map((row) => row.rate)
        .sort(),
    ).toEqual([...rateIds].sort());
  });
});
