import type { IndicatorFigures } from '../../lib/model/coaching/coaching-figures';
import type { DrillTarget } from './drill-target';
import {
  type IndicatorColumn,
  type IndicatorRow,
  indicatorCell,
  indicatorColumns,
  indicatorGroups,
  rowKey,
  rowLabel,
} from './indicator-rows';

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
  const columns = indicatorColumns(reps, byRep, total);
  const cell = (row: IndicatorRow, column: IndicatorColumn) => {
    const shown = indicatorCell(row, column);
    return (
      <td key={shown.dataRep} className={row.kind === 'rate' ? 'coaching-rate' : undefined}>
        <button
          type="button"
          className="figure-button"
          data-figure={shown.dataFigure}
          data-rep={shown.dataRep}
          aria-label={shown.ariaLabel}
          onClick={() =>
            onDrill({
              figure: shown.drillFigure,
              repId: column.id,
              weekStart,
              title: `${rowLabel(row)} · ${column.name} · ${periodName}`,
            })
          }
        >
          {shown.value}
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
      {indicatorGroups.map((group) => (
        <tbody key={group.title}>
          <tr className="coaching-group">
            <th scope="rowgroup" colSpan={columns.length + 1}>
              {group.title}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row">{rowLabel(row)}</th>
              {columns.map((column) => cell(row, column))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
