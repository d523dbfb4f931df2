/**
 * One sync at a time per database, across the service worker and extension pages: they share
 * the extension's origin, and so its Web Locks. Where `navigator.locks` is missing (Node, in
 * tests) an in-process queue gives the same order.
 */
const queues = new Map<string, Promise<unknown>>();

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function withSyncLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks) return locks.request(name, work);
  // The queue holds each run's settling, which never rejects: a failed run lets the next one go.
  const previous = queues.get(name) ?? Promise.resolve();
  const next = previous.then(work);
  const settled = next.then(
    () => {},
    () => {},
  );
  queues.set(name, settled);
  void settled.then(() => {
    if (queues.get(name) === settled) queues.delete(name);
  });
  return next;
}

export function syncLockName(dbName: string): string {
  return `precall-sync:${dbName}`;
}
