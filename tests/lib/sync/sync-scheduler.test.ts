import { describe, expect, it } from 'vitest';
import type { Session } from '../../../lib/messaging/protocol';
import type { RunRequest } from '../../../lib/sync/run-sync';
import { createSyncScheduler } from '../../../lib/sync/sync-scheduler';

const session = (dbName: string) => ({ dbName }) as Session;
const riley = session('precall-riley');
const sam = session('precall-sam');

/** Timers a test fires by hand: what is pending, with its wait. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  return {
    pending,
    setTimer(callback: () => void, ms: number) {
      next += 1;
      pending.set(next, { callback, ms });
      return next;
    },
    clearTimer(timer: unknown) {
      pending.delete(timer as number);
    },
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const timer of due) timer.callback();
    },
  };
}

/** A run the test finishes by hand, recording who ran with what. */
function controlledRuns() {
  const runs: { db: string; request: RunRequest; finish: () => void }[] = [];
  return {
    runs,
    run(s: Session, request: RunRequest) {
      return new Promise<void>((resolve) => runs.push({ db: s.dbName, request, finish: resolve }));
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sync scheduler', () => {
  it('local writes wait for the edits to settle, then run one push without the caches', async () => {
    const timers = manualTimers();
    const calls: [string, RunRequest][] = [];
    const scheduler = createSyncScheduler({
      run: async (s, request) => {
        calls.push([s.dbName, request]);
      },
      debounceMs: 1234,
      ...timers,
    });
    scheduler.localWrite(riley);
    scheduler.localWrite(riley);
    scheduler.localWrite(riley);
    expect(timers.pending.size).toBe(1);
    expect([...timers.pending.values()][0]?.ms).toBe(1234);
    expect(calls).toEqual([]);
    timers.fireAll();
    await settle();
    expect(calls).toEqual([['precall-riley', { caches: false }]]);
  });

  it('waits 2 s after a local write by default', () => {
    const timers = manualTimers();
    const scheduler = createSyncScheduler({ run: async () => {}, ...timers });
    scheduler.localWrite(riley);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([2000]);
  });

  it("each user's database has its own wait", () => {
    const timers = manualTimers();
    const scheduler = createSyncScheduler({ run: async () => {}, ...timers });
    scheduler.localWrite(riley);
    scheduler.localWrite(sam);
    expect(timers.pending.size).toBe(2);
  });

  it('requests during a run become one run after it, with the widest of what was asked', async () => {
    const control = controlledRuns();
    const scheduler = createSyncScheduler({ run: control.run });
    const first = scheduler.request(riley, { caches: false });
    const second = scheduler.request(riley, { caches: false });
    const third = scheduler.request(riley, { caches: true });
    const fourth = scheduler.request(riley, { caches: false });
    await settle();
    expect(control.runs.map((r) => r.request)).toEqual([{ caches: false }]);
    control.runs[0]?.finish();
    await settle();
    expect(control.runs.map((r) => r.request)).toEqual([{ caches: false }, { caches: true }]);
    let done = false;
    void Promise.all([first, second, third, fourth]).then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);
    control.runs[1]?.finish();
    await Promise.all([first, second, third, fourth]);
    expect(control.runs).toHaveLength(2);
  });

  it('a request after the run ended starts a new run', async () => {
    const control = controlledRuns();
    const scheduler = createSyncScheduler({ run: control.run });
    const first = scheduler.request(riley, { caches: true });
    await settle();
    control.runs[0]?.finish();
    await first;
    const second = scheduler.request(riley, { caches: false });
    await settle();
    expect(control.runs.map((r) => r.request)).toEqual([{ caches: true }, { caches: false }]);
    control.runs[1]?.finish();
    await second;
  });

  it('runs of different users do not wait for each other', async () => {
    const control = controlledRuns();
    const scheduler = createSyncScheduler({ run: control.run });
    void scheduler.request(riley, { caches: true });
    void scheduler.request(sam, { caches: true });
    await settle();
    expect(control.runs.map((r) => r.db)).toEqual(['precall-riley', 'precall-sam']);
  });

  it('a run that throws does not stop the next one', async () => {
    let calls = 0;
    const scheduler = createSyncScheduler({
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
      },
    });
    await expect(scheduler.request(riley, { caches: true })).resolves.toBeUndefined();
    await scheduler.request(riley, { caches: true });
    expect(calls).toBe(2);
  });
});
