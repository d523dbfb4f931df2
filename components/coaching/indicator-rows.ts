import {
  type FigureId,
  figureLabels,
  type IndicatorFigures,
  type RateId,
  rateLabels,
  rateParts,
} from '../../lib/model/coaching/coaching-figures';
import { percent, percentSpoken } from './format';

export type IndicatorRow = { kind: 'count'; figure: FigureId } | { kind: 'rate'; rate: RateId };

/**
 * The indicators of design.md, grouped as a manager reads them. The React table and the first
 * report drawn before React loads (entrypoints/coaching/first-report-view.ts) both read this.
 */
export const indicatorGroups: { title: string; rows: IndicatorRow[] }[] = [
  {
    title: 'Plan coverage',
    rows: [
      { kind: 'rate', rate: 'coverage' },
      { kind: 'count', figure: 'coverage.held' },
      { kind: 'count', figure: 'coverage.planned' },
      { kind: 'count', figure: 'coverage.afterTheFact' },
      { kind: 'count', figure: 'coverage.unplanned' },
    ],
  },
  {
    title: 'Outcomes logged on time',
    rows: [
      { kind: 'rate', rate: 'onTime' },
      { kind: 'count', figure: 'outcomesOnTime.onTime' },
      { kind: 'count', figure: 'outcomesOnTime.late' },
      { kind: 'count', figure: 'outcomesOnTime.notLogged' },
    ],
  },
  {
    title: 'Outcomes',
    rows: [
      { kind: 'rate', rate: 'advance' },
      { kind: 'rate', rate: 'continuation' },
      { kind: 'count', figure: 'outcomes.logged' },
      { kind: 'count', figure: 'outcomes.orders' },
      { kind: 'count', figure: 'outcomes.advances' },
      { kind: 'count', figure: 'outcomes.continuations' },
      { kind: 'count', figure: 'outcomes.noSales' },
    ],
  },
  {
    title: 'Commitment against plan',
    rows: [
      { kind: 'count', figure: 'commitment.best' },
      { kind: 'count', figure: 'commitment.between' },
      { kind: 'count', figure: 'commitment.minimum' },
      { kind: 'count', figure: 'commitment.below' },
      { kind: 'count', figure: 'commitment.notRecorded' },
    ],
  },
  {
    title: 'Objections',
    rows: [
      { kind: 'rate', rate: 'anticipated' },
      { kind: 'rate', rate: 'handled' },
      { kind: 'count', figure: 'objections.raised' },
      { kind: 'count', figure: 'objections.anticipated' },
      { kind: 'count', figure: 'objections.handled' },
      { kind: 'count', figure: 'objections.partlyHandled' },
    ],
  },
];

/** A column of the table: one rep, or the team (id null) when there are several reps. */
export interface IndicatorColumn {
  id: string | null;
  name: string;
  figures: IndicatorFigures | undefined;
}

export function indicatorColumns(
  reps: { id: string; name: string }[],
  byRep: Record<string, IndicatorFigures>,
  total: IndicatorFigures,
): IndicatorColumn[] {
  return [
    ...reps.map((rep) => ({ id: rep.id as string | null, name: rep.name, figures: byRep[rep.id] })),
    ...(reps.length > 1 ? [{ id: null, name: 'Team', figures: total }] : []),
  ];
}

export const rowLabel = (row: IndicatorRow) => (row.kind === 'count' ? figureLabels[row.figure] : rateLabels[row.rate]);

export const rowKey = (row: IndicatorRow) => (row.kind === 'count' ? row.figure : row.rate);

/** One number of the table: what it shows, how it reads aloud, and what its drill-down lists. */
export interface IndicatorCell {
  value: string;
  /** "Calls held, Riley Chen: 2. Show the calls" */
  ariaLabel: string;
  /** The `data-figure` the page and its tests find the number by. */
  dataFigure: string;
  dataRep: string;
  /** A rate lists the calls it divides over. */
  drillFigure: FigureId;
}

export function indicatorCell(row: IndicatorRow, column: IndicatorColumn): IndicatorCell {
  const value =
    row.kind === 'count' ? String(column.figures?.counts[row.figure] ?? 0) : percent(column.figures?.rates[row.rate]);
  const spoken = row.kind === 'count' ? value : percentSpoken(column.figures?.rates[row.rate]);
  return {
    value,
    ariaLabel: `${rowLabel(row)}, ${column.name}: ${spoken}. Show the calls`,
    dataFigure: row.kind === 'count' ? row.figure : `rate:${row.rate}`,
    dataRep: column.id ?? 'team',
    drillFigure: row.kind === 'count' ? row.figure : rateParts[row.rate].whole,
  };
}
