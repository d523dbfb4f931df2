import type { PassThrough as NodePassThrough } from 'node:stream';
import { loadJsforce } from './lazy-jsforce';

/**
 * The worker's build resolves fetch-transport's `node:stream` to this module (wxt.config.ts):
 * the stream jsforce pipes a response through comes from jsforce's own script, which carries the
 * stream polyfill anyway, so the worker's start-up script parses no stream, buffer or util
 * polyfill. A transport only runs once jsforce is loaded.
 */
export const PassThrough = function PassThrough() {
  return new (loadJsforce().PassThrough)();
} as unknown as typeof NodePassThrough;
