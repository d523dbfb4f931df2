import type { PrecallDb } from '../db/precall-db';
import type { SyncedObject } from '../salesforce/map-synced-record';

/**
 * The queried records this client has to store: those Salesforce changed since the last synced
 * copy it holds of them. A record whose Id and SystemModstamp are the copy's own is what this
 * client already merged; the overlap window of every incremental pull reads the last minutes'
 * records again, and a bulk change in Salesforce can put thousands of them there. They are left
 * out before they are parsed, and cost one read of the page's last synced copies.
 */
export async function changedSinceBase(
  db: PrecallDb,
  object: SyncedObject,
  records: readonly unknown[],
): Promise<unknown[]> {
  const keys = records.map((raw) => (raw as Record<string, unknown> | null)?.[object.externalIdField]);
  const known = keys.flatMap((key, index) => (typeof key === 'string' ? [index] : []));
  const bases = await db.bases.bulkGet(known.map((index) => [object.table, keys[index] as string]));
  const unchanged = new Set<number>();
  for (const [at, index] of known.entries()) {
    const base = bases[at];
    const record = records[index] as Record<string, unknown>;
    // A deletion always counts: only a live record can be the copy this client holds.
    if (
      base &&
      record.IsDeleted !== true &&
      base.salesforceId === record.Id &&
      base.systemModstamp === record.SystemModstamp
    ) {
      unchanged.add(index);
    }
  }
  return records.filter((_, index) => !unchanged.has(index));
}
