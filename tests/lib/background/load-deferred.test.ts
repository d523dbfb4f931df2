import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferredGlobal, deferredScript, sharedDexieGlobal } from '../../../lib/background/deferred-names';
import { loadDeferredWork, preloadDeferredWork } from '../../../lib/background/load-deferred';

const scope = globalThis as Record<string, unknown>;

afterEach(() => {
  delete scope.importScripts;
  delete scope[deferredGlobal];
  delete scope[sharedDexieGlobal];
  vi.resetModules();
});

/** A worker whose `importScripts` runs the deferred script: it reads the handed Dexie and offers its work. */
function workerWithDeferredScript(offers = true) {
  const work = { createDeferredWork: vi.fn() };
  const importScripts = vi.fn((url: string) => {
    expect(scope[sharedDexieGlobal]).toBe(Dexie);
    if (offers && url === deferredScript) scope[deferredGlobal] = work;
  });
  scope.importScripts = importScripts;
  return { work, importScripts };
}

describe("the worker's deferred work", () => {
  it('is loaded once, from its own script, with the start-up script’s Dexie handed over first', () => {
    const { work, importScripts } = workerWithDeferredScript();
    expect(loadDeferredWork()).toBe(work);
    expect(loadDeferredWork()).toBe(work);
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(importScripts).toHaveBeenCalledWith('/background-deferred.js');
  });

  it('is preloaded at installation the same way', () => {
    const { importScripts } = workerWithDeferredScript();
    preloadDeferredWork();
    expect(importScripts).toHaveBeenCalledWith(deferredScript);
  });

  it('says which script did not load, rather than failing later on an undefined', () => {
    workerWithDeferredScript(false);
    expect(() => loadDeferredWork()).toThrow("The worker's work did not load from /background-deferred.js");
  });

  it('the deferred script’s Dexie is the one handed over, and it refuses to start without one', async () => {
    await expect(import('../../../lib/background/shared-dexie')).rejects.toThrow(
      'Dexie must be handed over before the deferred script loads',
    );
    vi.resetModules();
    scope[sharedDexieGlobal] = Dexie;
    expect((await import('../../../lib/background/shared-dexie')).default).toBe(Dexie);
  });
});
