import type { ConflictField } from '../db/sync-conflict';
import { sameValue } from '../salesforce/field-values';
import type { FieldMapping } from '../salesforce/plan-fields';

export interface MergeInput {
  /** The fields that sync merges (plan-fields.ts, Salesforce's own fields excluded). */
  fields: readonly FieldMapping[];
  /** Local names this user may write; Salesforce's value always wins on the others. */
  writable: ReadonlySet<string>;
  /** What Salesforce last confirmed; null for a record it never confirmed to this client. */
  base: Readonly<Record<string, unknown>> | null;
  local: Readonly<Record<string, unknown>>;
  remote: Readonly<Record<string, unknown>>;
  /** Values this client sent and has no answer for yet (a push whose answer was lost). */
  sent: readonly Readonly<Record<string, unknown>>[];
}

export interface MergeResult {
  /** The record's field values after the merge. */
  values: Record<string, unknown>;
  /** The new last synced copy: Salesforce's values, except where a conflict keeps the old base. */
  base: Record<string, unknown>;
  conflicts: ConflictField[];
  /** Fields where this client's value differs from the new base: they still need a push. */
  localChanges: string[];
}

/**
 * Three-way merge of one record, field by field, against the last synced copy (the common
 * ancestor). A field changed on one side takes that side's value; changed on both sides to the
 * same value, it agrees; changed on both sides differently, it is a conflict, kept with the three
 * values and the local value shown until the rep chooses. A conflicting field keeps its old base,
 * so the next pull finds the same conflict again instead of taking either side.
 */
export function mergeRecord(input: MergeInput): MergeResult {
  const values: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  const conflicts: ConflictField[] = [];
  const localChanges: string[] = [];
  for (const mapping of input.fields) {
    const field = mapping.local;
    const local = input.local[field];
    const remote = input.remote[field];
    const same = (a: unknown, b: unknown) => sameValue(mapping.kind, a, b);
    if (!input.writable.has(field) || same(local, remote)) {
      values[field] = remote;
      base[field] = remote;
      continue;
    }
    const ancestor = ancestorOf(input, field, same);
    if (ancestor.known && same(local, ancestor.value)) {
      values[field] = remote;
      base[field] = remote;
    } else if (ancestor.known && same(remote, ancestor.value)) {
      values[field] = local;
      base[field] = remote;
      localChanges.push(field);
    } else {
      values[field] = local;
      if (ancestor.known) base[field] = ancestor.value;
      conflicts.push({ field, base: ancestor.known ? ancestor.value : null, local, remote });
    }
  }
  return { values, base, conflicts, localChanges };
}

/**
 * The common ancestor of one field. A remote value equal to one this client sent is its own
 * write coming back, whatever the base says; without a base, the last value sent is what
 * Salesforce was given when it created the record.
 */
function ancestorOf(
  input: MergeInput,
  field: string,
  same: (a: unknown, b: unknown) => boolean,
): { known: true; value: unknown } | { known: false } {
  const sent = input.sent.filter((values) => Object.hasOwn(values, field)).map((values) => values[field]);
  if (sent.some((value) => same(value, input.remote[field]))) return { known: true, value: input.remote[field] };
  if (input.base && Object.hasOwn(input.base, field)) return { known: true, value: input.base[field] };
  if (sent.length > 0) return { known: true, value: sent[sent.length - 1] };
  return { known: false };
}

/** Fields whose local value differs from the base (a missing base field counts as differing). */
export function changedFields(
  fields: readonly FieldMapping[],
  local: Readonly<Record<string, unknown>>,
  base: Readonly<Record<string, unknown>> | null,
): FieldMapping[] {
  return fields.filter(
    (mapping) =>
      !base ||
      !Object.hasOwn(base, mapping.local) ||
      !sameValue(mapping.kind, local[mapping.local], base[mapping.local]),
  );
}
