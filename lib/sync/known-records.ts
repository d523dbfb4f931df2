import type { BaseCopy } from '../db/base-copy';
import type { SyncedTable } from '../db/outbox-entry';
import type { PrecallDb } from '../db/precall-db';
import type { RemoteRecord } from '../salesforce/map-synced-record';

type Row = Record<string, unknown>;

/**
 * What this client holds about the records of one pulled page, read in a few requests for the
 * whole page: each record's local row, last synced copy, waiting changes and conflict, and for
 * an objection its plan. Records that only need storing (new here, or unchanged since the last
 * pull) are then decided without a read per record; IndexedDB in a worker answers each request
 * in its own round trip, which made a pull of 10,000 plans wait minutes on reads.
 */
export interface KnownRecords {
  row(table: SyncedTable, key: string): Row | undefined;
  base(table: SyncedTable, key: string): BaseCopy | undefined;
  /** A change of this record waits in the outbox. */
  waiting(table: SyncedTable, key: string): boolean;
  hasConflict(table: SyncedTable, key: string): boolean;
  /** Records the page stored: later records of the page read them from here. */
  stored(table: SyncedTable, key: string, row: Row, base: BaseCopy): void;
}

export async function readKnownRecords(db: PrecallDb, records: readonly RemoteRecord[]): Promise<KnownRecords> {
  const keys = { plans: new Set<string>(), objections: new Set<string>() };
  for (const record of records) {
    keys[record.table].add(record.key);
    // An objection is stored against its plan.
    keys.plans.add(record.planKey);
  }
  const planKeys = [...keys.plans];
  const objectionKeys = [...keys.objections];
  const ids: [SyncedTable, string][] = [
    ...planKeys.map((key) => ['plans', key] as [SyncedTable, string]),
    ...objectionKeys.map((key) => ['objections', key] as [SyncedTable, string]),
  ];
  const [plans, objections, bases, conflicts, waiting] = await Promise.all([
    db.plans.bulkGet(planKeys),
    db.objections.bulkGet(objectionKeys),
    db.bases.bulkGet(ids),
    db.conflicts.bulkGet(ids),
    ids.length > 0 ? db.outbox.where('[table+key]').anyOf(ids).toArray() : [],
  ]);
  const id = (table: SyncedTable, key: string) => `${table}\u0000${key}`;
  const rows = new Map<string, Row>();
  planKeys.forEach((key, index) => {
    const plan = plans[index];
    if (plan) rows.set(id('plans', key), plan as unknown as Row);
  });
  objectionKeys.forEach((key, index) => {
    const objection = objections[index];
    if (objection) rows.set(id('objections', key), objection as unknown as Row);
  });
  const baseOf = new Map<string, BaseCopy>();
  for (const base of bases) if (base) baseOf.set(id(base.table, base.key), base);
  const conflicted = new Set(conflicts.flatMap((conflict) => (conflict ? [id(conflict.table, conflict.key)] : [])));
  const waits = new Set(waiting.map((entry) => id(entry.table, entry.key)));
  return {
    row: (table, key) => rows.get(id(table, key)),
    base: (table, key) => baseOf.get(id(table, key)),
    waiting: (table, key) => waits.has(id(table, key)),
    hasConflict: (table, key) => conflicted.has(id(table, key)),
    stored(table, key, row, base) {
      rows.set(id(table, key), row);
      baseOf.set(id(table, key), base);
    },
  };
}
