import { normalizeRecordId } from '../model/record-id';
import type { FieldKind, FieldMapping } from './plan-fields';

/**
 * How one value crosses between the local model and Salesforce, by the kind of its field
 * (plan-fields.ts). Pure: the record mappers, the merge and the push all go through here, so a
 * value pulled and pushed back is the value Salesforce sent.
 */

/** Salesforce's `2025-03-04T10:15:30.000+0000` (or any ISO-8601 form) as `toISOString()`. */
export function isoDateTimeOf(value: string): string | null {
  // Date.parse wants `+00:00`; Salesforce writes the offset without a colon.
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(withColon);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The local value of a Salesforce field value; `record` supplies `whenNullFrom`. */
export function localValueOf(mapping: FieldMapping, raw: unknown, record: Record<string, unknown> = {}): unknown {
  let value = raw;
  if ((value === null || value === undefined) && mapping.whenNullFrom) value = record[mapping.whenNullFrom];
  if (value === null || value === undefined) return mapping.whenNull ?? emptyOf(mapping.kind);
  switch (mapping.kind) {
    case 'text':
    case 'key':
    case 'picklist':
    case 'date':
      return String(value);
    case 'datetime':
      return isoDateTimeOf(String(value));
    case 'boolean':
      return value === true || value === 'true';
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'reference':
      return normalizeRecordId(String(value)) ?? String(value);
  }
}

/** The value Salesforce is sent for a local value: an empty text is null there. */
export function salesforceValueOf(kind: FieldKind, value: unknown): unknown {
  if (value === undefined) return null;
  if (kind === 'text' && value === '') return null;
  return value;
}

/**
 * Whether two local values are the same for sync. Date-times compare as instants to the second:
 * Salesforce keeps no milliseconds, so a value pushed with them comes back without.
 */
export function sameValue(kind: FieldKind, a: unknown, b: unknown): boolean {
  if (kind === 'datetime') {
    const left = typeof a === 'string' ? Date.parse(isoDateTimeOf(a) ?? '') : Number.NaN;
    const right = typeof b === 'string' ? Date.parse(isoDateTimeOf(b) ?? '') : Number.NaN;
    if (Number.isNaN(left) || Number.isNaN(right)) return (a ?? null) === (b ?? null);
    return Math.floor(left / 1000) === Math.floor(right / 1000);
  }
  if (kind === 'text') return (a ?? '') === (b ?? '');
  return (a ?? null) === (b ?? null);
}

function emptyOf(kind: FieldKind): unknown {
  if (kind === 'text') return '';
  if (kind === 'boolean') return false;
  return null;
}
