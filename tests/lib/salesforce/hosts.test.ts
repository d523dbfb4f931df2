import { describe, expect, it } from 'vitest';
import {
  apiOriginFor,
  apiOriginFromCookies,
  classifyOrigin,
  isDemoOrigin,
  isSalesforceOrigin,
  orgIdOfSid,
} from '../../../lib/salesforce/hosts';

describe('classifyOrigin: every domain family and the host that serves its API', () => {
  it.each([
    // production, Lightning → My Domain API host
    ['https://acme.lightning.force.com', 'lightning', 'https://acme.my.salesforce.com'],
    ['https://ACME.Lightning.Force.com', 'lightning', 'https://acme.my.salesforce.com'],
    ['https://acme.my.salesforce.com', 'api', 'https://acme.my.salesforce.com'],
    // sandbox, developer, scratch, demo, patch, trailblaze orgs
    ['https://acme--uat.sandbox.lightning.force.com', 'lightning', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce.com', 'api', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['https://acme-dev-ed.develop.lightning.force.com', 'lightning', 'https://acme-dev-ed.develop.my.salesforce.com'],
    [
      'https://site-power-1234.scratch.lightning.force.com',
      'lightning',
      'https://site-power-1234.scratch.my.salesforce.com',
    ],
    ['https://acme.demo.lightning.force.com', 'lightning', 'https://acme.demo.my.salesforce.com'],
    ['https://acme.patch.lightning.force.com', 'lightning', 'https://acme.patch.my.salesforce.com'],
    ['https://acme.trailblaze.lightning.force.com', 'lightning', 'https://acme.trailblaze.my.salesforce.com'],
    // Setup hosts redirect API calls: their API host is My Domain
    ['https://acme.my.salesforce-setup.com', 'setup', 'https://acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce-setup.com', 'setup', 'https://acme--uat.sandbox.my.salesforce.com'],
    // government clouds
    ['https://agency.lightning.force.mil', 'lightning', 'https://agency.my.salesforce.mil'],
    ['https://agency.lightning.crmforce.mil', 'lightning', 'https://agency.my.salesforce.mil'],
    ['https://agency.my.salesforce.mil', 'api', 'https://agency.my.salesforce.mil'],
    // Hyperforce China
    ['https://acme.lightning.sfcrmapps.cn', 'lightning', 'https://acme.my.sfcrmproducts.cn'],
    ['https://acme.my.sfcrmproducts.cn', 'api', 'https://acme.my.sfcrmproducts.cn'],
    // Defender for Cloud Apps proxy
    ['https://acme.lightning.force.com.mcas.ms', 'lightning', 'https://acme.my.salesforce.com'],
  ])('%s is a %s host served by %s', (origin, role, apiOrigin) => {
    expect(classifyOrigin(origin, false)).toEqual({ role, apiOrigin });
  });

  it.each([
    ['https://evil.example.com'],
    ['https://acme.lightning.force.com.evil.io'],
    ['https://lightning.force.com.attacker.net'],
    ['https://lightning.force.com'],
    ['http://acme.lightning.force.com'],
    ['https://acme.unknownkind.lightning.force.com'],
    ['https://a.b.c.lightning.force.com'],
    ['https://-acme.lightning.force.com'],
    ['https://help.salesforce.com'],
    ['https://acme.my.site.com'],
    // A My Domain name ends in a letter or digit, also once a sandbox's "--" is read as one dash.
    ['https://acme_corp.lightning.force.com'],
    ['https://acme--.sandbox.lightning.force.com'],
    ['not a url'],
  ])('%s is not Salesforce', (origin) => {
    expect(classifyOrigin(origin, false)).toBeNull();
  });

  it.each([
    ['http://127.0.0.1:4711', 'demo', 'http://127.0.0.1:4711'],
    ['http://localhost:4711', 'demo', 'http://localhost:4711'],
    ['http://orga.localhost:4711', 'demo', 'http://orga.localhost:4711'],
    ['http://acme.lightning.localhost:4711', 'lightning', 'http://acme.my.localhost:4711'],
    ['http://acme--uat.sandbox.lightning.localhost:4711', 'lightning', 'http://acme--uat.sandbox.my.localhost:4711'],
    ['http://acme.my.salesforce-setup.localhost:4711', 'setup', 'http://acme.my.localhost:4711'],
    ['http://acme.my.localhost:4711', 'api', 'http://acme.my.localhost:4711'],
  ])('demo build: %s is a %s host served by %s', (origin, role, apiOrigin) => {
    expect(classifyOrigin(origin, true)).toEqual({ role, apiOrigin });
    expect(classifyOrigin(origin, false)).toBeNull();
  });
});

describe('the edges of the host families', () => {
  it('a port on a Salesforce host is not carried to its API host', () => {
    expect(classifyOrigin('https://acme.lightning.force.com:8443', false)?.apiOrigin).toBe(
      'https://acme.my.salesforce.com',
    );
  });

  it('the Defender proxy is only understood over https', () => {
    expect(classifyOrigin('http://acme.lightning.localhost.mcas.ms:4711', true)).toBeNull();
  });

  it.each([
    ['http://127.0.0.1:4711', true],
    ['http://localhost:4711', true],
    ['http://orga.localhost:4711', true],
    ['https://127.0.0.1:4711', false],
    ['http://example.com', false],
    ['http://localhost.example.com', false],
    ['not a url', false],
  ])('isDemoOrigin(%s) is %s', (origin, expected) => {
    expect(isDemoOrigin(origin)).toBe(expected);
  });
});

describe('apiOriginFor (the name mapping, demo hosts understood)', () => {
  it.each([
    ['https://acme.lightning.force.com', 'https://acme.my.salesforce.com'],
    ['http://127.0.0.1:4711', 'http://127.0.0.1:4711'],
    ['http://acme.lightning.localhost:4711', 'http://acme.my.localhost:4711'],
    ['https://evil.example.com', null],
  ])('%s → %s', (origin, api) => {
    expect(apiOriginFor(origin)).toBe(api);
  });
});

describe('isSalesforceOrigin', () => {
  it.each([
    ['https://acme.lightning.force.com', false, true],
    ['https://acme.my.salesforce.com', false, true],
    ['http://127.0.0.1:4711', false, false],
    ['http://127.0.0.1:4711', true, true],
    ['https://lightning.force.com.attacker.net', true, false],
  ])('%s (demo allowed: %s) → %s', (origin, allowDemo, expected) => {
    expect(isSalesforceOrigin(origin, allowDemo)).toBe(expected);
  });
});

describe('orgIdOfSid', () => {
  it.each([
    ['00D5g00000PrcAL!AQ4AQFz1', '00D5g00000PrcAL'],
    ['00D5g00000PrcALEAZ!AQ4AQFz1', '00D5g00000PrcAL'],
    ['001000000000000!x', null],
    ['not-a-session', null],
    ['x00D5g00000PrcAL!AQ4AQFz1', null],
    ['00D5g00000PrcALEAZZ!AQ4AQFz1', null],
    [null, null],
  ])('%s → %s', (sid, orgId) => {
    expect(orgIdOfSid(sid)).toBe(orgId);
  });
});

describe('apiOriginFromCookies: the API host is the one whose sid belongs to the page org', () => {
  const acme = '00D5g00000AcmeA';
  const other = '00D5g00000OthrB';
  it.each([
    [
      'the mapped host when its sid is the org’s',
      'https://acme.lightning.force.com',
      [{ domain: 'acme.my.salesforce.com', value: `${acme}!api` }],
      'https://acme.my.salesforce.com',
    ],
    [
      'a renamed My Domain found by org id, not by name',
      'https://acme-new.lightning.force.com',
      [
        { domain: 'acme-old.my.salesforce.com', value: `${acme}!api` },
        { domain: 'other.my.salesforce.com', value: `${other}!api` },
      ],
      'https://acme-old.my.salesforce.com',
    ],
    [
      'another org’s sid is never taken',
      'https://acme.lightning.force.com',
      [{ domain: 'other.my.salesforce.com', value: `${other}!api` }],
      'https://acme.my.salesforce.com',
    ],
    [
      'Lightning and help hosts are skipped even with the org’s sid',
      'https://acme.lightning.force.com',
      [
        { domain: 'acme.lightning.force.com', value: `${acme}!ui` },
        { domain: '.help.salesforce.com', value: `${acme}!help` },
        { domain: 'zeta.my.salesforce.com', value: `${acme}!api` },
      ],
      'https://zeta.my.salesforce.com',
    ],
    [
      'a Setup page finds the API host of its org',
      'https://acme.my.salesforce-setup.com',
      [{ domain: 'acme.my.salesforce.com', value: `${acme}!api` }],
      'https://acme.my.salesforce.com',
    ],
    ['no cookies: the name mapping', 'https://acme.lightning.force.com', [], 'https://acme.my.salesforce.com'],
    [
      'demo: the API host keeps the page port',
      'http://acme.lightning.localhost:4711',
      [{ domain: 'acme.my.localhost', value: `${acme}!api` }],
      'http://acme.my.localhost:4711',
    ],
  ])('%s', (_name, pageOrigin, cookies, expected) => {
    expect(apiOriginFromCookies(pageOrigin, `${acme}!page`, cookies, true)).toBe(expected);
  });

  it('an API page, or the demo org, is its own API host whatever other hosts hold the org’s sid', () => {
    const cookies = [{ domain: 'zeta.my.salesforce.com', value: `${acme}!api` }];
    expect(apiOriginFromCookies('https://acme.my.salesforce.com', `${acme}!page`, cookies, false)).toBe(
      'https://acme.my.salesforce.com',
    );
    const demoCookies = [{ domain: 'acme.my.localhost', value: `${acme}!api` }];
    expect(apiOriginFromCookies('http://127.0.0.1:4711', `${acme}!page`, demoCookies, true)).toBe(
      'http://127.0.0.1:4711',
    );
  });

  it('a page without a session of its own falls back to the name mapping; a foreign page gets nothing', () => {
    const cookies = [{ domain: 'zeta.my.salesforce.com', value: `${acme}!api` }];
    expect(apiOriginFromCookies('https://acme.lightning.force.com', null, cookies, false)).toBe(
      'https://acme.my.salesforce.com',
    );
    expect(apiOriginFromCookies('https://evil.example.com', `${acme}!x`, cookies, false)).toBeNull();
  });
});
