import { describe, expect, it } from 'vitest';
import { apiOriginFor, isSalesforceOrigin } from '../../../lib/salesforce/hosts';

describe('apiOriginFor', () => {
  it.each([
    ['https://acme.lightning.force.com', 'https://acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.lightning.force.com', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['https://acme-dev-ed.develop.lightning.force.com', 'https://acme-dev-ed.develop.my.salesforce.com'],
    ['https://agency.lightning.force.mil', 'https://agency.my.salesforce.mil'],
    ['http://127.0.0.1:4711', 'http://127.0.0.1:4711'],
    ['http://acme.localhost:4711', 'http://acme.localhost:4711'],
    ['https://evil.example.com', null],
    ['https://acme.lightning.force.com.evil.io', null],
    ['http://acme.lightning.force.com', null],
    ['not a url', null],
  ])('%s → %s', (origin, api) => {
    expect(apiOriginFor(origin)).toBe(api);
  });
});

describe('isSalesforceOrigin', () => {
  it.each([
    ['https://acme.lightning.force.com', false, true],
    ['http://127.0.0.1:4711', false, false],
    ['http://127.0.0.1:4711', true, true],
    ['https://lightning.force.com.attacker.net', true, false],
    ['https://acme.my.salesforce.com', false, false],
  ])('%s (demo allowed: %s) → %s', (origin, allowDemo, expected) => {
    expect(isSalesforceOrigin(origin, allowDemo)).toBe(expected);
  });
});
