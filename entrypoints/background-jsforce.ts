import { Connection } from 'jsforce/core';
import { PassThrough } from 'stream';
import { jsforceGlobal } from '../lib/salesforce/lazy-jsforce';

/**
 * Part of the background, never of a page: not web-accessible, loaded only by the worker.
 * jsforce's core, built as a script of its own that the worker loads with `importScripts` on its
 * first Salesforce call (lib/salesforce/lazy-jsforce.ts): a worker woken by an alarm or a panel
 * reading local plans starts without parsing and evaluating jsforce and its Node polyfills.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[jsforceGlobal] = { Connection, PassThrough };
});
