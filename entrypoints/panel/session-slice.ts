import type { StateCreator } from 'zustand';
import { PrecallError, request } from '../../lib/messaging/client';
import type { Session, SignInFailureCode } from '../../lib/messaging/protocol';
import { isSignInFailureCode } from '../../lib/salesforce/sign-in/sign-in-messages';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-in'; session: Session }
  | { kind: 'signed-out'; code: SignInFailureCode; message: string }
  | { kind: 'error'; message: string };

export interface SessionSlice {
  session: SessionState;
  /** Asks who is signed in, then loads the plans of the current opportunity. */
  start(): Promise<void>;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const createSessionSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], SessionSlice> =>
  (set, get) => ({
    session: { kind: 'loading' },
    async start() {
      set({ session: { kind: 'loading' } });
      try {
        const session = await request(deps.send, 'session:get', { origin: deps.origin });
        set({ session: { kind: 'signed-in', session } });
      } catch (error) {
        // Each sign-in outcome has its own words (sign-in-messages.ts); anything else can be retried.
        const code = error instanceof PrecallError ? error.code : '';
        set({
          session: isSignInFailureCode(code)
            ? { kind: 'signed-out', code, message: errorMessageOf(error) }
            : { kind: 'error', message: errorMessageOf(error) },
        });
        return;
      }
      await Promise.all([get().loadPlans(), get().loadContext()]);
    },
  });
