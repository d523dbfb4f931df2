import '../lib/background/zod-without-eval';
import { deferredGlobal } from '../lib/background/deferred-names';
import { createDeferredWork } from '../lib/background/deferred-work';

/**
 * Part of the background, never of a page: not web-accessible, loaded only by the worker, the
 * first time it syncs, runs an OAuth or org-check flow, or computes a coaching report
 * (lib/background/load-deferred.ts). It carries its own zod, and uses the start-up script's Dexie.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[deferredGlobal] = { createDeferredWork };
});
