import type { Plugin, UserConfig } from 'vite';

const deferredEntry = 'entrypoints/background-deferred.ts';
const sharedDexie = new URL('../lib/background/shared-dexie.ts', import.meta.url).pathname;

/**
 * In the build of the worker's deferred script only, `dexie` resolves to
 * lib/background/shared-dexie.ts: the Dexie of the start-up script, handed over at load. Decided
 * in `config`, which sees each entrypoint's build apart: one instance of this plugin serves them all.
 */
export function sharedDexieInDeferredScript(): Plugin {
  return {
    name: 'precall:shared-dexie',
    config: (config: UserConfig) =>
      JSON.stringify(config.build?.lib ? config.build.lib.entry : null).includes(deferredEntry)
        ? { resolve: { alias: [{ find: /^dexie$/, replacement: sharedDexie }] } }
        : undefined,
  };
}
