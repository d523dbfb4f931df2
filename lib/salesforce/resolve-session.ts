import { BackgroundError } from '../background/background-error';
import { databaseName } from '../db/precall-db';
import type { Session } from '../messaging/protocol';
import { orgIdOfSid } from './hosts';
import { nextStep, refusalOf, type SignInStep, start } from './sign-in/sign-in-machine';
import { signInTitles } from './sign-in/sign-in-messages';
import { fingerprintOf, type RememberedSessionRow, type SignInStore } from './sign-in/sign-in-store';

export interface Identity {
  orgId: string;
  userId: string;
  userName: string;
  displayName: string;
}

export interface SessionSources {
  /**
   * The API host serving a page origin and that host's `sid` cookie, found by the page session's
   * org id (sid-cookies.ts). Read in the background only.
   */
  apiSession(origin: string): Promise<{ apiOrigin: string; sid: string | null }>;
  /** Asks Salesforce who the token belongs to (jsforce `identity()`). */
  identity(apiOrigin: string, token: string): Promise<Identity>;
  /** Who an OAuth sign-in bound to a browser session is, asked with its own token. */
  oauthIdentity?(remembered: RememberedSessionRow): Promise<Identity>;
  store: Pick<SignInStore, 'sessions'>;
  now(): Date;
}

/** How long a first look-up may keep the rep waiting before it counts as unreachable. */
export const identityWaitMs = 5_000;

/**
 * Resolves who is signed in on a Salesforce page origin by running the sign-in state machine.
 * The session cookie decides the org; Salesforce's identity service decides the user, once per
 * session id: a confirmed session id is remembered (by fingerprint) with its user, so it is
 * answered at once, offline too, and re-confirmed in the background when older than ten
 * minutes. A session never confirmed is never guessed from the org: offline it is
 * "identity-unconfirmed", so a second user of the org never opens the first user's plans.
 */
export function createSessionResolver(sources: SessionSources, waitMs = identityWaitMs) {
  const reconfirming = new Map<string, Promise<void>>();

  async function confirm(
    apiOrigin: string,
    sid: string,
    fingerprint: string,
    via: 'session' | 'oauth',
    known: RememberedSessionRow | null,
  ): Promise<RememberedSessionRow> {
    const identity =
      via === 'oauth' && known && sources.oauthIdentity
        ? await sources.oauthIdentity(known)
        : await sources.identity(apiOrigin, sid);
    if (identity.orgId.slice(0, 15) !== orgIdOfSid(sid)) {
      throw new BackgroundError('internal', 'Salesforce named another org than the session cookie');
    }
    const row: RememberedSessionRow = {
      fingerprint,
      ...identity,
      apiOrigin: known?.apiOrigin ?? apiOrigin,
      via,
      confirmedAt: sources.now().getTime(),
      refused: false,
    };
    await sources.store.sessions.put(row);
    return row;
  }

  function reconfirm(apiOrigin: string, sid: string, known: RememberedSessionRow): void {
    if (reconfirming.has(known.fingerprint)) return;
    const check = confirm(apiOrigin, sid, known.fingerprint, known.via, known).then(
      () => {},
      async (error) => {
        // A refused session ends here; a network failure keeps the known one until next time.
        if (refusalOf(error)) await sources.store.sessions.markRefused(known.fingerprint);
      },
    );
    reconfirming.set(
      known.fingerprint,
      check.finally(() => reconfirming.delete(known.fingerprint)),
    );
  }

  return async function resolveSession(origin: string): Promise<Session> {
    let state: SignInStep = start;
    let apiOrigin = '';
    let fingerprint = '';
    let known: RememberedSessionRow | null = null;
    // The machine ends within five steps; the bound only guards against a broken table.
    for (let steps = 0; steps < 8; steps++) {
      switch (state.step) {
        case 'read-cookie': {
          const read = await sources.apiSession(origin);
          apiOrigin = read.apiOrigin;
          state = nextStep(state, { type: 'cookie', sid: orgIdOfSid(read.sid) ? read.sid : null });
          break;
        }
        case 'recall': {
          fingerprint = await fingerprintOf(state.sid);
          known = await sources.store.sessions.get(fingerprint);
          const ageMs = known ? sources.now().getTime() - known.confirmedAt : 0;
          state = nextStep(state, {
            type: 'remembered',
            session: known ? { ageMs, refused: known.refused, via: known.via } : null,
          });
          break;
        }
        case 'confirm': {
          const lookup = confirm(apiOrigin, state.sid, fingerprint, state.via, known);
          try {
            known = await withinWait(lookup, waitMs);
            state = nextStep(state, { type: 'confirmed' });
          } catch (error) {
            // A slow answer still lands in the store when it comes, for the next message.
            lookup.catch(() => {});
            // A session remembered here was refused before (recall answers the others), so a
            // refusal changes nothing in the store.
            const refusal = refusalOf(error);
            state = nextStep(state, refusal ? { type: 'refused', refusal } : { type: 'unreachable' });
          }
          break;
        }
        case 'done': {
          const { outcome } = state;
          if (outcome.kind === 'failed') throw new BackgroundError(outcome.code, signInTitles[outcome.code]);
          if (!known) throw new BackgroundError('internal', 'Signed in without an identity');
          if (outcome.reconfirm) reconfirm(apiOrigin, outcome.sid, known);
          return sessionOf(known, outcome.reconfirm ? 'cached' : 'identity');
        }
      }
    }
    throw new BackgroundError('internal', 'Sign-in did not settle');
  };
}

function sessionOf(remembered: RememberedSessionRow, source: Session['source']): Session {
  return {
    orgId: remembered.orgId,
    userId: remembered.userId,
    userName: remembered.userName,
    displayName: remembered.displayName,
    apiOrigin: remembered.apiOrigin,
    dbName: databaseName(remembered.orgId, remembered.userId),
    source,
    via: remembered.via,
  };
}

function withinWait<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
