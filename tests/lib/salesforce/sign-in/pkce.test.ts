import { describe, expect, it } from 'vitest';
import { base64url, challengeOf, createVerifier } from '../../../../lib/salesforce/sign-in/pkce';

describe('PKCE S256 with WebCrypto', () => {
  it("matches RFC 7636 Appendix B's test vector", async () => {
    const octets = new Uint8Array([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    const verifier = base64url(octets);
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await challengeOf(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it.each([
    [32, 43],
    [64, 86],
    [96, 128],
  ])('%i random bytes give a %i-character verifier of the unreserved alphabet', (bytes, length) => {
    const verifier = createVerifier(bytes);
    expect(verifier).toHaveLength(length);
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
  });

  it('refuses a verifier length Salesforce would refuse', () => {
    expect(() => createVerifier(31)).toThrow(RangeError);
    expect(() => createVerifier(97)).toThrow(RangeError);
  });

  it('two verifiers never repeat', () => {
    expect(createVerifier()).not.toBe(createVerifier());
  });
});
