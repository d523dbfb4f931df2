import type { StateCreator } from 'zustand';
import { PrecallError, request } from '../../lib/messaging/client';
import type { Session } from '../../lib/messaging/protocol';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-in'; session: Session }
  | { kind: 'signed-out'; message: string }
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
        const signedOut = error instanceof PrecallError && error.code === 'not-signed-in';
        set({
          session: signedOut
            ? { kind: 'signed-out', message: errorMessageOf(error) }
            : { kind: 'error', message: errorMessageOf(error) },
        });
        return;
      }
      await Promise.all([get().loadPlans(), get().loadContext()]);
    },
  });
