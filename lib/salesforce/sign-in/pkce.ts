/**
 * PKCE S256 (RFC 7636) with WebCrypto: the worker has no Node crypto (it is aliased to a shim
 * whose createHash throws), and jsforce's own verifier is 171 characters, over Salesforce's 128.
 */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A code verifier from `byteCount` random bytes: 32 bytes give 43 characters (the minimum). */
export function createVerifier(byteCount = 64): string {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
  if (verifier.length < 43 || verifier.length > 128) throw new RangeError('A PKCE verifier has 43 to 128 characters');
  return verifier;
}

/** `code_challenge` for `code_challenge_method=S256`: base64url(SHA-256(ASCII(verifier))). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** An unguessable `state`, which also finds the flow again after the worker was stopped. */
export function createState(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(24)));
}
