import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CoachingPage, type RefreshState } from '../../components/coaching/coaching-page';
import type { DrillState } from '../../components/coaching/drill-down';
import type { DrillTarget } from '../../components/coaching/drill-target';
import { CoachingView } from '../../components/coaching-view';
import { PlaybookAdherence } from '../../components/playbook/playbook-adherence';
import { request, type Send } from '../../lib/messaging/client';
import type { CallPlan } from '../../lib/model/call-plan';
import { coachingCsv } from '../../lib/model/coaching/coaching-csv';
import type { CoachingReportView, EvidenceRow } from '../../lib/model/coaching/coaching-report-view';
import './coaching.css';
import { opportunityUrl } from '../../lib/model/coaching/record-link';
import { type FirstReport, openingFilters, type ReportFilters, reportQuery, sameQuery } from './first-report';
import { localToday, type PeriodPreset, periodLabels, periodOf, periodPresets } from './period';
import { markReadyOnce } from './ready-mark';

export { readyMark } from './ready-mark';

const longestPeriodDays = 731;

export interface CoachingAppProps {
  send: Send;
  /** The Salesforce origin whose org and user the view speaks for. */
  origin: string;
  now?: () => Date;
  timeZone?: string;
  /** Saves the CSV export; a download link by default. */
  download?(fileName: string, text: string): void;
  headerActions?: ReactNode;
  /** Marks the first report on screen; `performance.mark(readyMark)` by default. */
  markReady?(): void;
  /** The opening report, asked for before the page loaded; used when the view opens on its question (at once when answered). */
  firstReport?: FirstReport;
}

type Filters = ReportFilters;

function periodProblem(from: string, to: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'Choose a start and an end date';
  if (to < from) return 'The period ends before it starts';
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= longestPeriodDays) return 'Choose at most two years';
  return null;
}

function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The coaching view's state: filters, the report (from this browser's copy at once, then again
 * after a sync brought the team's latest plans), drill-downs and the coaching note editor.
 */
export function CoachingApp({
  send,
  origin,
  now = () => new Date(),
  timeZone,
  download = downloadFile,
  headerActions,
  markReady = markReadyOnce,
  firstReport,
}: CoachingAppProps) {
  const zone = useMemo(() => timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, [timeZone]);
  const [filters, setFilters] = useState<Filters>(() => openingFilters(now(), zone));
  const [problem, setProblem] = useState<string | null>(null);
  const [refresh, setRefresh] = useState<RefreshState>({ kind: 'refreshing' });
  const [drill, setDrill] = useState<{ target: DrillTarget; state: DrillState } | null>(null);
  const [coaching, setCoaching] = useState<{ plan: CallPlan; repName: string } | null>(null);
  const refreshed = useRef(false);
  const asked = useRef(0);
  const periodError = periodProblem(filters.from, filters.to);

  const query = useMemo(() => reportQuery(origin, filters, zone), [origin, filters, zone]);
  const early = useRef(firstReport);
  // Opened on the early report already answered, the first render shows it: React takes over the
  // figures the early script drew without a frame of "Counting the calls…" between.
  const [report, setReport] = useState<CoachingReportView | null>(() =>
    firstReport?.report && sameQuery(firstReport.query, query) ? firstReport.report : null,
  );

  // The refresh answers after a sync run, which may outlast the page.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (periodError) return;
    const ask = ++asked.current;
    const current = () => mounted.current && ask === asked.current;
    void (async () => {
      try {
        const prefetched = early.current && sameQuery(early.current.query, query) ? early.current.answer : null;
        early.current = undefined;
        const local = await (prefetched ?? request(send, 'coaching:report', query));
        if (!current()) return;
        setReport(local);
        setProblem(null);
      } catch (error) {
        if (current()) setProblem((error as Error).message);
        return;
      }
      // Once per page: the team's latest from Salesforce, then the same numbers again.
      if (refreshed.current) return;
      refreshed.current = true;
      try {
        const fresh = await request(send, 'coaching:report', { ...query, refresh: true });
        if (!mounted.current) return;
        setRefresh(fresh.refreshProblem ? { kind: 'stale', reason: fresh.refreshProblem } : { kind: 'fresh' });
        if (current()) setReport(fresh);
      } catch (error) {
        if (mounted.current) setRefresh({ kind: 'stale', reason: (error as Error).message });
      }
    })();
  }, [send, query, periodError]);

  const marked = useRef(false);
  useEffect(() => {
    if (!report || marked.current) return;
    marked.current = true;
    markReady();
  }, [report, markReady]);

  const onFilters = (next: Filters) => {
    const preset = next.preset as PeriodPreset;
    if (preset !== filters.preset && preset !== 'custom') {
      setFilters({ ...next, ...periodOf(preset, localToday(now(), zone)) });
    } else setFilters(next);
    setDrill(null);
    setCoaching(null);
  };

  const onDrill = useCallback(
    (target: DrillTarget) => {
      setCoaching(null);
      setDrill({ target, state: { kind: 'loading' } });
      request(send, 'coaching:evidence', {
        ...query,
        figure: target.figure,
        repId: target.repId,
        weekStart: target.weekStart,
      }).then(
        (answer) =>
          setDrill((shown) =>
            shown?.target === target
              ? { target, state: { kind: 'ready', rows: answer.rows, total: answer.total } }
              : shown,
          ),
        (error: Error) =>
          setDrill((shown) =>
            shown?.target === target ? { target, state: { kind: 'failed', message: error.message } } : shown,
          ),
      );
    },
    [send, query],
  );

  const onCoach = (row: EvidenceRow) => {
    request(send, 'plans:list', { origin, opportunityId: row.opportunityId }).then(
      (plans) => {
        const plan = plans.find((p) => p.planKey === row.planKey);
        if (plan) setCoaching({ plan, repName: row.repName });
        else setProblem('This call plan is not in this browser any more');
      },
      (error: Error) => setProblem(error.message),
    );
  };

  const saveNote = useCallback(
    async (coachNote: string) => {
      if (!coaching) return;
      await request(send, 'plan:coach-note', { origin, planKey: coaching.plan.planKey, coachNote });
      setDrill((shown) =>
        shown && shown.state.kind === 'ready'
          ? {
              ...shown,
              state: {
                ...shown.state,
                rows: shown.state.rows.map((r) => (r.planKey === coaching.plan.planKey ? { ...r, coachNote } : r)),
              },
            }
          : shown,
      );
    },
    [send, origin, coaching],
  );

  const loadAdherence = useCallback(
    (from: string, to: string) => request(send, 'playbook:adherence', { origin, from, to, timeZone: zone }),
    [send, origin, zone],
  );

  return (
    <CoachingPage
      extraSections={
        <section className="coaching-section" aria-labelledby="playbook-adherence-heading">
          <h2 id="playbook-adherence-heading">Playbook adherence</h2>
          <PlaybookAdherence now={now} load={loadAdherence} refreshKey={report} />
          <p>
            <a href={`playbook.html?origin=${encodeURIComponent(origin)}`} target="_blank" rel="noreferrer">
              Open the team playbook
            </a>
          </p>
        </section>
      }
      report={report}
      problem={problem}
      refresh={refresh}
      ready={report !== null}
      filters={{
        value: filters,
        presets: periodPresets.map((id) => ({ id, label: periodLabels[id] })),
        periodError,
        onChange: onFilters,
      }}
      recordUrl={(opportunityId) => opportunityUrl(origin, opportunityId)}
      drill={drill}
      onDrill={onDrill}
      onCloseDrill={() => {
        setDrill(null);
        setCoaching(null);
      }}
      coaching={
        coaching
          ? {
              planKey: coaching.plan.planKey,
              editor: (
                <CoachingView
                  plan={coaching.plan}
                  repName={coaching.repName}
                  onSaveNote={saveNote}
                  onClose={() => setCoaching(null)}
                />
              ),
            }
          : null
      }
      onCoach={onCoach}
      onExportCsv={() => {
        if (report) download(`precall-coaching-${report.from}-${report.to}.csv`, coachingCsv(report));
      }}
      headerActions={headerActions}
    />
  );
}
