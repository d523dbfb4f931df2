import type { DemoOrgRuntime } from '../../org/demo-org';
import type { DemoUser } from '../../org/types';
import type { ObjectSchema } from '../schema/types';
import { type RecordWrite, validateRecordWrite } from '../validation';

/** Field-level checks of one body against the org's schema as the writer sees it (the rules live in demo/api/validation.ts). */
export function validateBody(
  org: DemoOrgRuntime,
  object: ObjectSchema,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
  user: DemoUser,
): RecordWrite {
  // Parents named by External ID are looked up in what this user may see, too.
  return validateRecordWrite(object, body, mode, org.schemaFor(user));
}
