import type { FieldSchema, ObjectSchema, OrgSchema } from '../api/schema/types';
import type { SObjectRecord } from './types';

/**
 * The org's records, in memory, as the API returns them (describe casing, API value formats).
 * Records are never mutated in place: a write replaces the object, so a transaction can roll
 * back by putting the previous objects back, and query results handed out earlier stay stable.
 * Soft-deleted records stay (IsDeleted = true) for queryAll and the /deleted endpoint.
 */
export interface StoreSnapshot {
  records: Record<string, SObjectRecord[]>;
  deleted: Record<string, [string, number][]>;
  autoNumbers: Record<string, number>;
}

interface Table {
  readonly object: ObjectSchema;
  readonly byId: Map<string, SObjectRecord>;
  /** Unique and external-id fields: normalised value → ids holding it (live records only). */
  readonly keyIndexes: Map<string, Map<string, string[]>>;
  /** Reference fields: parent id → child ids, for cascade delete and sharing look-ups. */
  readonly childIndexes: Map<string, Map<string, Set<string>>>;
  readonly deleted: Map<string, number>;
  readonly fieldsByName: Map<string, FieldSchema>;
  autoNumber: number;
}

interface JournalEntry {
  object: string;
  id: string;
  previous: SObjectRecord | undefined;
  previousDeleted: number | undefined;
}

export class RecordStore {
  private readonly tables = new Map<string, Table>();
  private journal: JournalEntry[] | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly schema: OrgSchema) {
    for (const object of schema.objects) this.tables.set(object.name.toLowerCase(), newTable(object));
  }

  /** Called after every change (persistence listens). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  objectOf(name: string): ObjectSchema | undefined {
    return this.tables.get(name.toLowerCase())?.object;
  }

  get(object: string, id: string): SObjectRecord | undefined {
    return this.table(object).byId.get(id);
  }

  /** Every record of an object, soft-deleted ones included. */
  all(object: string): IterableIterator<SObjectRecord> {
    return this.table(object).byId.values();
  }

  count(object: string): number {
    return this.table(object).byId.size;
  }

  /** Live records whose unique / external-id field holds `value` (case rules of the field). */
  findByKey(object: string, field: FieldSchema, value: unknown): SObjectRecord[] {
    const table = this.table(object);
    const index = table.keyIndexes.get(field.name);
    if (!index || value === null || value === undefined) return [];
    const ids = index.get(keyOf(field, value)) ?? [];
    return ids.map((id) => table.byId.get(id)).filter((r): r is SObjectRecord => r !== undefined);
  }

  /** Live ids of the children pointing at `parentId` through `field`. */
  childIds(object: string, field: string, parentId: string): string[] {
    const ids = this.table(object).childIndexes.get(field)?.get(parentId);
    return ids ? [...ids] : [];
  }

  deletedSince(object: string): Map<string, number> {
    return this.table(object).deleted;
  }

  nextAutoNumber(object: string): number {
    const table = this.table(object);
    table.autoNumber += 1;
    return table.autoNumber;
  }

  /** Inserts or replaces a record (validation happened before). */
  put(object: string, record: SObjectRecord): void {
    const table = this.table(object);
    const previous = table.byId.get(record.Id);
    this.remember(table, record.Id, previous);
    if (previous) unindex(table, previous);
    table.byId.set(record.Id, record);
    if (record.IsDeleted === true) {
      if (!table.deleted.has(record.Id)) table.deleted.set(record.Id, Date.now());
    } else {
      table.deleted.delete(record.Id);
      index(table, record);
    }
    this.changed();
  }

  /** Soft delete: the record stays, flagged, and is listed by /deleted with its deletion time. */
  markDeleted(object: string, id: string, deletedAtMs: number, stamped: SObjectRecord): void {
    const table = this.table(object);
    const previous = table.byId.get(id);
    if (!previous) return;
    this.remember(table, id, previous);
    unindex(table, previous);
    table.byId.set(id, { ...stamped, IsDeleted: true });
    table.deleted.set(id, deletedAtMs);
    this.changed();
  }

  /** Runs `work` as one unit: if it throws, every record it touched is put back. */
  transaction<T>(work: () => T): T {
    if (this.journal) return work();
    this.journal = [];
    try {
      const result = work();
      this.journal = null;
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private rollback(): void {
    const entries = this.journal ?? [];
    this.journal = null;
    for (const entry of entries.reverse()) {
      const table = this.table(entry.object);
      const current = table.byId.get(entry.id);
      if (current) unindex(table, current);
      if (entry.previous) {
        table.byId.set(entry.id, entry.previous);
        if (entry.previous.IsDeleted !== true) index(table, entry.previous);
      } else {
        table.byId.delete(entry.id);
      }
      if (entry.previousDeleted === undefined) table.deleted.delete(entry.id);
      else table.deleted.set(entry.id, entry.previousDeleted);
    }
    this.changed();
  }

  clear(): void {
    for (const [name, table] of this.tables) this.tables.set(name, newTable(table.object));
    this.changed();
  }

  snapshot(): StoreSnapshot {
    const snapshot: StoreSnapshot = { records: {}, deleted: {}, autoNumbers: {} };
    for (const table of this.tables.values()) {
      snapshot.records[table.object.name] = [...table.byId.values()];
      snapshot.deleted[table.object.name] = [...table.deleted.entries()];
      snapshot.autoNumbers[table.object.name] = table.autoNumber;
    }
    return snapshot;
  }

  restore(snapshot: StoreSnapshot): void {
    this.clear();
    for (const [name, records] of Object.entries(snapshot.records)) {
      const table = this.tables.get(name.toLowerCase());
      if (!table) continue;
      for (const record of records) {
        table.byId.set(record.Id, record);
        if (record.IsDeleted !== true) index(table, record);
      }
      for (const [id, ms] of snapshot.deleted[name] ?? []) table.deleted.set(id, ms);
      table.autoNumber = snapshot.autoNumbers[name] ?? 0;
    }
    this.changed();
  }

  private table(object: string): Table {
    const table = this.tables.get(object.toLowerCase());
    if (!table) throw new Error(`Unknown sObject ${object}`);
    return table;
  }

  private remember(table: Table, id: string, previous: SObjectRecord | undefined): void {
    this.journal?.push({ object: table.object.name, id, previous, previousDeleted: table.deleted.get(id) });
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function newTable(object: ObjectSchema): Table {
  const keyIndexes = new Map<string, Map<string, string[]>>();
  const childIndexes = new Map<string, Map<string, Set<string>>>();
  for (const field of object.fields) {
    if (field.unique || field.externalId) keyIndexes.set(field.name, new Map());
    // Parent look-ups (cascade delete, an account's opportunities) need these; owner and audit
    // references would only cost memory on large seeds.
    if (field.type === 'reference' && !field.system && field.name !== 'OwnerId')
      childIndexes.set(field.name, new Map());
  }
  const fieldsByName = new Map(object.fields.map((f) => [f.name, f]));
  return { object, byId: new Map(), keyIndexes, childIndexes, deleted: new Map(), fieldsByName, autoNumber: 0 };
}

/** Salesforce compares unique text case-insensitively unless the field says otherwise. */
function keyOf(field: FieldSchema, value: unknown): string {
  const text = String(value);
  return field.caseSensitive ? text : text.toLowerCase();
}

function index(table: Table, record: SObjectRecord): void {
  for (const [name, values] of table.keyIndexes) {
    const value = record[name];
    if (value === null || value === undefined || value === '') continue;
    const field = fieldOf(table, name);
    const key = keyOf(field, value);
    const ids = values.get(key);
    if (ids) ids.push(record.Id);
    else values.set(key, [record.Id]);
  }
  for (const [name, parents] of table.childIndexes) {
    const parentId = record[name];
    if (typeof parentId !== 'string') continue;
    const children = parents.get(parentId);
    if (children) children.add(record.Id);
    else parents.set(parentId, new Set([record.Id]));
  }
}

function unindex(table: Table, record: SObjectRecord): void {
  for (const [name, values] of table.keyIndexes) {
    const value = record[name];
    if (value === null || value === undefined || value === '') continue;
    const key = keyOf(fieldOf(table, name), value);
    const ids = values.get(key)?.filter((id) => id !== record.Id);
    if (!ids || ids.length === 0) values.delete(key);
    else values.set(key, ids);
  }
  for (const [name, parents] of table.childIndexes) {
    const parentId = record[name];
    if (typeof parentId !== 'string') continue;
    const children = parents.get(parentId);
    children?.delete(record.Id);
    if (children && children.size === 0) parents.delete(parentId);
  }
}

function fieldOf(table: Table, name: string): FieldSchema {
  const field = table.fieldsByName.get(name);
  if (!field) throw new Error(`Unknown field ${table.object.name}.${name}`);
  return field;
}
