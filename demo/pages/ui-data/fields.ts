import type { SObjectRecord } from '../../org/types';

/** Records come from the API store untyped; these read one field as the pages need it. */
export function textField(record: SObjectRecord, field: string): string | null {
  const value = record[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function numberField(record: SObjectRecord, field: string): number | null {
  const value = record[field];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
