import type { OrgSchema } from '../schema/types.ts';

/** What the engine needs from the store; the REST server builds one per request. */
export interface QueryContext {
  schema: OrgSchema;
  /** Rows of an object visible to the caller (sharing already applied); includes IsDeleted=true rows only when includeDeleted. */
  rows(objectName: string): Iterable<StoredRecord>;
  /** For parent relationship traversal (visibility-filtered). */
  byId(objectName: string, id: string): StoredRecord | undefined;
  /** queryAll */
  includeDeleted: boolean;
  /** For TODAY / LAST_N_DAYS, in UTC. */
  now: Date;
  /** e.g. '62.0', used in attributes.url */
  apiVersion: string;
}

/** Values in stored form: datetimes '2025-03-04T10:15:30.000+0000', dates 'YYYY-MM-DD', booleans, numbers, null. */
export type StoredRecord = { Id: string } & Record<string, unknown>;

export interface RecordAttributes {
  type: string;
  url?: string;
}

export type OutputRecord = { attributes: RecordAttributes } & Record<string, unknown>;

/** A child subquery's value on its parent record. */
export interface ChildRecords {
  totalSize: number;
  done: true;
  records: OutputRecord[];
}

export interface QueryResult {
  totalSize: number;
  /** Fully built; the caller pages them. */
  records: OutputRecord[];
  /** Set for `SELECT COUNT()`, whose answer is totalSize alone. */
  count?: boolean;
}
