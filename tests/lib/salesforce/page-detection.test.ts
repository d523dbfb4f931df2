import { describe, expect, it } from 'vitest';
import {
  isLightningPage,
  opportunityIdOf,
  pageDetectors,
  unrelatedExamples,
} from '../../../lib/salesforce/page-detection';

describe.each(pageDetectors.map((d) => [d.name, d] as const))('%s', (_name, detector) => {
  it.each(detector.examples)('is true for its own example %s', (url) => {
    expect(detector.test(new URL(url))).toBe(true);
  });

  const others = [...pageDetectors.filter((d) => d !== detector).flatMap((d) => d.examples), ...unrelatedExamples];
  it.each(others)('is false for %s', (url) => {
    expect(detector.test(new URL(url))).toBe(false);
  });
});

describe('opportunityIdOf', () => {
  it.each([
    ['https://a.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/view', '0065g00000Nwd01AAB'],
    ['https://a.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01/view', '0065g00000Nwd01AAB'],
    ['https://a.lightning.force.com/lightning/r/0065g00000Nwd01aab/view', '0065g00000Nwd01AAB'],
    ['https://a.lightning.force.com/lightning/r/Account/0015g00000Nwd01AAB/view', null],
    ['https://a.lightning.force.com/lightning/r/Opportunity/0015g00000Nwd01AAB/view', null],
  ])('%s → %s', (url, id) => {
    expect(opportunityIdOf(new URL(url))).toBe(id);
  });
});

describe('isLightningPage: where opportunity links can appear', () => {
  it.each([
    ['https://a.lightning.force.com/lightning/page/home', true],
    ['https://a.lightning.force.com/lightning/o/Opportunity/list', true],
    ['https://a.lightning.force.com/one/one.app', true],
    ['https://a.lightning.force.com/one/one.app#/sObject/0065g00000Nwd01AAB/view', true],
    ['https://a.lightning.force.com/one/one.apps', false],
    ['https://a.lightning.force.com/lightning', false],
    ['https://a.lightning.force.com/apps/lightning/page/home', false],
    ['https://a.my.salesforce.com/services/data/', false],
  ])('%s → %s', (url, expected) => {
    expect(isLightningPage(new URL(url))).toBe(expected);
  });
});
