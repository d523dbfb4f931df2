import type { DemoOrgRuntime } from '../../org/demo-org';
import type { DemoUser } from '../../org/types';
import type { SalesforceError } from '../errors';
import type { FaultRegistry, RequestFacts } from '../faults';

/**
 * One record's write result. Single-record routes turn a failure into an HTTP error (status
 * and `[{message, errorCode, fields}]`); collection routes into `{success:false, errors:[…]}`
 * items with `statusCode`, as Salesforce does.
 */
export type RecordError = SalesforceError;

export type SaveOutcome =
  | { ok: true; id: string; created: boolean }
  | { ok: false; status: number; errors: RecordError[]; id?: string };

/** Who writes, and the request it comes in (for injected validation faults). */
export interface WriteScope {
  org: DemoOrgRuntime;
  user: DemoUser;
  facts: RequestFacts;
  faults: FaultRegistry;
}

export const recordError = (statusCode: string, message: string, fields: string[] = []): RecordError => ({
  statusCode,
  message,
  fields,
});

export function failed(status: number, errors: RecordError[], id?: string): SaveOutcome {
  return id === undefined ? { ok: false, status, errors } : { ok: false, status, errors, id };
}

/** Thrown inside a transaction to roll it back while keeping the per-record outcomes. */
export class RollBack extends Error {
  constructor() {
    super('roll back');
  }
}
