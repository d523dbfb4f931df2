/**
 * jsforce imports Node's `crypto` only for OAuth verifiers and hashes we do with WebCrypto;
 * aliasing it here keeps ~600 kB of crypto-browserify out of the worker.
 */
export function randomBytes(size: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(size));
}

export function createHash(): never {
  throw new Error('createHash is not available in Precall; PKCE uses WebCrypto');
}

export default { randomBytes, createHash };
