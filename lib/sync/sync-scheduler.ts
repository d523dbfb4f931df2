import type { Session } from '../messaging/protocol';
import type { RunRequest } from './run-sync';

export interface SchedulerDeps {
  run(session: Session, request: RunRequest): Promise<unknown>;
  /** The wait after a local write, so a burst of autosaves goes in one push. */
  debounceMs?: number;
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

export interface SyncScheduler {
  /** A plan was saved or deleted: sync soon, once the edits settle. */
  localWrite(session: Session): void;
  /** Sync now (sign-in, reconnect, a panel opened, an alarm, "Sync now"). */
  request(session: Session, request: RunRequest): Promise<void>;
}

interface Slot {
  timer?: unknown;
  running?: Promise<void>;
  again?: RunRequest;
}

/**
 * Coalesces the reasons to sync of each database into as few runs as possible: while a run is
 * going, further requests become one run after it (the widest of what was asked); local writes
 * wait `debounceMs` for the next one. Runs themselves are single-flight across contexts.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const slots = new Map<string, Slot>();
  const debounceMs = deps.debounceMs ?? 2000;
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));

  const slotOf = (session: Session) => {
    let slot = slots.get(session.dbName);
    if (!slot) {
      slot = {};
      slots.set(session.dbName, slot);
    }
    return slot;
  };

  function request(session: Session, wanted: RunRequest): Promise<void> {
    const slot = slotOf(session);
    if (slot.running) {
      slot.again = { caches: (slot.again?.caches ?? false) || wanted.caches };
      return slot.running.then(() => slot.running ?? Promise.resolve());
    }
    const running = (async () => {
      let next: RunRequest | undefined = wanted;
      while (next) {
        slot.again = undefined;
        try {
          await deps.run(session, next);
        } catch {
          // A run records its own failure; the scheduler only keeps going.
        }
        next = slot.again;
      }
    })().finally(() => {
      slot.running = undefined;
    });
    slot.running = running;
    return running;
  }

  return {
    localWrite(session) {
      const slot = slotOf(session);
      if (slot.timer !== undefined) clearTimer(slot.timer);
      slot.timer = setTimer(() => {
        slot.timer = undefined;
        void request(session, { caches: false });
      }, debounceMs);
    },
    request,
  };
}
