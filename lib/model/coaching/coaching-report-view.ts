import type { Commitment, Outcome } from '../picklists';
import type { AtRiskReason } from './at-risk';
import { type FigureId, figuresOf, type IndicatorFigures, tallyOfFigure, tallyOfObjection } from './coaching-figures';
import type { CoachingReport } from './coaching-report';
import type { CoachingScope } from './coaching-scope';
import type { Tally } from './evidence';
import type { Indicators } from './indicators';

/**
 * The coaching report as the page receives it: plain numbers with the reps' and deals' names,
 * small enough for a message whatever the number of plans behind it. The records behind a number
 * come separately, on demand (`evidenceRows`).
 */
export interface CoachingReportView {
  timeZone: string;
  from: string;
  to: string;
  viewer: { id: string; role: CoachingScope['role'] };
  /** Everyone the rep filter offers. */
  team: { id: string; name: string }[];
  /** The reps shown, as chosen by the filter. */
  reps: { id: string; name: string }[];
  /** The chosen reps together. */
  total: IndicatorFigures;
  byRep: Record<string, IndicatorFigures>;
  weeks: { weekStart: string; total: IndicatorFigures; byRep: Record<string, IndicatorFigures> }[];
  atRisk: AtRiskRow[];
  /** Why Salesforce could not be asked for fresh plans; the local numbers still show. */
  refreshProblem?: string;
}

export interface DealName {
  name: string;
  accountName: string | null;
}

export interface AtRiskRow extends DealName {
  opportunityId: string;
  repId: string;
  repName: string;
  reasons: AtRiskReason[];
  planKeys: string[];
  meetingIds: string[];
  closeDate: string | null;
}

/** One call behind a number: its deal, its plan (if any) and its meeting (if any). */
export interface EvidenceRow extends DealName {
  opportunityId: string;
  repId: string;
  repName: string;
  planKey: string | null;
  callAt: string | null;
  goal: string | null;
  outcome: Outcome | null;
  commitment: Commitment | null;
  coachNote: string | null;
  meetingId: string | null;
  meetingSubject: string | null;
  meetingStartAt: string | null;
}

export interface Names {
  rep(id: string): string;
  deal(opportunityId: string): DealName & { ownerId: string | null };
  plan(planKey: string):
    | {
        callAt: string;
        goal: string;
        outcome: Outcome | null;
        commitment: Commitment | null;
        coachNote: string;
        ownerId: string;
      }
    | undefined;
  meeting(id: string): { subject: string; startAt: string; ownerId: string } | undefined;
}

export function reportView(
  report: CoachingReport,
  scope: CoachingScope,
  chosen: readonly string[],
  names: Omit<Names, 'plan'>,
): CoachingReportView {
  const byRep = (reps: Record<string, Indicators>) =>
    Object.fromEntries(chosen.map((id) => [id, figuresOf(reps[id] as Indicators)]));
  return {
    timeZone: report.timeZone,
    from: report.from,
    to: report.to,
    viewer: { id: scope.viewerId, role: scope.role },
    team: scope.reps,
    reps: scope.reps.filter((rep) => chosen.includes(rep.id)),
    total: figuresOf(report.team),
    byRep: byRep(report.reps),
    weeks: report.weeks.map((week) => ({
      weekStart: week.weekStart,
      total: figuresOf(week.team),
      byRep: byRep(week.reps),
    })),
    atRisk: report.atRisk.map((risk) => {
      const { name, accountName } = names.deal(risk.opportunityId);
      return {
        opportunityId: risk.opportunityId,
        name,
        accountName,
        repId: risk.repId,
        repName: names.rep(risk.repId),
        reasons: risk.reasons,
        planKeys: risk.planKeys,
        meetingIds: risk.meetingIds,
        closeDate: risk.closeDate,
      };
    }),
  };
}

/** Which number was drilled into: a figure or one of the most frequent objections, of a rep or all, in a week or the period. */
export interface EvidenceQuery {
  figure: FigureId | { objection: string };
  repId: string | null;
  weekStart: string | null;
}

/** The tally a drill-down names, or null when the report has no such week, rep or objection. */
export function tallyOfQuery(report: CoachingReport, query: EvidenceQuery): Tally | null {
  const bucket = query.weekStart === null ? report : report.weeks.find((week) => week.weekStart === query.weekStart);
  if (!bucket) return null;
  const indicators = query.repId === null ? bucket.team : bucket.reps[query.repId];
  if (!indicators) return null;
  return typeof query.figure === 'string'
    ? tallyOfFigure(indicators, query.figure)
    : tallyOfObjection(indicators, query.figure.objection);
}

/** The calls behind a tally, newest first, named. */
export function evidenceRows(tally: Tally, names: Names): EvidenceRow[] {
  const rows = tally.sources().map((source): EvidenceRow => {
    const plan = source.planKey === null ? undefined : names.plan(source.planKey);
    const meeting = source.meetingId === null ? undefined : names.meeting(source.meetingId);
    const deal = names.deal(source.opportunityId);
    const repId = deal.ownerId ?? plan?.ownerId ?? meeting?.ownerId ?? '';
    return {
      opportunityId: source.opportunityId,
      name: deal.name,
      accountName: deal.accountName,
      repId,
      repName: names.rep(repId),
      planKey: source.planKey,
      callAt: plan?.callAt ?? null,
      goal: plan?.goal ?? null,
      outcome: plan?.outcome ?? null,
      commitment: plan?.commitment ?? null,
      coachNote: plan?.coachNote ?? null,
      meetingId: source.meetingId,
      meetingSubject: meeting?.subject ?? null,
      meetingStartAt: meeting?.startAt ?? null,
    };
  });
  const when = (row: EvidenceRow) => Date.parse(row.callAt ?? row.meetingStartAt ?? '') || 0;
  return rows.sort((a, b) => when(b) - when(a));
}
