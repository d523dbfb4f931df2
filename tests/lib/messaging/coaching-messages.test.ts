import { describe, expect, it } from 'vitest';
import { longestPeriodDays } from '../../../lib/messaging/coaching-messages';
import { requestSchemas } from '../../../lib/messaging/protocol';

const origin = 'https://acme.lightning.force.com';
const period = { origin, from: '2026-02-09', to: '2026-03-04', timeZone: 'Europe/Berlin' };

/** Where the request fails and why, or 'ok'. */
function checkReport(changes: Record<string, unknown>): string {
  const parsed = requestSchemas['coaching:report'].safeParse({ ...period, ...changes });
  return parsed.success
    ? 'ok'
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

describe('what a coaching report may be asked for', () => {
  it.each<[string, Record<string, unknown>, string | RegExp]>([
    ['a period of four weeks in a known zone', {}, 'ok'],
    ['asked with a refresh from Salesforce', { refresh: true }, 'ok'],
    ['a start that is not a date', { from: '9 Feb 2026' }, /^from: The period needs a start date \(YYYY-MM-DD\)(;|$)/],
    ['an end that is not a date', { to: '2026-03-32' }, /^to: The period needs an end date \(YYYY-MM-DD\)(;|$)/],
    ['a zone no browser knows', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone: Not a time zone this browser knows'],
    ['a zone name past 64 characters', { timeZone: `Europe/${'x'.repeat(60)}` }, /^timeZone: /],
    ['a one-day period', { from: '2026-03-04', to: '2026-03-04' }, 'ok'],
    [
      'a period that ends before it starts',
      { from: '2026-03-05', to: '2026-03-04' },
      'to: The period ends before it starts',
    ],
    ['a period of 730 days, within two years', { from: '2024-03-04', to: '2026-03-04' }, 'ok'],
    [
      'a period of two years and a day',
      { from: '2024-03-03', to: '2026-03-04' },
      `to: A period covers at most ${longestPeriodDays} days`,
    ],
    ['reps by 15- and 18-character user ids', { repIds: ['0055g00000Rly01', '0055g00000Rly01AAB'] }, 'ok'],
    ['a rep id of another object', { repIds: ['0065g00000Nwd01AAB'] }, 'repIds.0: Not a Salesforce user id'],
    ['a rep id with something before it', { repIds: ['x0055g00000Rly01AAB'] }, 'repIds.0: Not a Salesforce user id'],
    ['a rep id with something after it', { repIds: ['0055g00000Rly01AABx'] }, 'repIds.0: Not a Salesforce user id'],
    ['a rep id of 16 characters', { repIds: ['0055g00000Rly01A'] }, 'repIds.0: Not a Salesforce user id'],
    ['a rep id with markup in it', { repIds: ['0055g00000<b>01AAB'] }, 'repIds.0: Not a Salesforce user id'],
    ['a rep id of 3 characters', { repIds: ['005'] }, 'repIds.0: Not a Salesforce user id'],
    ['more than 500 reps', { repIds: Array.from({ length: 501 }, () => '0055g00000Rly01AAB') }, /^repIds: /],
  ])('%s: %s', (_case, changes, expected) => {
    if (typeof expected === 'string') expect(checkReport(changes)).toBe(expected);
    else expect(checkReport(changes)).toMatch(expected);
  });
});

describe('which number a drill-down may ask for', () => {
  const drill = { ...period, repId: null, weekStart: null };
  it.each<[string, unknown, boolean]>([
    ['a figure of the report', 'coverage.planned', true],
    ['a figure the report does not have', 'coverage.everything', false],
    ['an objection by its wording', { objection: 'Procurement must go through a framework' }, true],
    ['an objection with no wording', { objection: '' }, false],
    ['an objection at the field limit', { objection: 'x'.repeat(255) }, true],
    ['an objection past the field limit', { objection: 'x'.repeat(256) }, false],
  ])('%s: accepted %s', (_case, figure, accepted) => {
    expect(requestSchemas['coaching:evidence'].safeParse({ ...drill, figure }).success).toBe(accepted);
  });

  it('holds the same period rules as the report', () => {
    const parsed = requestSchemas['coaching:evidence'].safeParse({
      ...drill,
      figure: 'coverage.planned',
      to: '2026-02-01',
    });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual([
      'The period ends before it starts',
    ]);
  });
});
