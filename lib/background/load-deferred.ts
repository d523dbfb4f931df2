import Dexie from 'dexie';
import { deferredGlobal, deferredScript, sharedDexieGlobal } from './deferred-names';
import type { createDeferredWork } from './deferred-work';

/**
 * The worker's second script (entrypoints/background-deferred.ts), loaded with `importScripts`
 * the first time its work is asked for. MV3 service workers cannot `import()`, and
 * `importScripts` may only load, after installation, a script the worker already imported while
 * installing: `preloadDeferredWork` runs on `install`, like jsforce's (lib/salesforce/lazy-jsforce.ts).
 */
export interface DeferredScript {
  createDeferredWork: typeof createDeferredWork;
}

type WorkerScope = typeof globalThis & {
  importScripts?(...urls: string[]): void;
  [deferredGlobal]?: DeferredScript;
  [sharedDexieGlobal]?: typeof Dexie;
};

export function loadDeferredWork(): DeferredScript {
  const scope = globalThis as WorkerScope;
  if (!scope[deferredGlobal]) {
    // One Dexie for both scripts: the coaching copy hears of every write through Dexie's events.
    scope[sharedDexieGlobal] = Dexie;
    scope.importScripts?.(deferredScript);
  }
  const loaded = scope[deferredGlobal];
  if (!loaded) throw new Error(`The worker's work did not load from ${deferredScript}`);
  return loaded;
}

/** Loads the deferred script at installation, so that a later `importScripts` of it is allowed. */
export function preloadDeferredWork(): void {
  loadDeferredWork();
}
