import type { ObjectionFigure } from '../../lib/model/coaching/coaching-figures';
import type { DrillTarget } from './drill-target';

export interface ObjectionRankingProps {
  objections: ObjectionFigure[];
  /** Whose objections: a rep's id, or null for the chosen reps together. */
  repId: string | null;
  whoName: string;
  periodName: string;
  onDrill(target: DrillTarget): void;
}

/** The objections raised most, each with how often it was seen coming and handled. */
export function ObjectionRanking({ objections, repId, whoName, periodName, onDrill }: ObjectionRankingProps) {
  if (objections.length === 0) return <p className="empty">No objection was raised in these calls.</p>;
  return (
    <table className="coaching-table objection-ranking">
      <caption className="visually-hidden">Most frequent objections, {whoName}</caption>
      <thead>
        <tr>
          <th scope="col">Objection</th>
          <th scope="col">Raised</th>
          <th scope="col">Anticipated</th>
          <th scope="col">Handled</th>
        </tr>
      </thead>
      <tbody>
        {objections.map((o) => (
          <tr key={o.objection}>
            <th scope="row">{o.objection}</th>
            <td>
              <button
                type="button"
                className="figure-button"
                aria-label={`${o.objection}: raised ${o.raised === 1 ? 'once' : `${o.raised} times`}. Show the calls`}
                onClick={() =>
                  onDrill({
                    figure: { objection: o.objection },
                    repId,
                    weekStart: null,
                    title: `“${o.objection}” · ${whoName} · ${periodName}`,
                  })
                }
              >
                {o.raised}
              </button>
            </td>
            <td>{o.anticipated}</td>
            <td>{o.handled}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
