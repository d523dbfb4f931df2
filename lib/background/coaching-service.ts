import type { PrecallDb } from '../db/precall-db';
import { type CoachingRead, readCoachingData } from '../db/read-coaching-data';
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
}

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
export function createCoachingService(deps: CoachingServiceDeps) {
  const refreshes = new Map<string, Promise<string | undefined>>();

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

  async function computed(db: PrecallDb, session: Session, request: RequestOf<'coaching:report'>) {
    const read = await readCoachingData(db, periodMs(request.from, request.to));
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
        now: deps.now(),
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
      const rows = evidenceRows(tally, names);
      return { rows: rows.slice(0, evidenceRowLimit), total: rows.length };
    },
  };
}

/** The period's days as instants wide enough for any zone; the report counts the exact local days. */
function periodMs(from: string, to: string): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(`${from}T00:00:00Z`), toMs: Date.parse(`${to}T23:59:59Z`) };
}

function namesOf(read: CoachingRead): Names {
  const users = new Map(read.users.map((user) => [user.id, user.name]));
  return {
    rep: (id) => users.get(id) ?? id,
    deal(opportunityId) {
      const row = read.opportunities.get(opportunityId);
      return row
        ? { name: row.name, accountName: row.accountName, ownerId: row.ownerId }
        : { name: opportunityId, accountName: null, ownerId: null };
    },
    plan: (planKey) => read.plans.get(planKey),
    meeting: (id) => read.meetings.get(id),
  };
}
