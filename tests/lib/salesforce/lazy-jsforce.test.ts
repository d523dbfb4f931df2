import { afterEach, describe, expect, it } from 'vitest';
import randomness, { createHash, randomBytes } from '../../../lib/salesforce/crypto-shim';
import {
  Connection,
  jsforceGlobal,
  jsforceScript,
  loadJsforce,
  preloadJsforce,
} from '../../../lib/salesforce/lazy-jsforce';

type Scope = Record<string, unknown> & { importScripts?: (...urls: string[]) => void };
const scope = globalThis as unknown as Scope;

/** A worker scope whose `importScripts` records each load and, when told, defines jsforce. */
function workerScope(defines: boolean) {
  const loads: string[][] = [];
  class FakeConnection {
    constructor(readonly options: unknown) {}
  }
  scope.importScripts = (...urls) => {
    loads.push(urls);
    if (defines) scope[jsforceGlobal] = { Connection: FakeConnection, PassThrough: class {} };
  };
  return { loads, FakeConnection };
}

afterEach(() => {
  delete scope.importScripts;
  delete scope[jsforceGlobal];
});

describe('jsforce, loaded on the first Salesforce call', () => {
  it('is imported from its own script once, then taken from the worker scope', () => {
    const { loads } = workerScope(true);
    const first = loadJsforce();
    expect(loadJsforce()).toBe(first);
    preloadJsforce();
    expect(loads).toEqual([['/background-jsforce.js']]);
    expect(jsforceScript).toBe('/background-jsforce.js');
  });

  it('says so when the script did not define it', () => {
    const { loads } = workerScope(false);
    expect(() => loadJsforce()).toThrow('jsforce did not load from /background-jsforce.js');
    expect(loads).toHaveLength(1);
  });

  it('builds a connection of the loaded jsforce with the options given', () => {
    const { FakeConnection } = workerScope(true);
    const options = { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'token' };
    const connection = new Connection(options) as unknown as InstanceType<typeof FakeConnection>;
    expect(connection).toBeInstanceOf(FakeConnection);
    expect(connection.options).toBe(options);
  });
});

describe('the crypto jsforce imports, answered by WebCrypto', () => {
  it('gives random bytes of the size asked', () => {
    const bytes = randomBytes(32);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes).toHaveLength(32);
    expect(randomBytes(32)).not.toEqual(bytes);
    expect(randomness.randomBytes).toBe(randomBytes);
  });

  it('refuses hashing, which Precall never asks of jsforce', () => {
    expect(() => createHash()).toThrow('createHash is not available in Precall; PKCE uses WebCrypto');
    expect(randomness.createHash).toBe(createHash);
  });
});
