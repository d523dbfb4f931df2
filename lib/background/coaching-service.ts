import { type CoachingCopies, createCoachingCopies } from '../db/coaching-copy';
import type { PrecallDb } from '../db/precall-db';
import type { CoachingRead } from '../db/read-coaching-data';
import type { RequestOf, Session } from '../messaging/protocol';
import { coachingReport } from '../model/coaching/coaching-report';
import {
  type CoachingReportView,
  type EvidenceRow,
  evidenceRows,
  type Names,
  reportView,
  tallyOfQuery,
} from '../model/coaching/coaching-report-view';
import { chosenReps, coachingScope } from '../model/coaching/coaching-scope';
import type { SyncService } from '../sync/sync-service';
import { BackgroundError } from './background-error';

/** A drill-down lists at most this many calls; the count says how many there are in all. */
export const evidenceRowLimit = 500;

export interface CoachingServiceDeps {
  now(): Date;
  sync?: SyncService;
  /** The rows kept between reports; one per service by default. */
  coachingCopies?: CoachingCopies;
}

/** Reports computed from the same rows for the same question within the same minute are reused. */
const reportsKept = 8;

export interface EvidenceAnswer {
  rows: EvidenceRow[];
  total: number;
}

/**
 * The coaching view's two questions, answered from the local database: the report (at once, or
 * after a sync run brought the team's latest plans when `refresh` is asked), and the calls behind
 * one of its numbers. Both see only the viewer's scope: a rep their own numbers, a manager their
 * team's.
 */
export type CoachingService = ReturnType<typeof createCoachingService>;

export function createCoachingService(deps: CoachingServiceDeps) {
  const refreshes = new Map<string, Promise<string | undefined>>();
  const copies = deps.coachingCopies ?? createCoachingCopies();
  const reports = new Map<string, Computed>();

  /** One sync run per database at a time, however many views ask; answers why it failed, if it did. */
  function refresh(session: Session, db: PrecallDb): Promise<string | undefined> {
    const sync = deps.sync;
    if (!sync) return Promise.resolve(undefined);
    let running = refreshes.get(session.dbName);
    if (!running) {
      running = sync
        .run(session, db, { caches: true })
        .then(
          (result) => (result.ok ? undefined : result.failure.message),
          (error: Error) => error?.message ?? String(error),
        )
        .finally(() => refreshes.delete(session.dbName));
      refreshes.set(session.dbName, running);
    }
    return running;
  }

  async function computed(db: PrecallDb, session: Session, request: RequestOf<'coaching:report'>): Promise<Computed> {
    const read = await copies.read(db, periodMs(request.from, request.to));
    const now = deps.now();
    // At-risk moves with the clock: a report is reused within the minute it was made.
    const key = JSON.stringify([
      db.name,
      read.revision,
      session.userId,
      request.from,
      request.to,
      request.timeZone,
      request.repIds ?? null,
      Math.floor(now.getTime() / 60_000),
    ]);
    const kept = reports.get(key);
    if (kept) return kept;
    const made = compute(read, session, request, now);
    reports.set(key, made);
    if (reports.size > reportsKept) reports.delete(reports.keys().next().value as string);
    return made;
  }

  function compute(read: CoachingRead, session: Session, request: RequestOf<'coaching:report'>, now: Date): Computed {
    const scope = coachingScope(
      read.users.map((user) => ({ id: user.id, name: user.name, managerId: user.managerId })),
      session.userId,
    );
    const chosen = chosenReps(scope, request.repIds);
    if (!chosen.ok) {
      throw new BackgroundError('invalid-message', `Not in your team: ${chosen.outside.join(', ')}`);
    }
    let report: ReturnType<typeof coachingReport>;
    try {
      report = coachingReport(read.data, {
        timeZone: request.timeZone,
        from: request.from,
        to: request.to,
        now,
        repIds: chosen.repIds,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new BackgroundError('invalid-message', error.message);
      throw error;
    }
    return { report, scope, chosen: chosen.repIds, names: namesOf(read) };
  }

  return {
    async report(request: RequestOf<'coaching:report'>, db: PrecallDb, session: Session): Promise<CoachingReportView> {
      const refreshProblem = request.refresh ? await refresh(session, db) : undefined;
      const { report, scope, chosen, names } = await computed(db, session, request);
      const view = reportView(report, scope, chosen, names);
      return refreshProblem ? { ...view, refreshProblem } : view;
    },

    async evidence(request: RequestOf<'coaching:evidence'>, db: PrecallDb, session: Session): Promise<EvidenceAnswer> {
      const { report, chosen, names } = await computed(db, session, request);
      if (request.repId !== null && !chosen.includes(request.repId)) {
        throw new BackgroundError('invalid-message', 'That rep is not in the report');
      }
      const tally = tallyOfQuery(report, {
        figure: request.figure,
        repId: request.repId,
        weekStart: request.weekStart,
      });
      if (!tally) throw new BackgroundError('not-found', 'That number is not in the report any more');
      const planKeys = tally.sources().flatMap((source) => (source.planKey === null ? [] : [source.planKey]));
      const plans = new Map((await db.plans.bulkGet(planKeys)).flatMap((plan) => (plan ? [[plan.planKey, plan]] : [])));
      const rows = evidenceRows(tally, { ...names, plan: (planKey) => plans.get(planKey) });
      return { rows: rows.slice(0, evidenceRowLimit), total: rows.length };
    },
  };
}

/** The period's days as instants wide enough for any zone; the report counts the exact local days. */
function periodMs(from: string, to: string): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(`${from}T00:00:00Z`), toMs: Date.parse(`${to}T23:59:59Z`) };
}

interface Computed {
  report: ReturnType<typeof coachingReport>;
  scope: ReturnType<typeof coachingScope>;
  chosen: string[];
  /** Names of reps, deals and meetings; whole plans are read for the few a drill-down shows. */
  names: Omit<Names, 'plan'>;
}

function namesOf(read: CoachingRead): Omit<Names, 'plan'> {
  const users = new Map(read.users.map((user) => [user.id, user.name]));
  return {
    rep: (id) => users.get(id) ?? id,
    deal(opportunityId) {
      const row = read.opportunities.get(opportunityId);
      return row
        ? { name: row.name, accountName: row.accountName, ownerId: row.ownerId }
        : { name: opportunityId, accountName: null, ownerId: null };
    },
    meeting: (id) => read.meetings.get(id),
  };
}
