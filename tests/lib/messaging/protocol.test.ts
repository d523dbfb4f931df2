import { describe, expect, it } from 'vitest';
import { envelopeSchema, isSignInFailure, requestSchemas, signInMessageTypes } from '../../../lib/messaging/protocol';

const origin = 'https://acme.lightning.force.com';
const key = '6f1c3f0e-8a4b-4c2d-9e1f-2a3b4c5d6e7f';

function problems(parsed: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return parsed.success ? [] : (parsed.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the protocol’s shared fields', () => {
  it('an origin that is not a URL is named as such', () => {
    const parsed = requestSchemas['plans:list'].safeParse({ origin: 'acme', opportunityId: '0065g00000Nwd01AAB' });
    expect(problems(parsed)).toEqual(['origin: origin must be the Salesforce page origin']);
  });

  it('an opportunity id that is not a record id is named as such', () => {
    const parsed = requestSchemas['plans:list'].safeParse({ origin, opportunityId: 'Northwind' });
    expect(problems(parsed)).toEqual(['opportunityId: Not a Salesforce record id']);
  });

  it.each([
    ['plans', true],
    ['objections', true],
    ['opportunities', false],
    ['', false],
  ])('a refused change of the %s table may be resolved: %s', (table, accepted) => {
    const parsed = requestSchemas['rejection:resolve'].safeParse({ origin, table, key, action: 'retry' });
    expect(parsed.success).toBe(accepted);
  });

  it('builds each schema once, and lists every type, sign-in ones included, in the envelope', () => {
    expect(requestSchemas['plans:list']).toBe(requestSchemas['plans:list']);
    expect(Object.keys(requestSchemas)).toEqual(expect.arrayContaining([...signInMessageTypes, 'plans:list']));
    for (const type of Object.keys(requestSchemas)) {
      expect(envelopeSchema.safeParse({ precall: 1, type, payload: {} }).success).toBe(true);
    }
    expect(envelopeSchema.safeParse({ precall: 2, type: 'plans:list', payload: {} }).success).toBe(false);
  });

  it.each([
    ['not-signed-in', true],
    ['identity-unconfirmed', true],
    ['internal', false],
  ])('%s is a sign-in failure: %s', (code, expected) => {
    expect(isSignInFailure(code)).toBe(expected);
  });
});
