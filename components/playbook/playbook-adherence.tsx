import { useEffect, useState } from 'react';
import type { AdherenceFigure, OutcomeGroup } from '../../lib/model/playbook/playbook-adherence';
import type { AdherenceView } from '../../lib/model/playbook/playbook-view';

export interface PlaybookAdherenceProps {
  /** Asks the background for the figures of the period (local days, `YYYY-MM-DD`). */
  load(from: string, to: string): Promise<AdherenceView>;
  now(): Date;
  /** A new value asks again (the page refreshed its data from Salesforce). */
  refreshKey?: unknown;
}

const periods = [4, 8, 13] as const;

/**
 * Playbook adherence per rep and week (calls whose plan was ready before the call), the outcomes
 * of plans that followed the playbook against those that did not, and each curated objection:
 * how often raised, anticipated and handled, with which responses.
 */
export function PlaybookAdherence({ load, now, refreshKey }: PlaybookAdherenceProps) {
  const [weeks, setWeeks] = useState<(typeof periods)[number]>(4);
  const [view, setView] = useState<AdherenceView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new refreshKey is a reason to ask again
  useEffect(() => {
    let live = true;
    const today = now();
    const start = new Date(today);
    start.setDate(start.getDate() - (weeks * 7 - 1));
    load(localDate(start), localDate(today))
      .then((next) => {
        if (!live) return;
        setView(next);
        setProblem(null);
      })
      .catch((error: unknown) => live && setProblem((error as Error)?.message ?? String(error)));
    return () => {
      live = false;
    };
  }, [weeks, load, now, refreshKey]);

  return (
    <div className="playbook-adherence">
      <label>
        Period{' '}
        <select value={weeks} onChange={(event) => setWeeks(Number(event.target.value) as (typeof periods)[number])}>
          {periods.map((n) => (
            <option key={n} value={n}>
              Last {n} weeks
            </option>
          ))}
        </select>
      </label>
      {problem && <p role="alert">{problem}</p>}
      {!view && !problem && <p>Counting…</p>}
      {view && <AdherenceTables view={view} />}
    </div>
  );
}

function AdherenceTables({ view }: { view: AdherenceView }) {
  const { report } = view;
  const nameOf = (repId: string) => view.repNames[repId] ?? repId;
  return (
    <>
      <table className="adherence-table">
        <caption>Plans ready by the playbook before the call</caption>
        <thead>
          <tr>
            <th scope="col">Rep</th>
            {report.weekStarts.map((week) => (
              <th scope="col" key={week}>
                Week of {week}
              </th>
            ))}
            <th scope="col">Period</th>
          </tr>
        </thead>
        <tbody>
          {report.reps.map((rep) => (
            <tr key={rep.repId}>
              <th scope="row">{nameOf(rep.repId)}</th>
              {rep.weeks.map((week) => (
                <td key={week.weekStart}>{figureText(week)}</td>
              ))}
              <td>{figureText(rep.total)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Team</th>
            {report.team.weeks.map((week) => (
              <td key={week.weekStart}>{figureText(week)}</td>
            ))}
            <td>{figureText(report.team.total)}</td>
          </tr>
        </tbody>
      </table>
      {report.reps.length === 0 && <p className="muted">No calls held in this period.</p>}

      <h3>Outcomes</h3>
      <dl className="adherence-outcomes">
        <dt>Followed the playbook</dt>
        <dd>{outcomeText(report.outcomes.followed)}</dd>
        <dt>Did not follow it</dt>
        <dd>{outcomeText(report.outcomes.notFollowed)}</dd>
      </dl>

      <h3>Curated objections{view.playbookName ? ` of ${view.playbookName}` : ''}</h3>
      {view.objections.length === 0 ? (
        <p className="muted">The playbook has no curated objections yet.</p>
      ) : (
        <table className="adherence-table">
          <thead>
            <tr>
              <th scope="col">Objection</th>
              <th scope="col">Raised</th>
              <th scope="col">Anticipated</th>
              <th scope="col">Handled</th>
              <th scope="col">Responses used</th>
            </tr>
          </thead>
          <tbody>
            {view.objections.map((figure) => (
              <tr key={figure.objectionKey}>
                <th scope="row">{figure.objection}</th>
                <td>{figure.raised}</td>
                <td>{countAndShare(figure.anticipated, figure.anticipatedShare)}</td>
                <td>
                  {countAndShare(figure.handled, figure.handledShare)}
                  {figure.partlyHandled > 0 ? ` (+${figure.partlyHandled} partly)` : ''}
                </td>
                <td>
                  {figure.responses.length === 0
                    ? '—'
                    : figure.responses.map((r) => (
                        <p key={r.response}>
                          {r.response || '(no response planned)'}: handled {r.handled} of {r.raised}
                        </p>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

function figureText(figure: AdherenceFigure): string {
  if (figure.calls === 0) return '—';
  return `${figure.readyBeforeCall} of ${figure.calls} ready (${percent(figure.share)})`;
}

function countAndShare(count: number, share: number | null): string {
  return share === null ? String(count) : `${count} (${percent(share)})`;
}

function outcomeText(group: OutcomeGroup): string {
  if (group.plans === 0) return 'no calls';
  return `${group.plans} calls, ${group.outcomes} outcomes logged, advance rate ${percent(group.advanceRate)} (${group.advances} advanced, ${group.continuations} continuations, ${group.noSales} no-sale)`;
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
