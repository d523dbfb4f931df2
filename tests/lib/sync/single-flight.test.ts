import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncLockName, withSyncLock } from '../../../lib/sync/single-flight';

afterEach(() => {
  vi.unstubAllGlobals();
});

const tick = () => new Promise((settle) => setTimeout(settle, 0));

describe('withSyncLock', () => {
  it('runs one sync at a time per database, in the order asked, even after a failure', async () => {
    const order: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        order.push(`${name} starts`);
        await tick();
        order.push(`${name} ends`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      };
    const first = withSyncLock('db-a', step('first', true));
    const second = withSyncLock('db-a', step('second'));
    const elsewhere = withSyncLock('db-b', step('elsewhere'));
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe('second');
    expect(await elsewhere).toBe('elsewhere');
    expect(order.indexOf('second starts')).toBeGreaterThan(order.indexOf('first ends'));
    expect(order.indexOf('elsewhere starts')).toBeLessThan(order.indexOf('first ends'));
  });

  it('uses the browser’s Web Locks where there are some, shared with the extension’s pages', async () => {
    const request = vi.fn(async (_name: string, work: () => Promise<unknown>) => work());
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await withSyncLock(syncLockName('precall-00D-005'), async () => 42)).toBe(42);
    expect(request).toHaveBeenCalledWith('precall-sync:precall-00D-005', expect.any(Function));
  });
});
