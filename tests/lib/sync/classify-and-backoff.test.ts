import { describe, expect, it } from 'vitest';
import { retryDelayMs, scheduledPullIntervalMs, usageFactor } from '../../../lib/sync/backoff';
import { classifyRecordErrors, classifyRequestError } from '../../../lib/sync/classify-result';
import { scheduledRun } from '../../../lib/sync/scheduled-run';

const httpError = (errorCode: string) => Object.assign(new Error(errorCode), { name: errorCode, errorCode });

describe('classifyRequestError', () => {
  it.each([
    ['no answer at all', Object.assign(new Error('no answer'), { name: 'SalesforceUnreachable' }), 'offline'],
    ['401 INVALID_SESSION_ID', httpError('INVALID_SESSION_ID'), 'unauthorized'],
    ['a bare 401', httpError('ERROR_HTTP_401'), 'unauthorized'],
    ['403 REQUEST_LIMIT_EXCEEDED', httpError('REQUEST_LIMIT_EXCEEDED'), 'limit'],
    ['503 SERVER_UNAVAILABLE', httpError('SERVER_UNAVAILABLE'), 'retryable'],
    ['500 UNKNOWN_EXCEPTION', httpError('UNKNOWN_EXCEPTION'), 'retryable'],
    ['a bare 502', httpError('ERROR_HTTP_502'), 'retryable'],
    ['UNABLE_TO_LOCK_ROW', httpError('UNABLE_TO_LOCK_ROW'), 'retryable'],
    ['MALFORMED_QUERY', httpError('MALFORMED_QUERY'), 'error'],
    ['API_DISABLED_FOR_ORG', httpError('API_DISABLED_FOR_ORG'), 'error'],
    ['a bare 404', httpError('ERROR_HTTP_404'), 'error'],
    ['INVALID_TYPE on Precall’s object', httpError('INVALID_TYPE'), 'error'],
    ['INVALID_AUTH_HEADER', httpError('INVALID_AUTH_HEADER'), 'unauthorized'],
    ['a bare 429', httpError('ERROR_HTTP_429'), 'limit'],
    ['QUERY_TIMEOUT', httpError('QUERY_TIMEOUT'), 'retryable'],
    ['REQUEST_RUNNING_TOO_LONG', httpError('REQUEST_RUNNING_TOO_LONG'), 'retryable'],
    ['ALL_OR_NONE_OPERATION_ROLLED_BACK', httpError('ALL_OR_NONE_OPERATION_ROLLED_BACK'), 'retryable'],
    ['a bare 503', httpError('ERROR_HTTP_503'), 'retryable'],
    ['a 5xx code with more after it', httpError('ERROR_HTTP_5000'), 'error'],
    ['a 5xx code inside another', httpError('X_ERROR_HTTP_500'), 'error'],
    ['a 4xx', httpError('ERROR_HTTP_400'), 'error'],
  ])('%s → %s', (_name, error, kind) => {
    expect(classifyRequestError(error).kind).toBe(kind);
  });

  it('keeps the message and names the code, “offline” when no answer came', () => {
    expect(classifyRequestError(Object.assign(new Error('no answer'), { name: 'SalesforceUnreachable' }))).toEqual({
      kind: 'offline',
      code: 'offline',
      message: 'no answer',
    });
    expect(classifyRequestError(httpError('UNABLE_TO_LOCK_ROW'))).toEqual({
      kind: 'retryable',
      code: 'UNABLE_TO_LOCK_ROW',
      message: 'UNABLE_TO_LOCK_ROW',
    });
    expect(classifyRequestError('thrown text')).toEqual({ kind: 'error', code: 'Error', message: 'thrown text' });
  });

  it.each([
    ["sObject type 'Call_Plan__c' is not supported.", 'objects-not-visible'],
    ["sObject type 'Call_Plan_Objection__c' is not supported.", 'objects-not-visible'],
    [
      "Didn't understand relationship 'Call_Plans__r' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.",
      'objects-not-visible',
    ],
    ["sObject type 'Quote__c' is not supported.", 'INVALID_TYPE'],
    ["Didn't understand relationship 'Quotes__r' in FROM part of query call.", 'INVALID_TYPE'],
    ["sObject type 'call_plan__c' is not supported.", 'objects-not-visible'],
    ["sObject type 'My_Call_Plan__c' is not supported.", 'INVALID_TYPE'],
    ["sObject type 'Call_Plan__cx' is not supported.", 'INVALID_TYPE'],
    ["Didn't understand relationship 'Objections__r' in FROM part of query call.", 'objects-not-visible'],
  ])('INVALID_TYPE "%s" → code %s (Precall’s objects matched whole, in any case)', (message, code) => {
    const error = Object.assign(new Error(message), { name: 'INVALID_TYPE', errorCode: 'INVALID_TYPE' });
    expect(classifyRequestError(error)).toEqual({ kind: 'error', code, message });
  });

  it.each<[string, unknown, { kind: string; code: string; message: string }]>([
    [
      'an error without an errorCode, by its name',
      Object.assign(new Error('down'), { name: 'SERVER_UNAVAILABLE' }),
      { kind: 'retryable', code: 'SERVER_UNAVAILABLE', message: 'down' },
    ],
    ['a thrown string', 'socket hang up', { kind: 'error', code: 'Error', message: 'socket hang up' }],
    ['nothing at all', undefined, { kind: 'error', code: 'Error', message: 'undefined' }],
    [
      'an object without a message',
      { errorCode: 'UNKNOWN_EXCEPTION' },
      { kind: 'retryable', code: 'UNKNOWN_EXCEPTION', message: '[object Object]' },
    ],
  ])('%s', (_name, error, expected) => {
    expect(classifyRequestError(error)).toEqual(expected);
  });

  it('another code naming Precall’s object is not "objects not visible"', () => {
    const error = Object.assign(new Error("No such column 'Goal__c' on entity 'Call_Plan__c'"), {
      errorCode: 'INVALID_FIELD',
    });
    expect(classifyRequestError(error).code).toBe('INVALID_FIELD');
  });

  it('keeps Salesforce code and message', () => {
    expect(classifyRequestError(httpError('SERVER_UNAVAILABLE'))).toEqual({
      kind: 'retryable',
      code: 'SERVER_UNAVAILABLE',
      message: 'SERVER_UNAVAILABLE',
    });
  });
});

const recordError = (statusCode: string, fields: string[] = []) => ({
  statusCode,
  message: `${statusCode} text`,
  fields,
});

describe('classifyRecordErrors', () => {
  it.each([
    ['rolled back with others', ['ALL_OR_NONE_OPERATION_ROLLED_BACK'], 'upsert', 'retryable'],
    ['a locked row', ['UNABLE_TO_LOCK_ROW'], 'upsert', 'retryable'],
    ['a validation rule', ['FIELD_CUSTOM_VALIDATION_EXCEPTION'], 'upsert', 'rejected'],
    ['a required field', ['REQUIRED_FIELD_MISSING'], 'upsert', 'rejected'],
    ['a picklist value', ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'], 'upsert', 'rejected'],
    ['too long', ['STRING_TOO_LONG'], 'upsert', 'rejected'],
    ['field-level security', ['INVALID_FIELD_FOR_INSERT_UPDATE'], 'upsert', 'rejected'],
    ['a deleted parent', ['ENTITY_IS_DELETED'], 'upsert', 'rejected'],
    ['rolled back, and a real reason', ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'STRING_TOO_LONG'], 'upsert', 'rejected'],
    ['a delete of a record already gone', ['ENTITY_IS_DELETED'], 'delete', 'gone'],
    ['a delete without access', ['INSUFFICIENT_ACCESS_OR_READONLY'], 'delete', 'rejected'],
    ['no reason given', [], 'upsert', 'retryable'],
    ['a record over the daily limit', ['REQUEST_LIMIT_EXCEEDED'], 'upsert', 'retryable'],
    [
      'a delete of a record gone, with a lock on another',
      ['ENTITY_IS_DELETED', 'UNABLE_TO_LOCK_ROW'],
      'delete',
      'rejected',
    ],
  ] as const)('%s → %s', (_name, codes, op, kind) => {
    expect(
      classifyRecordErrors(
        codes.map((c) => recordError(c)),
        op,
      ).kind,
    ).toBe(kind);
  });

  it("keeps the refusal's code, message and fields for the rep", () => {
    expect(
      classifyRecordErrors(
        [recordError('ALL_OR_NONE_OPERATION_ROLLED_BACK'), recordError('STRING_TOO_LONG', ['Goal__c'])],
        'upsert',
      ),
    ).toEqual({ kind: 'rejected', code: 'STRING_TOO_LONG', message: 'STRING_TOO_LONG text', fields: ['Goal__c'] });
  });

  it('a retryable record keeps its first code and message; a record without a reason says so', () => {
    expect(
      classifyRecordErrors([recordError('UNABLE_TO_LOCK_ROW'), recordError('SERVER_UNAVAILABLE')], 'upsert'),
    ).toEqual({
      kind: 'retryable',
      code: 'UNABLE_TO_LOCK_ROW',
      message: 'UNABLE_TO_LOCK_ROW text',
    });
    expect(classifyRecordErrors([], 'upsert')).toEqual({
      kind: 'retryable',
      code: 'UNKNOWN_EXCEPTION',
      message: 'Salesforce gave no reason',
    });
  });

  it('names every field of every error once, and none when Salesforce named none', () => {
    expect(
      classifyRecordErrors(
        [
          recordError('STRING_TOO_LONG', ['Goal__c', 'Best_Next_Step__c']),
          recordError('REQUIRED_FIELD_MISSING', ['Goal__c']),
        ],
        'upsert',
      ),
    ).toMatchObject({ code: 'STRING_TOO_LONG', fields: ['Goal__c', 'Best_Next_Step__c'] });
    expect(classifyRecordErrors([{ statusCode: 'STRING_TOO_LONG', message: 'too long' }], 'upsert')).toMatchObject({
      fields: [],
    });
  });
});

describe('backoff', () => {
  const fixed = (value: number) => () => value;
  it('doubles from 30 s to 30 min, with half of it jittered', () => {
    expect(retryDelayMs(1, 'retryable', null, fixed(0))).toBe(15_000);
    expect(retryDelayMs(1, 'retryable', null, fixed(1))).toBe(30_000);
    expect(retryDelayMs(2, 'retryable', null, fixed(1))).toBe(60_000);
    expect(retryDelayMs(20, 'retryable', null, fixed(1))).toBe(30 * 60_000);
  });

  it('waits an hour at least for an exhausted daily limit', () => {
    expect(retryDelayMs(1, 'limit', null, fixed(1))).toBe(60 * 60_000);
  });

  it.each([
    [null, 1],
    [{ used: 5000, limit: 10000 }, 1],
    [{ used: 5001, limit: 10000 }, 2],
    [{ used: 8000, limit: 10000 }, 2],
    [{ used: 8001, limit: 10000 }, 6],
    [{ used: 1, limit: 0 }, 1],
  ])('goes slower as API usage climbs (%j → ×%i)', (usage, factor) => {
    expect(usageFactor(usage)).toBe(factor);
    expect(retryDelayMs(1, 'retryable', usage, fixed(1))).toBe(30_000 * factor);
    expect(scheduledPullIntervalMs(usage)).toBe(5 * 60_000 * factor);
  });
});

describe('scheduledRun: no API call without a reason', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  it.each([
    [
      'idle, nothing to push',
      { lastActiveAt: minutesAgo(90), hasChanges: false, run: { name: 'run', lastSuccessAt: minutesAgo(60) } },
      null,
    ],
    [
      'idle, changes waiting: push',
      { lastActiveAt: minutesAgo(90), hasChanges: true, run: { name: 'run', lastSuccessAt: minutesAgo(60) } },
      { caches: false },
    ],
    [
      'active, last sync 2 min ago',
      { lastActiveAt: minutesAgo(1), hasChanges: false, run: { name: 'run', lastSuccessAt: minutesAgo(2) } },
      null,
    ],
    [
      'active, last sync 6 min ago: pull',
      { lastActiveAt: minutesAgo(1), hasChanges: false, run: { name: 'run', lastSuccessAt: minutesAgo(6) } },
      { caches: true },
    ],
    [
      'active, heavy API usage, 6 min ago',
      {
        lastActiveAt: minutesAgo(1),
        hasChanges: false,
        run: { name: 'run', lastSuccessAt: minutesAgo(6), apiUsage: { used: 90, limit: 100 } },
      },
      null,
    ],
    [
      'waiting for a retry time',
      {
        lastActiveAt: minutesAgo(1),
        hasChanges: true,
        run: {
          name: 'run',
          lastError: { code: 'x', message: 'x', at: minutesAgo(1), kind: 'retryable' },
          nextAttemptAt: new Date(now.getTime() + 60_000).toISOString(),
        },
      },
      null,
    ],
    [
      'signed out: waits for sign-in',
      {
        lastActiveAt: minutesAgo(1),
        hasChanges: true,
        run: {
          name: 'run',
          lastError: { code: 'x', message: 'x', at: minutesAgo(1), kind: 'signed-out' },
          nextAttemptAt: null,
        },
      },
      null,
    ],
    ['never synced, active', { lastActiveAt: minutesAgo(1), hasChanges: false, run: undefined }, { caches: true }],
  ])('%s', (_name, facts, expected) => {
    expect(scheduledRun({ now, ...facts } as Parameters<typeof scheduledRun>[0])).toEqual(expected);
  });
});
