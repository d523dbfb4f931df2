import Dexie, { type ObservabilitySet } from 'dexie';
import type { CoachingObjection, CoachingPlan } from '../model/coaching/coaching-data';
import {
  type CoachingDealRow,
  type CoachingMeetingRow,
  type CoachingUserRow,
  coachingDealRow,
  coachingMeetingRow,
  coachingObjectionRow,
  coachingPlanRow,
  coachingUserRow,
  sameRow,
} from './coaching-rows';
import type { PrecallDb } from './precall-db';
import { type CoachingRead, objectionWindow } from './read-coaching-data';

/** A report's read, and the revision of the rows it was made from: same revision, same rows. */
export interface CoachingCopyRead extends CoachingRead {
  revision: number;
}

export interface CoachingCopies {
  read(db: PrecallDb, period: { fromMs: number; toMs: number }): Promise<CoachingCopyRead>;
}

/** Subscribes to every committed write of this context; answers how to stop listening. */
export type MutationSource = (listener: (parts: ObservabilitySet) => void) => () => void;

const dexieMutations: MutationSource = (listener) => {
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
};

/** Keys written since the last read, or every row when a write spanned a range (a clear, a range delete). */
type Changed = Set<string> | 'all';

interface TableCopy<Row> {
  rows: Map<string, Row> | null;
  /** The rows in key order, as IndexedDB lists them, made again only after a change. */
  list: Row[] | null;
  changed: Changed;
}

interface ObjectionCopy {
  /** Objections of the plans whose objections were read, by plan. */
  byPlan: Map<string, CoachingObjection[]>;
  planOf: Map<string, string>;
  changed: Changed;
}

interface DatabaseCopy {
  db: PrecallDb;
  plans: TableCopy<CoachingPlan>;
  opportunities: TableCopy<CoachingDealRow>;
  meetings: TableCopy<CoachingMeetingRow>;
  users: TableCopy<CoachingUserRow>;
  objections: ObjectionCopy;
  revision: number;
  /** Reads of one database run one after another, each seeing the writes before it. */
  queue: Promise<unknown>;
  /** The last answer: asked again for the same period with nothing written since, it is the answer. */
  last: { period: { fromMs: number; toMs: number }; read: CoachingCopyRead } | null;
}

type CopiedTable = 'plans' | 'opportunities' | 'meetings' | 'users' | 'objections';
const copiedTables: readonly CopiedTable[] = ['plans', 'opportunities', 'meetings', 'users', 'objections'];

/** Revisions never repeat, even across a database deleted and opened again under its name. */
let lastRevision = 0;

/**
 * The coaching view's rows held in the background between reports, one copy per database, so a
 * report over 20,000 plans does not read 20,000 plans from IndexedDB each time. Dexie tells of
 * every committed write with the keys it wrote (`storagemutated`); the next read takes only those
 * rows again, inside one read transaction, and the revision moves only when a row the view counts
 * really changed (a sync refreshing the same opportunities leaves it as it was). Only the fields
 * the view reads are kept (`coaching-rows.ts`); objections only for the plans a period asked for.
 */
export function createCoachingCopies(mutations: MutationSource = dexieMutations): CoachingCopies & { stop(): void } {
  const copies = new Map<string, DatabaseCopy>();

  const stop = mutations((parts) => {
    for (const copy of copies.values()) {
      for (const table of copiedTables) {
        const written = parts[`idb://${copy.db.name}/${table}/`];
        if (written) copy[table].changed = noted(copy[table].changed, written);
      }
    }
  });

  function copyOf(db: PrecallDb): DatabaseCopy {
    let copy = copies.get(db.name);
    if (!copy || copy.db !== db) {
      const table = <Row>(): TableCopy<Row> => ({ rows: null, list: null, changed: new Set() });
      copy = {
        db,
        plans: table(),
        opportunities: table(),
        meetings: table(),
        users: table(),
        objections: { byPlan: new Map(), planOf: new Map(), changed: new Set() },
        revision: ++lastRevision,
        queue: Promise.resolve(),
        last: null,
      };
      copies.set(db.name, copy);
    }
    return copy;
  }

  return {
    stop,
    read(db, period) {
      const copy = copyOf(db);
      const next = copy.queue.then(() => readCopy(copy, period));
      copy.queue = next.catch(() => undefined);
      return next;
    },
  };
}

interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** Adds the keys of a Dexie range set (a tree of ranges; a written key is a range from it to itself). */
function noted(changed: Changed, written: ObservabilitySet[string]): Changed {
  if (changed === 'all') return changed;
  const pending: (RangeNode | null | undefined)[] = [written as RangeNode];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    changed.add(node.from);
    pending.push(node.l, node.r);
  }
  return changed;
}

async function readCopy(copy: DatabaseCopy, period: { fromMs: number; toMs: number }): Promise<CoachingCopyRead> {
  const { db } = copy;
  const { last } = copy;
  // Nothing noted since the last answer for these days: no row, list or objection can differ
  // (20,000 plans walked again for nothing otherwise).
  if (
    last &&
    last.read.revision === copy.revision &&
    last.period.fromMs === period.fromMs &&
    last.period.toMs === period.toMs &&
    copiedTables.every((table) => copy[table].changed !== 'all' && copy[table].changed.size === 0)
  ) {
    return last.read;
  }
  // What was written before this read began; writes noted while it runs are taken by the next one.
  const taken = Object.fromEntries(copiedTables.map((table) => [table, copy[table].changed])) as Record<
    CopiedTable,
    Changed
  >;
  for (const table of copiedTables) copy[table].changed = new Set();
  try {
    let moved = false;
    // Only the tables with something to read take part: with nothing written since the last
    // report, no IndexedDB transaction at all, so a sync writing meanwhile keeps no one waiting.
    const stale = (table: Exclude<CopiedTable, 'objections'>) =>
      copy[table].rows === null || taken[table] === 'all' || taken[table].size > 0;
    const reading = (['plans', 'opportunities', 'meetings', 'users'] as const).filter(stale);
    const objectionsNeeded =
      reading.includes('plans') ||
      taken.objections === 'all' ||
      taken.objections.size > 0 ||
      missingObjections(copy, period).length > 0;
    const scope = [...reading, ...(objectionsNeeded ? (['objections'] as const) : [])].map((table) => db[table]);
    if (scope.length === 0) return result(copy, period);
    await db.transaction('r', scope, async () => {
      const results = await Promise.all([
        refreshed(copy.plans, taken.plans, db.plans, coachingPlanRow, (plan) => plan.planKey),
        refreshed(copy.opportunities, taken.opportunities, db.opportunities, coachingDealRow, (o) => o.id),
        refreshed(copy.meetings, taken.meetings, db.meetings, coachingMeetingRow, (m) => m.id),
        refreshed(copy.users, taken.users, db.users, coachingUserRow, (u) => u.id),
      ]);
      moved = results.some(Boolean);
      if (await refreshedObjections(copy, taken.objections, period)) moved = true;
    });
    if (moved) copy.revision = ++lastRevision;
  } catch (error) {
    // Nothing taken is lost: the next read takes it again.
    for (const table of copiedTables) copy[table].changed = merged(copy[table].changed, taken[table]);
    throw error;
  }
  return result(copy, period);
}

function result(copy: DatabaseCopy, period: { fromMs: number; toMs: number }): CoachingCopyRead {
  const read = freshResult(copy, period);
  copy.last = { period: { ...period }, read };
  return read;
}

function freshResult(copy: DatabaseCopy, period: { fromMs: number; toMs: number }): CoachingCopyRead {
  const plans = listOf(copy.plans);
  const window = objectionWindow(period);
  const objections: CoachingObjection[] = [];
  for (const plan of plans) {
    const at = Date.parse(plan.callAt);
    if (at < window.from || at > window.to) continue;
    const ofPlan = copy.objections.byPlan.get(plan.planKey) ?? [];
    objections.push(...ofPlan.sort((a, b) => byKey(a.objectionKey, b.objectionKey)));
  }
  return {
    revision: copy.revision,
    data: { plans, objections, meetings: listOf(copy.meetings), opportunities: listOf(copy.opportunities) },
    users: listOf(copy.users),
    opportunities: copy.opportunities.rows as Map<string, CoachingDealRow>,
    meetings: copy.meetings.rows as Map<string, CoachingMeetingRow>,
  };
}

/** Code-unit order, which is IndexedDB's order of string keys. */
function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function listOf<Row>(copy: TableCopy<Row>): Row[] {
  copy.list ??= [...(copy.rows as Map<string, Row>)].sort(([a], [b]) => byKey(a, b)).map(([, row]) => row);
  return copy.list;
}

function merged(now: Changed, before: Changed): Changed {
  if (now === 'all' || before === 'all') return 'all';
  for (const key of before) now.add(key);
  return now;
}

interface ReadableTable<Stored> {
  toArray(): Promise<Stored[]>;
  bulkGet(keys: string[]): Promise<(Stored | undefined)[]>;
}

/** Brings one table's copy up to date; answers whether a row the view reads changed. */
async function refreshed<Stored, Row extends object>(
  copy: TableCopy<Row>,
  changed: Changed,
  table: ReadableTable<Stored>,
  project: (stored: Stored) => Row,
  keyOf: (row: Row) => string,
): Promise<boolean> {
  const { rows } = copy;
  if (rows === null || changed === 'all') {
    const all = (await table.toArray()).map(project);
    copy.rows = new Map(all.map((row) => [keyOf(row), row]));
    copy.list = all;
    return true;
  }
  if (changed.size === 0) return false;
  const keys = [...changed];
  const stored = await table.bulkGet(keys);
  let moved = false;
  keys.forEach((key, i) => {
    const found = stored[i];
    const before = rows.get(key);
    if (found === undefined) {
      if (before !== undefined) {
        rows.delete(key);
        moved = true;
      }
      return;
    }
    const row = project(found);
    if (before === undefined || !sameRow(before, row)) {
      rows.set(key, row);
      moved = true;
    }
  });
  if (moved) copy.list = null;
  return moved;
}

/** Brings the objections of the period's plans up to date; answers whether one the view had read changed. */
async function refreshedObjections(
  copy: DatabaseCopy,
  changed: Changed,
  period: { fromMs: number; toMs: number },
): Promise<boolean> {
  const { db, objections } = copy;
  let moved = false;
  if (changed === 'all') {
    moved = objections.byPlan.size > 0;
    objections.byPlan.clear();
    objections.planOf.clear();
  } else if (changed.size > 0) {
    const keys = [...changed];
    const stored = await db.objections.bulkGet(keys);
    keys.forEach((key, i) => {
      const beforePlan = objections.planOf.get(key);
      const found = stored[i];
      const row = found ? coachingObjectionRow(found) : undefined;
      const before = beforePlan === undefined ? undefined : objections.byPlan.get(beforePlan);
      const old = before?.find((objection) => objection.objectionKey === key);
      if (old && row && sameRow(old, row)) return;
      if (before && old) {
        before.splice(before.indexOf(old), 1);
        objections.planOf.delete(key);
        moved = true;
      }
      const list = row ? objections.byPlan.get(row.planKey) : undefined;
      if (row && list) {
        list.push(row);
        objections.planOf.set(key, row.planKey);
        moved = true;
      }
    });
  }
  const missing = missingObjections(copy, period);
  if (missing.length > 0) {
    for (const planKey of missing) objections.byPlan.set(planKey, []);
    const found = await db.objections.where('planKey').anyOf(missing).toArray();
    for (const stored of found) {
      const row = coachingObjectionRow(stored);
      (objections.byPlan.get(row.planKey) as CoachingObjection[]).push(row);
      objections.planOf.set(row.objectionKey, row.planKey);
    }
  }
  return moved;
}

/** The period's plans whose objections were never read. */
function missingObjections(copy: DatabaseCopy, period: { fromMs: number; toMs: number }): string[] {
  const window = objectionWindow(period);
  const missing: string[] = [];
  // Asked only once the plans were read.
  for (const plan of (copy.plans.rows as Map<string, CoachingPlan>).values()) {
    const at = Date.parse(plan.callAt);
    if (at >= window.from && at <= window.to && !copy.objections.byPlan.has(plan.planKey)) missing.push(plan.planKey);
  }
  return missing;
}
