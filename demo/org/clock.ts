/**
 * The demo org's sense of time. Tests inject `now` or move it with `POST /__demo/clock`;
 * every write asks for a stamp, and stamps strictly increase so SystemModstamp can be used as a
 * sync watermark even when two writes land in the same millisecond.
 */
export interface DemoClock {
  now(): Date;
  /** A write stamp: never earlier than `now()`, always later than the previous stamp. */
  stamp(): Date;
  /** Pins the clock to an instant, or returns to the injected / real clock with null. */
  pin(instant: Date | null): void;
  readonly pinned: Date | null;
}

export function createClock(base: () => Date = () => new Date()): DemoClock {
  let pinned: Date | null = null;
  let lastStampMs = 0;
  const now = () => (pinned ? new Date(pinned) : base());
  return {
    now,
    stamp() {
      const ms = Math.max(now().getTime(), lastStampMs + 1);
      lastStampMs = ms;
      return new Date(ms);
    },
    pin(instant) {
      pinned = instant ? new Date(instant) : null;
      // A clock moved backwards must not make stamps go backwards: keep lastStampMs.
    },
    get pinned() {
      return pinned;
    },
  };
}
