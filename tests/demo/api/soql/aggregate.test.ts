import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../../../demo/api/soql/execute-query.ts';
import { context } from './fixture.ts';
import { failure } from './helpers.ts';

const run = (soql: string, ctx = context()) => executeQuery(soql, ctx);
const aggregate = (values: Record<string, unknown>) => ({ attributes: { type: 'AggregateResult' }, ...values });

describe('COUNT()', () => {
  it.each([
    ['SELECT COUNT() FROM Call_Plan__c', 4],
    ['SELECT COUNT() FROM Call_Plan__c WHERE Outcome__c = null', 2],
    ['select count() from call_plan__c where Opportunity__r.Account.Name = null', 1],
    ['SELECT COUNT() FROM Call_Plan__c LIMIT 3', 3],
  ])('%s → %i', (soql, total) => {
    expect(run(soql)).toEqual({ totalSize: total, records: [], count: true });
  });

  it('counts deleted rows for queryAll', () => {
    expect(run('SELECT COUNT() FROM Call_Plan__c', context({ includeDeleted: true })).totalSize).toBe(5);
  });

  it('must stand alone in the SELECT list', () => {
    expect(failure('SELECT COUNT(), Name FROM Call_Plan__c').errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('aggregate functions', () => {
  it.each([
    ['SELECT COUNT(Id) FROM Call_Plan__c', [aggregate({ expr0: 4 })]],
    ['SELECT COUNT(Outcome__c) answered FROM Call_Plan__c', [aggregate({ answered: 2 })]],
    [
      'SELECT COUNT(Id), MAX(Call_At__c), MIN(Sort_Weight__c) lightest, SUM(Sort_Weight__c), AVG(Sort_Weight__c) FROM Call_Plan__c',
      [
        aggregate({
          expr0: 4,
          expr1: '2025-03-10T09:30:00.000+0000',
          lightest: -1,
          expr2: 11.5,
          expr3: 11.5 / 3,
        }),
      ],
    ],
    ["SELECT COUNT(Id) FROM Call_Plan__c WHERE Goal__c = 'none'", [aggregate({ expr0: 0 })]],
    ['SELECT COUNT_DISTINCT(Opportunity__c) FROM Call_Plan__c', [aggregate({ expr0: 3 })]],
    [
      "SELECT Call_Type__c, COUNT(Id) plans FROM Call_Plan__c WHERE Call_Type__c IN ('Call', 'Demo') GROUP BY Call_Type__c ORDER BY Call_Type__c DESC",
      [aggregate({ Call_Type__c: 'Demo', plans: 1 }), aggregate({ Call_Type__c: 'Call', plans: 1 })],
    ],
    [
      'SELECT Opportunity__r.Name, COUNT(Id) FROM Call_Plan__c GROUP BY Opportunity__r.Name ORDER BY Opportunity__r.Name LIMIT 2',
      [aggregate({ Name: 'Acme – Renewal', expr0: 2 }), aggregate({ Name: 'Globex – New', expr0: 1 })],
    ],
  ])('%s', (soql, records) => {
    expect(run(soql)).toEqual({ totalSize: records.length, records });
  });

  it('refuses a field that is neither grouped nor aggregated', () => {
    const error = failure('SELECT Name, COUNT(Id) FROM Call_Plan__c');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toMatch(/Field must be grouped or aggregated: Name$/);
  });
});
