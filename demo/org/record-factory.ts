import { formatDateTime, parseDateTime } from '../api/format';
import type { FieldSchema, ObjectSchema } from '../api/schema/types';
import { deriveFields } from './computed-fields';
import type { IdGenerator } from './id-generator';
import type { RecordStore } from './record-store';
import type { SObjectRecord } from './types';

/**
 * Builds stored records: every describe field present (null when unset, defaults applied), and
 * the fields Salesforce itself sets — Id, auto-number Name, IsDeleted, CreatedDate,
 * LastModifiedDate, SystemModstamp, CreatedById, LastModifiedById, OwnerId — filled by the server.
 */
export interface WriteStamp {
  /** The user the write runs as. */
  by: string;
  /** Server time of the write (strictly increasing, from the clock). */
  at: Date;
  /** Seed data may back-date a record's creation (a plan written days ago). */
  createdAt?: Date;
  /** Seed records keep their hand-written ids. */
  id?: string;
}

const systemFields = new Set([
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
]);

export function isSystemField(field: FieldSchema): boolean {
  return field.system || systemFields.has(field.name) || field.autoNumber !== null;
}

export function newRecord(
  store: RecordStore,
  ids: IdGenerator,
  object: ObjectSchema,
  values: Record<string, unknown>,
  stamp: WriteStamp,
): SObjectRecord {
  const record: SObjectRecord = { Id: stamp.id ?? ids.next(object.keyPrefix) };
  for (const field of object.fields) {
    if (field.name === 'Id') continue;
    if (field.autoNumber !== null)
      record[field.name] = formatAutoNumber(field.autoNumber, store.nextAutoNumber(object.name));
    else if (field.name in values) record[field.name] = normalizeValue(field, values[field.name]);
    else record[field.name] = defaultOf(field);
  }
  const created = formatDateTime(stamp.createdAt ?? stamp.at);
  const modified = formatDateTime(stamp.at);
  if (hasField(object, 'IsDeleted')) record.IsDeleted = false;
  record.CreatedDate = created;
  record.CreatedById = stamp.by;
  record.LastModifiedDate = modified;
  record.LastModifiedById = stamp.by;
  record.SystemModstamp = modified;
  if (hasField(object, 'OwnerId') && typeof record.OwnerId !== 'string') record.OwnerId = stamp.by;
  deriveFields(store, object.name, record);
  return record;
}

export function updatedRecord(
  store: RecordStore,
  object: ObjectSchema,
  previous: SObjectRecord,
  values: Record<string, unknown>,
  stamp: WriteStamp,
): SObjectRecord {
  const record: SObjectRecord = { ...previous };
  for (const [name, value] of Object.entries(values)) {
    const field = object.fields.find((f) => f.name === name);
    if (field && !isSystemField(field)) record[name] = normalizeValue(field, value);
  }
  const modified = formatDateTime(stamp.at);
  record.LastModifiedDate = modified;
  record.LastModifiedById = stamp.by;
  record.SystemModstamp = modified;
  deriveFields(store, object.name, record);
  return record;
}

/** Only SystemModstamp moves on delete, as in Salesforce (it is what replication reads). */
export function deletedRecord(previous: SObjectRecord, stamp: WriteStamp): SObjectRecord {
  return { ...previous, IsDeleted: true, SystemModstamp: formatDateTime(stamp.at) };
}

/** `CP-{00000}` → `CP-00042`; date tokens follow Salesforce's auto-number display format. */
export function formatAutoNumber(format: string, value: number): string {
  const now = new Date();
  return format
    .replace(/\{(0+)\}/, (_m, zeros: string) => String(value).padStart(zeros.length, '0'))
    .replace('{YYYY}', String(now.getUTCFullYear()))
    .replace('{YY}', String(now.getUTCFullYear()).slice(2))
    .replace('{MM}', String(now.getUTCMonth() + 1).padStart(2, '0'))
    .replace('{DD}', String(now.getUTCDate()).padStart(2, '0'));
}

function defaultOf(field: FieldSchema): unknown {
  if (field.defaultValue !== null) return field.defaultValue;
  const preset = field.picklistValues.find((v) => v.defaultValue);
  if (preset) return preset.value;
  return field.type === 'boolean' ? false : null;
}

/** Stored values use the API's output formats, so reads never re-format. */
function normalizeValue(field: FieldSchema, value: unknown): unknown {
  if (value === undefined || value === '') return field.type === 'boolean' ? false : null;
  if (field.type === 'datetime' && typeof value === 'string') {
    const parsed = parseDateTime(value);
    return parsed ? formatDateTime(parsed) : value;
  }
  return value;
}

function hasField(object: ObjectSchema, name: string): boolean {
  return object.fields.some((f) => f.name === name);
}
