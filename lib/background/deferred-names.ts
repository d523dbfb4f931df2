/** Where the worker's deferred script is, and the globals it and the start-up script meet on. */
export const deferredScript = '/background-deferred.js';
/** Set by the deferred script when it has run: what it offers the start-up script. */
export const deferredGlobal = 'precallDeferred';
/** Set by the start-up script before it loads the deferred one: its Dexie. */
export const sharedDexieGlobal = 'precallDexie';
