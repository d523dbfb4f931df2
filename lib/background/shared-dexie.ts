import type Dexie from 'dexie';
import { sharedDexieGlobal } from './deferred-names';

/**
 * The worker's deferred script resolves `dexie` to this module (build/shared-dexie.ts): it uses
 * the Dexie of the start-up script, which lib/background/load-deferred.ts hands over before
 * loading it. A second copy would parse Dexie again, and its `storagemutated` events would
 * never hear the writes made through the start-up script's databases.
 */
const shared = (globalThis as Record<string, unknown>)[sharedDexieGlobal] as typeof Dexie | undefined;
if (!shared) throw new Error('Dexie must be handed over before the deferred script loads');

export default shared;
