import {
  type FigureId,
  figureLabels,
  type IndicatorFigures,
  type RateId,
  rateLabels,
  rateParts,
} from '../../lib/model/coaching/coaching-figures';
import type { DrillTarget } from './drill-target';
import { percent, percentSpoken } from './format';

type Row = { kind: 'count'; figure: FigureId } | { kind: 'rate'; rate: RateId };

/** The indicators of design.md, grouped as a manager reads them. */
const groups: { title: string; rows: Row[] }[] = [
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

export interface IndicatorTableProps {
  reps: { id: string; name: string }[];
  byRep: Record<string, IndicatorFigures>;
  total: IndicatorFigures;
  /** Shown in the title of a drill-down: "whole period" or "week of 3 Mar". */
  periodName: string;
  weekStart: string | null;
  onDrill(target: DrillTarget): void;
}

/**
 * Every indicator per rep and for the team. Each number is a button that lists the calls behind
 * it; a rate lists the calls it divides over, so the ones that count and the ones that do not
 * are side by side.
 */
export function IndicatorTable({ reps, byRep, total, periodName, weekStart, onDrill }: IndicatorTableProps) {
  const columns = [
    ...reps.map((rep) => ({ id: rep.id as string | null, name: rep.name, figures: byRep[rep.id] })),
    ...(reps.length > 1 ? [{ id: null, name: 'Team', figures: total }] : []),
  ];
  const cell = (row: Row, column: (typeof columns)[number]) => {
    const label = row.kind === 'count' ? figureLabels[row.figure] : rateLabels[row.rate];
    const figure = row.kind === 'count' ? row.figure : rateParts[row.rate].whole;
    const value =
      row.kind === 'count' ? String(column.figures?.counts[row.figure] ?? 0) : percent(column.figures?.rates[row.rate]);
    const spoken = row.kind === 'count' ? value : percentSpoken(column.figures?.rates[row.rate]);
    return (
      <td key={column.id ?? 'team'} className={row.kind === 'rate' ? 'coaching-rate' : undefined}>
        <button
          type="button"
          className="figure-button"
          data-figure={row.kind === 'count' ? row.figure : `rate:${row.rate}`}
          data-rep={column.id ?? 'team'}
          aria-label={`${label}, ${column.name}: ${spoken}. Show the calls`}
          onClick={() =>
            onDrill({ figure, repId: column.id, weekStart, title: `${label} · ${column.name} · ${periodName}` })
          }
        >
          {value}
        </button>
      </td>
    );
  };
  return (
    <table className="coaching-table">
      <caption className="visually-hidden">Leading indicators, {periodName}</caption>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          {columns.map((column) => (
            <th scope="col" key={column.id ?? 'team'}>
              {column.name}
            </th>
          ))}
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.title}>
          <tr className="coaching-group">
            <th scope="rowgroup" colSpan={columns.length + 1}>
              {group.title}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.kind === 'count' ? row.figure : row.rate}>
              <th scope="row">{row.kind === 'count' ? figureLabels[row.figure] : rateLabels[row.rate]}</th>
              {columns.map((column) => cell(row, column))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
