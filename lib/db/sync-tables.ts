import type { PrecallDb } from './precall-db';

/** Every table a sync step may write in one transaction: the records and what sync keeps about them. */
export function syncTables(db: PrecallDb) {
  return [db.plans, db.objections, db.outbox, db.bases, db.conflicts, db.rejections, db.syncState];
}
