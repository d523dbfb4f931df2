/**
 * What a failure from Salesforce means for the change that met it (the PowerSync upload
 * contract): try again later, give up on this record and tell the rep, renew the session, or
 * stop and report. Salesforce's error codes decide; HTTP statuses reach us only through them
 * (jsforce names an error by its `errorCode`, `ERROR_HTTP_<status>` when the body had none).
 */
export type RequestFailureKind =
  /** No answer at all: network down, connection dropped, no answer within 30 s. */
  | 'offline'
  /** 401: the session is no longer valid. Renew once; then the rep must sign in. */
  | 'unauthorized'
  /** The org's daily API allowance is used up: wait long. */
  | 'limit'
  /** Salesforce had trouble (5xx, a locked row, a timeout): the same request may work later. */
  | 'retryable'
  /** Salesforce refused the request itself (malformed, no API access): retrying soon won't help. */
  | 'error';

export interface ClassifiedFailure {
  kind: RequestFailureKind;
  code: string;
  message: string;
}

const unauthorizedCodes = new Set(['INVALID_SESSION_ID', 'INVALID_AUTH_HEADER', 'ERROR_HTTP_401']);
const retryableCodes = new Set([
  'SERVER_UNAVAILABLE',
  'UNKNOWN_EXCEPTION',
  'UNABLE_TO_LOCK_ROW',
  'QUERY_TIMEOUT',
  'REQUEST_RUNNING_TOO_LONG',
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
]);

/**
 * Precall's own objects, or their child relationships (a subquery's way to them): a query or
 * write naming one that Salesforce does not know means it is hidden.
 */
const precallObjectPattern = /\b(?:Call_Plan(?:_Objection)?__c|Call_Plans__r|Objections__r)\b/i;

/**
 * The package is not deployed here or the user lacks its permission set: Salesforce answers
 * INVALID_TYPE for a query naming the object. Sync says what to ask the admin, not the raw text.
 */
function hidesPrecallObjects(code: string, text: string): boolean {
  return code === 'INVALID_TYPE' && precallObjectPattern.test(text);
}

export function classifyRequestError(error: unknown): ClassifiedFailure {
  const { name, errorCode, message } = (error ?? {}) as { name?: string; errorCode?: string; message?: string };
  const text = message ?? String(error);
  if (name === 'SalesforceUnreachable') return { kind: 'offline', code: 'offline', message: text };
  const code = errorCode ?? name ?? 'Error';
  if (unauthorizedCodes.has(code)) return { kind: 'unauthorized', code, message: text };
  if (code === 'REQUEST_LIMIT_EXCEEDED' || code === 'ERROR_HTTP_429') return { kind: 'limit', code, message: text };
  if (retryableCodes.has(code) || /^ERROR_HTTP_5\d\d$/.test(code)) return { kind: 'retryable', code, message: text };
  if (hidesPrecallObjects(code, text)) return { kind: 'error', code: 'objects-not-visible', message: text };
  return { kind: 'error', code, message: text };
}

/** One error of a record in an sObject Collections answer. */
export interface RecordError {
  statusCode: string;
  message: string;
  fields?: string[];
}

export type RecordVerdict =
  | { kind: 'retryable'; code: string; message: string }
  | { kind: 'rejected'; code: string; message: string; fields: string[] }
  /** The record is already gone: a delete needs nothing more. */
  | { kind: 'gone' };

const retryableRecordCodes = new Set([...retryableCodes, 'REQUEST_LIMIT_EXCEEDED']);

/**
 * A record Salesforce did not save. Rolled back with others, locked or a server hiccup: keep it
 * and retry. Anything about the record itself (validation rule, required field, picklist,
 * length, deleted parent, field-level security): reject it, keep the rep's edit, tell them.
 */
export function classifyRecordErrors(errors: readonly RecordError[], op: 'upsert' | 'delete'): RecordVerdict {
  const first = errors[0];
  if (!first) return { kind: 'retryable', code: 'UNKNOWN_EXCEPTION', message: 'Salesforce gave no reason' };
  if (op === 'delete' && errors.every((error) => error.statusCode === 'ENTITY_IS_DELETED')) return { kind: 'gone' };
  if (errors.every((error) => retryableRecordCodes.has(error.statusCode))) {
    return { kind: 'retryable', code: first.statusCode, message: first.message };
  }
  const reason = errors.find((error) => !retryableRecordCodes.has(error.statusCode)) ?? first;
  return {
    kind: 'rejected',
    code: reason.statusCode,
    message: reason.message,
    fields: [...new Set(errors.flatMap((error) => error.fields ?? []))],
  };
}
