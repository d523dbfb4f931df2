import { describe, expect, it } from 'vitest';
import {
  nextStep,
  reconfirmAfterMs,
  refusalOf,
  type SignInEvent,
  type SignInStep,
  start,
} from '../../../../lib/salesforce/sign-in/sign-in-machine';

const sid = '00D5g00000PrcAL!one';
const fresh = { ageMs: 1000, refused: false, via: 'session' as const };

describe('sign-in transitions', () => {
  it.each<[string, SignInStep, SignInEvent, SignInStep]>([
    ['no cookie at all', start, { type: 'cookie', sid: null }, done('not-signed-in', 'no-session')],
    ['a cookie is looked up', start, { type: 'cookie', sid }, { step: 'recall', sid, attempt: 1 }],
    [
      'a remembered session answers at once',
      { step: 'recall', sid, attempt: 1 },
      { type: 'remembered', session: fresh },
      { step: 'done', outcome: { kind: 'signed-in', sid, from: 'remembered', reconfirm: false } },
    ],
    [
      'an old remembered session answers at once and is confirmed again',
      { step: 'recall', sid, attempt: 1 },
      { type: 'remembered', session: { ...fresh, ageMs: reconfirmAfterMs } },
      { step: 'done', outcome: { kind: 'signed-in', sid, from: 'remembered', reconfirm: true } },
    ],
    [
      'an unknown session is confirmed with Salesforce',
      { step: 'recall', sid, attempt: 1 },
      { type: 'remembered', session: null },
      { step: 'confirm', sid, attempt: 1, via: 'session' },
    ],
    [
      'a session refused before is confirmed again, the way it was signed in',
      { step: 'recall', sid, attempt: 1 },
      { type: 'remembered', session: { ...fresh, refused: true, via: 'oauth' } },
      { step: 'confirm', sid, attempt: 1, via: 'oauth' },
    ],
    [
      'confirmed',
      { step: 'confirm', sid, attempt: 1, via: 'session' },
      { type: 'confirmed' },
      { step: 'done', outcome: { kind: 'signed-in', sid, from: 'confirmed', reconfirm: false } },
    ],
    [
      'a stale session: the cookie is read once more',
      { step: 'confirm', sid, attempt: 1, via: 'session' },
      { type: 'refused', refusal: 'expired' },
      { step: 'read-cookie', attempt: 2, refusedSid: sid },
    ],
    [
      'the same stale cookie again: open Salesforce to sign in',
      { step: 'read-cookie', attempt: 2, refusedSid: sid },
      { type: 'cookie', sid },
      done('not-signed-in', 'stale-session'),
    ],
    [
      'the cookie gone on the second read',
      { step: 'read-cookie', attempt: 2, refusedSid: sid },
      { type: 'cookie', sid: null },
      done('not-signed-in', 'stale-session'),
    ],
    [
      'a new cookie on the second read is tried',
      { step: 'read-cookie', attempt: 2, refusedSid: sid },
      { type: 'cookie', sid: '00D5g00000PrcAL!two' },
      { step: 'recall', sid: '00D5g00000PrcAL!two', attempt: 2 },
    ],
    [
      'the new cookie refused too: stop, never loop',
      { step: 'confirm', sid: '00D5g00000PrcAL!two', attempt: 2, via: 'session' },
      { type: 'refused', refusal: 'expired' },
      done('not-signed-in', 'stale-session'),
    ],
    [
      'API Access Control',
      { step: 'confirm', sid, attempt: 1, via: 'session' },
      { type: 'refused', refusal: 'api-access-control' },
      done('api-access-control', 'api-access-control'),
    ],
    [
      'API disabled for the user',
      { step: 'confirm', sid, attempt: 1, via: 'session' },
      { type: 'refused', refusal: 'api-disabled-for-user' },
      done('api-disabled-for-user', 'api-disabled-for-user'),
    ],
    [
      'API disabled for the org',
      { step: 'confirm', sid, attempt: 2, via: 'session' },
      { type: 'refused', refusal: 'api-disabled-for-org' },
      done('api-disabled-for-org', 'api-disabled-for-org'),
    ],
    [
      'offline with a session never confirmed: no guessing',
      { step: 'confirm', sid, attempt: 1, via: 'session' },
      { type: 'unreachable' },
      done('identity-unconfirmed', 'offline-unconfirmed'),
    ],
  ])('%s', (_name, state, event, expected) => {
    expect(nextStep(state, event)).toEqual(expected);
  });

  it('refuses an event a step does not expect, instead of guessing', () => {
    expect(() => nextStep(start, { type: 'confirmed' })).toThrow(/cannot take/);
  });

  it('the longest path (refused, a new cookie, refused again) ends signed out in six steps', () => {
    // Worst case: refused, a new cookie, refused again.
    let state = start;
    const script: SignInEvent[] = [
      { type: 'cookie', sid },
      { type: 'remembered', session: null },
      { type: 'refused', refusal: 'expired' },
      { type: 'cookie', sid: '00D5g00000PrcAL!two' },
      { type: 'remembered', session: null },
      { type: 'refused', refusal: 'expired' },
    ];
    for (const event of script) state = nextStep(state, event);
    expect(state).toEqual(done('not-signed-in', 'stale-session'));
  });
});

describe('refusalOf: what Salesforce said about the session', () => {
  const apiError = (errorCode: string, message: string) => Object.assign(new Error(message), { errorCode });
  it.each([
    [apiError('INVALID_SESSION_ID', 'Session expired or invalid'), 'expired'],
    [apiError('INVALID_SESSION_ID', 'This session is not valid for use with the REST API'), 'api-access-control'],
    [Object.assign(new Error('this app is blocked by admin'), { name: 'OAUTH_APP_BLOCKED' }), 'api-access-control'],
    [apiError('API_CURRENTLY_DISABLED', 'API is disabled for this User'), 'api-disabled-for-user'],
    [apiError('API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'), 'api-disabled-for-org'],
    [Object.assign(new Error('expired access/refresh token'), { name: 'invalid_grant' }), 'expired'],
    [new TypeError('Failed to fetch'), null],
    [Object.assign(new Error('Salesforce could not be reached'), { name: 'SalesforceUnreachable' }), null],
  ])('%s → %s', (error, refusal) => {
    expect(refusalOf(error)).toBe(refusal);
  });
});

function done(code: string, reason: string): SignInStep {
  return { step: 'done', outcome: { kind: 'failed', code, reason } } as SignInStep;
}
