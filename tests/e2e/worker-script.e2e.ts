import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionExtensionDir } from '../../demo/launch-chromium';

/**
 * What the worker parses at every start (background.js) against what it loads on its first
 * Salesforce call (background-jsforce.js). Markers are strings each library keeps through
 * minification; the sync e2e tests prove the lazily loaded parts work in Chromium.
 */
const script = (name: string) => readFileSync(join(productionExtensionDir, name), 'utf8');

const streamPolyfill = ['ERR_STREAM_PUSH_AFTER_EOF', 'StringDecoder'];
const wxtStorage = ['wxt/storage'];

describe("the worker's start-up script", () => {
  it('carries no stream, buffer or string_decoder polyfill: the transport takes its stream from jsforce', () => {
    const startup = script('background.js');
    expect(streamPolyfill.filter((marker) => startup.includes(marker))).toEqual([]);
    const jsforce = script('background-jsforce.js');
    expect(streamPolyfill.filter((marker) => jsforce.includes(marker))).toEqual(streamPolyfill);
  });

  it('carries no WXT storage module (Precall reads chrome.storage itself)', () => {
    expect(wxtStorage.filter((marker) => script('background.js').includes(marker))).toEqual([]);
  });
});
