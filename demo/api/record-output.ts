import type { SObjectRecord } from '../org/types';
import type { ObjectSchema } from './schema/types';
import { recordUrl } from './sobject-params';

/**
 * A stored record as the REST API returns it: `attributes` first, then the fields in describe
 * order (all of them, or those asked for with `?fields=`).
 */
export function recordOutput(
  object: ObjectSchema,
  record: SObjectRecord,
  version: string,
  fields?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: object.name, url: recordUrl(version, object.name, record.Id) },
  };
  const names = fields ?? object.fields.map((f) => f.name);
  for (const name of names) out[name] = record[name] ?? null;
  return out;
}
