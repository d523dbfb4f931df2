import type { SignInFailureCode } from '../../messaging/protocol';

/**
 * Sign-in as an explicit state machine (sync-auth.md "10 things" §2): every path ends in a
 * distinct outcome after a bounded number of steps. A refused session is read again from the
 * cookie once, never retried in a loop. Pure: the driver (resolve-session.ts) performs each step.
 */
export type Refusal = 'expired' | 'api-access-control' | 'api-disabled-for-user' | 'api-disabled-for-org';

export interface RememberedSession {
  /** Confirmed with Salesforce this long ago. */
  ageMs: number;
  /** Salesforce has since refused this session. */
  refused: boolean;
  via: 'session' | 'oauth';
}

export type SignInStep =
  | { step: 'read-cookie'; attempt: 1 | 2; refusedSid?: string }
  | { step: 'recall'; sid: string; attempt: 1 | 2 }
  | { step: 'confirm'; sid: string; attempt: 1 | 2; via: 'session' | 'oauth' }
  | { step: 'done'; outcome: SignInOutcome };

export type SignInOutcome =
  | { kind: 'signed-in'; sid: string; from: 'remembered' | 'confirmed'; reconfirm: boolean }
  | { kind: 'failed'; code: SignInFailureCode; reason: FailureReason };

/** Finer than the code, for the words: a browser with no session reads differently from a stale one. */
export type FailureReason =
  | 'no-session'
  | 'stale-session'
  | 'api-access-control'
  | 'api-disabled-for-user'
  | 'api-disabled-for-org'
  | 'offline-unconfirmed';

export type SignInEvent =
  | { type: 'cookie'; sid: string | null }
  | { type: 'remembered'; session: RememberedSession | null }
  | { type: 'confirmed' }
  | { type: 'refused'; refusal: Refusal }
  | { type: 'unreachable' };

/** A confirmed session is answered at once; after this long it is confirmed again, in the background. */
export const reconfirmAfterMs = 10 * 60 * 1000;

export const start: SignInStep = { step: 'read-cookie', attempt: 1 };

const failed = (code: SignInFailureCode, reason: FailureReason): SignInStep => ({
  step: 'done',
  outcome: { kind: 'failed', code, reason },
});

export function nextStep(state: SignInStep, event: SignInEvent): SignInStep {
  switch (state.step) {
    case 'read-cookie': {
      if (event.type !== 'cookie') break;
      if (!event.sid) return failed('not-signed-in', state.attempt === 1 ? 'no-session' : 'stale-session');
      // The same cookie again is the session Salesforce just refused.
      if (event.sid === state.refusedSid) return failed('not-signed-in', 'stale-session');
      return { step: 'recall', sid: event.sid, attempt: state.attempt };
    }
    case 'recall': {
      if (event.type !== 'remembered') break;
      const known = event.session;
      // A session id belongs to one user for its whole life: once confirmed, it names that user.
      if (known && !known.refused) {
        return {
          step: 'done',
          outcome: {
            kind: 'signed-in',
            sid: state.sid,
            from: 'remembered',
            reconfirm: known.ageMs >= reconfirmAfterMs,
          },
        };
      }
      return { step: 'confirm', sid: state.sid, attempt: state.attempt, via: known?.via ?? 'session' };
    }
    case 'confirm': {
      if (event.type === 'confirmed') {
        return { step: 'done', outcome: { kind: 'signed-in', sid: state.sid, from: 'confirmed', reconfirm: false } };
      }
      if (event.type === 'unreachable') return failed('identity-unconfirmed', 'offline-unconfirmed');
      if (event.type !== 'refused') break;
      switch (event.refusal) {
        case 'expired':
          return state.attempt === 1
            ? { step: 'read-cookie', attempt: 2, refusedSid: state.sid }
            : failed('not-signed-in', 'stale-session');
        case 'api-access-control':
          return failed('api-access-control', 'api-access-control');
        case 'api-disabled-for-user':
          return failed('api-disabled-for-user', 'api-disabled-for-user');
        case 'api-disabled-for-org':
          return failed('api-disabled-for-org', 'api-disabled-for-org');
      }
      break;
    }
    case 'done':
      return state;
  }
  throw new Error(`Sign-in step ${state.step} cannot take ${event.type}`);
}

/** What Salesforce's answer means for sign-in; null when it is not an answer about the session. */
export function refusalOf(error: unknown): Refusal | null {
  const e = error as { errorCode?: string; name?: string; message?: string } | null;
  const code = e?.errorCode ?? e?.name ?? '';
  const message = e?.message ?? '';
  if (code === 'API_CURRENTLY_DISABLED') return 'api-disabled-for-user';
  if (code === 'API_DISABLED_FOR_ORG') return 'api-disabled-for-org';
  if (code === 'OAUTH_APP_BLOCKED' || message.includes('This session is not valid for use with the REST API')) {
    return 'api-access-control';
  }
  if (code === 'INVALID_SESSION_ID' || code === 'ERROR_HTTP_401' || code === 'INVALID_AUTH_HEADER') return 'expired';
  if (code === 'invalid_grant') return 'expired';
  return null;
}
