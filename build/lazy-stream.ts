import type { Plugin } from 'vite';

/**
 * Resolves `node:stream`, which only lib/salesforce/fetch-transport.ts imports, to
 * lib/salesforce/lazy-stream.ts: the stream then comes from jsforce's script, loaded on the first
 * Salesforce call, and the worker's start-up script carries no stream, buffer or util polyfill
 * (about a quarter of its bytes). jsforce itself imports `stream`, which stays polyfilled.
 * A plugin rather than an entry in wxt.config.ts: vite-plugin-node-polyfills adds its own alias
 * for `node:stream`, and aliases from a later plugin's config are tried first.
 */
export function lazyStream(): Plugin {
  return {
    name: 'precall:lazy-stream',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^node:stream$/,
            replacement: new URL('../lib/salesforce/lazy-stream.ts', import.meta.url).pathname,
          },
        ],
      },
    }),
  };
}
