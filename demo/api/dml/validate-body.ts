import type { DemoOrgRuntime } from '../../org/demo-org';
import type { ObjectSchema } from '../schema/types';
import { type RecordWrite, validateRecordWrite } from '../validation';

/** Field-level checks of one body against the org's schema (the rules live in demo/api/validation.ts). */
export function validateBody(
  org: DemoOrgRuntime,
  object: ObjectSchema,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): RecordWrite {
  return validateRecordWrite(object, body, mode, org.schema);
}
