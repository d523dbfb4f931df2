import type { PassThrough } from 'node:stream';
import type { Connection as JsforceConnection } from 'jsforce';

/**
 * The worker's build resolves `jsforce` to this module (wxt.config.ts): jsforce itself is built
 * apart (entrypoints/background-jsforce.ts) and loaded the first time a connection is made. MV3
 * service workers cannot `import()`, and `importScripts` may only load, after installation, a
 * script the worker already imported while installing: `preloadJsforce` runs on `install`.
 */
export const jsforceScript = '/background-jsforce.js';
export const jsforceGlobal = 'precallJsforce';

interface LoadedJsforce {
  Connection: typeof JsforceConnection;
  /** The stream a transport hands jsforce to pipe a response through (lib/salesforce/lazy-stream.ts). */
  PassThrough: typeof PassThrough;
}

type WorkerScope = typeof globalThis & {
  importScripts?(...urls: string[]): void;
  [jsforceGlobal]?: LoadedJsforce;
};

export function loadJsforce(): LoadedJsforce {
  const scope = globalThis as WorkerScope;
  if (!scope[jsforceGlobal]) scope.importScripts?.(jsforceScript);
  const loaded = scope[jsforceGlobal];
  if (!loaded) throw new Error(`jsforce did not load from ${jsforceScript}`);
  return loaded;
}

/** Loads jsforce at installation, so that a later `importScripts` of it is allowed. */
export function preloadJsforce(): void {
  loadJsforce();
}

/** `new Connection(options)` answers jsforce's own connection, loading jsforce first. */
export const Connection = function Connection(options: ConstructorParameters<typeof JsforceConnection>[0]) {
  return new (loadJsforce().Connection)(options);
} as unknown as typeof JsforceConnection;
