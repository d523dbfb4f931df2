import { type ReactNode, useDeferredValue, useId, useMemo, useState } from 'react';
import type { CoachingReportView, EvidenceRow } from '../../lib/model/coaching/coaching-report-view';
import { AtRiskList } from './at-risk-list';
import { CoachingFilters, type CoachingFiltersProps } from './coaching-filters';
import { DrillDown, type DrillState } from './drill-down';
import type { DrillTarget } from './drill-target';
import { shortDay } from './format';
import { IndicatorTable } from './indicator-table';
import { ObjectionRanking } from './objection-ranking';
import { TrendChart } from './trend-chart';

export type RefreshState =
  | { kind: 'refreshing' }
  | { kind: 'fresh' }
  | { kind: 'stale'; reason: string }
  /** Nothing is asked of Salesforce (offline page, tests). */
  | { kind: 'local' };

export interface CoachingPageProps {
  report: CoachingReportView | null;
  /** Why no report could be made (not signed in, a bad period). */
  problem: string | null;
  refresh: RefreshState;
  filters: Omit<CoachingFiltersProps, 'team'>;
  /** Set once the first report is on screen (the page's ready mark). */
  ready: boolean;
  recordUrl(opportunityId: string): string;
  drill: { target: DrillTarget; state: DrillState } | null;
  onDrill(target: DrillTarget): void;
  onCloseDrill(): void;
  coaching: { planKey: string; editor: ReactNode } | null;
  onCoach(row: EvidenceRow): void;
  onExportCsv(): void;
  /** More sections (the team playbook) slot in after the indicators. */
  extraSections?: ReactNode;
  /** Shown in the header: open in a tab (from the side panel), sign-in state. */
  headerActions?: ReactNode;
}

/** The coaching view: filters, the indicators per rep and week, trends, objections and deals at risk. */
export function CoachingPage(props: CoachingPageProps) {
  const { report, problem, refresh, filters, ready, recordUrl, drill } = props;
  // The indicators are the first report; trends, objections and deals at risk follow in a render
  // of their own, so the numbers show without waiting for everything below them (also when the
  // view opens on a report already answered).
  const below = useDeferredValue(report, null);
  const weekId = useId();
  const [weekStart, setWeekStart] = useState<string | null>(null);
  const week = report?.weeks.find((w) => w.weekStart === weekStart) ?? null;
  const periodName = week
    ? `week of ${shortDay(week.weekStart)}`
    : report
      ? `${shortDay(report.from)} – ${shortDay(report.to)}`
      : '';
  const focusId = filters.value.repId;
  const focusName = focusId ? (report?.reps.find((rep) => rep.id === focusId)?.name ?? '') : 'Team';
  const focus = (figures: { total: CoachingReportView['total']; byRep: CoachingReportView['byRep'] }) =>
    focusId ? figures.byRep[focusId] : figures.total;

  const trend = useMemo(() => {
    const report = below;
    if (!report) return null;
    const pick = (w: CoachingReportView['weeks'][number]) => (focusId ? w.byRep[focusId] : w.total);
    return {
      weeks: report.weeks.map((w) => shortDay(w.weekStart)),
      rates: [
        { label: 'Plan coverage', values: report.weeks.map((w) => pick(w)?.rates.coverage ?? null) },
        { label: 'Outcomes on time', values: report.weeks.map((w) => pick(w)?.rates.onTime ?? null) },
        { label: 'Advance rate', values: report.weeks.map((w) => pick(w)?.rates.advance ?? null) },
      ],
      objections: [
        { label: 'Anticipated', values: report.weeks.map((w) => pick(w)?.rates.anticipated ?? null) },
        { label: 'Handled', values: report.weeks.map((w) => pick(w)?.rates.handled ?? null) },
      ],
    };
  }, [below, focusId]);

  return (
    <main className="coaching" data-ready={ready ? 'true' : undefined} aria-busy={!report && !problem}>
      <header className="coaching-header">
        <div>
          <h1>Coaching</h1>
          {report ? (
            <p className="coaching-subtitle">
              {report.viewer.role === 'manager' ? report.reps.map((rep) => rep.name).join(', ') : 'Your calls'} ·{' '}
              {shortDay(report.from)} – {shortDay(report.to)}
            </p>
          ) : null}
        </div>
        <div className="coaching-header-actions">
          <p role="status" className="coaching-refresh">
            {refresh.kind === 'refreshing'
              ? 'Updating from Salesforce…'
              : refresh.kind === 'fresh'
                ? 'Up to date with Salesforce'
                : refresh.kind === 'stale'
                  ? `Showing this browser's copy: ${refresh.reason}`
                  : ''}
          </p>
          {props.headerActions}
        </div>
      </header>
      <CoachingFilters {...filters} team={report?.viewer.role === 'manager' ? report.team : []} />
      {problem ? (
        <p role="alert" className="panel-message">
          {problem}
        </p>
      ) : null}
      {drill ? (
        <DrillDown
          title={drill.target.title}
          state={drill.state}
          recordUrl={recordUrl}
          canCoach={report?.viewer.role === 'manager'}
          coaching={props.coaching}
          onCoach={props.onCoach}
          onClose={props.onCloseDrill}
        />
      ) : null}
      {report ? (
        <>
          <section className="coaching-section" aria-labelledby={`${weekId}-indicators`}>
            <div className="section-heading-row">
              <h2 id={`${weekId}-indicators`}>Leading indicators</h2>
              <div className="button-row">
                <label htmlFor={`${weekId}-week`}>Show</label>
                <select
                  id={`${weekId}-week`}
                  value={weekStart ?? ''}
                  onChange={(event) => setWeekStart(event.target.value || null)}
                >
                  <option value="">Whole period</option>
                  {report.weeks.map((w) => (
                    <option key={w.weekStart} value={w.weekStart}>
                      Week of {shortDay(w.weekStart)}
                    </option>
                  ))}
                </select>
                <button type="button" className="button" onClick={props.onExportCsv}>
                  Export CSV
                </button>
              </div>
            </div>
            <IndicatorTable
              reps={report.reps}
              byRep={week ? week.byRep : report.byRep}
              total={week ? week.total : report.total}
              periodName={periodName}
              weekStart={week ? week.weekStart : null}
              onDrill={props.onDrill}
            />
          </section>
          {below ? (
            <>
              {props.extraSections}
              {trend ? (
                <section className="coaching-section" aria-labelledby={`${weekId}-trends`}>
                  <h2 id={`${weekId}-trends`}>Trends by week · {focusName}</h2>
                  <div className="trend-grid">
                    <TrendChart
                      title="Plan coverage, outcomes on time and advance rate"
                      weeks={trend.weeks}
                      series={trend.rates}
                    />
                    <TrendChart
                      title="Objections anticipated and handled"
                      weeks={trend.weeks}
                      series={trend.objections}
                    />
                  </div>
                </section>
              ) : null}
              <section className="coaching-section" aria-labelledby={`${weekId}-objections`}>
                <h2 id={`${weekId}-objections`}>Most frequent objections · {focusName}</h2>
                <ObjectionRanking
                  objections={focus(below)?.mostFrequent ?? []}
                  repId={focusId}
                  whoName={focusName}
                  periodName={periodName}
                  onDrill={props.onDrill}
                />
              </section>
              <section className="coaching-section" aria-labelledby={`${weekId}-risk`}>
                <h2 id={`${weekId}-risk`}>At risk now</h2>
                <AtRiskList
                  atRisk={focusId ? below.atRisk.filter((risk) => risk.repId === focusId) : below.atRisk}
                  recordUrl={recordUrl}
                  showRep={below.viewer.role === 'manager'}
                />
              </section>
            </>
          ) : null}
        </>
      ) : !problem ? (
        <p role="status">Counting the calls…</p>
      ) : null}
    </main>
  );
}
