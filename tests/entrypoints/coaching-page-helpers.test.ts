import { describe, expect, it } from 'vitest';
import { localToday, periodOf } from '../../entrypoints/coaching/period';
import { lightningOrigin, opportunityUrl } from '../../lib/model/coaching/record-link';

describe('the periods the coaching view offers', () => {
  it.each([
    // 2026-03-04 is a Wednesday.
    ['this-week', '2026-03-04', '2026-03-02'],
    ['this-week', '2026-03-02', '2026-03-02'],
    ['this-week', '2026-03-08', '2026-03-02'],
    ['last-4-weeks', '2026-03-04', '2026-02-09'],
    ['last-13-weeks', '2026-03-04', '2025-12-08'],
    ['this-quarter', '2026-03-04', '2026-01-01'],
    ['this-quarter', '2026-04-01', '2026-04-01'],
    ['this-quarter', '2026-12-31', '2026-10-01'],
  ] as const)('%s on %s starts on %s and ends today', (preset, today, from) => {
    expect(periodOf(preset, today)).toEqual({ from, to: today });
  });

  it('reads today in the viewer’s zone', () => {
    const now = new Date('2026-03-04T23:30:00Z');
    expect(localToday(now, 'UTC')).toBe('2026-03-04');
    expect(localToday(now, 'Asia/Tokyo')).toBe('2026-03-05');
    expect(localToday(now, 'America/Los_Angeles')).toBe('2026-03-04');
  });
});

describe('records open on the org’s Lightning host', () => {
  it.each([
    ['https://acme.my.salesforce.com', 'https://acme.lightning.force.com'],
    ['https://acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.lightning.force.com'],
    ['https://acme.lightning.force.com', 'https://acme.lightning.force.com'],
    ['https://army.my.salesforce.mil', 'https://army.lightning.force.mil'],
    ['https://acme.my.sfcrmproducts.cn', 'https://acme.lightning.sfcrmapps.cn'],
    ['http://acme.my.localhost:4711', 'http://acme.lightning.localhost:4711'],
    ['http://127.0.0.1:4711', 'http://127.0.0.1:4711'],
  ])('%s → %s', (origin, lightning) => {
    expect(lightningOrigin(origin)).toBe(lightning);
  });

  it('names the opportunity’s record page', () => {
    expect(opportunityUrl('https://acme.my.salesforce.com', '0065g00000Nwd01AAB')).toBe(
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/view',
    );
  });
});
