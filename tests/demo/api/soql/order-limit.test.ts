import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../../../demo/api/soql/execute-query.ts';
import { context } from './fixture.ts';
import { failure, names } from './helpers.ts';

const plans = (...numbers: number[]) => numbers.map((n) => `CP-000${n}`);

// Sort_Weight__c: CP-0001 2.5, CP-0002 10, CP-0003 -1, CP-0004 null.
// Goal__c: 'Agree pilot scope', 'Meet the CFO', "Show O'Brien…", 'goal_with_underscore'.
const orders: [string, string[]][] = [
  ['Sort_Weight__c', plans(4, 3, 1, 2)],
  ['Sort_Weight__c ASC', plans(4, 3, 1, 2)],
  ['Sort_Weight__c DESC', plans(2, 1, 3, 4)],
  ['Sort_Weight__c ASC NULLS LAST', plans(3, 1, 2, 4)],
  ['Sort_Weight__c DESC NULLS FIRST', plans(4, 2, 1, 3)],
  ['Goal__c', plans(1, 4, 2, 3)],
  ['Call_At__c DESC', plans(2, 3, 1, 4)],
  ['Next_Step_Due__c NULLS LAST', plans(3, 1, 2, 4)],
  ['Opportunity__r.Name DESC, Name', plans(4, 3, 1, 2)],
  ['Opportunity__r.Account.Name NULLS LAST, Name DESC', plans(2, 1, 3, 4)],
  ['CreatedBy.Name, Name DESC', plans(2, 4, 3, 1)],
  ['Call_Type__c DESC', plans(4, 2, 3, 1)],
];

describe('ORDER BY', () => {
  it.each(orders)('ORDER BY %s', (orderBy, expected) => {
    expect(names(`SELECT Name FROM Call_Plan__c ORDER BY ${orderBy}`)).toEqual(expected);
  });
});

const pages: [string, string[]][] = [
  ['LIMIT 2', plans(1, 2)],
  ['LIMIT 2 OFFSET 1', plans(2, 3)],
  ['OFFSET 3', plans(4)],
  ['OFFSET 10', []],
  ['LIMIT 0', []],
  ['LIMIT 10 OFFSET 2000', []],
];

describe('LIMIT and OFFSET', () => {
  it.each(pages)('%s', (clause, expected) => {
    expect(names(`SELECT Name FROM Call_Plan__c ORDER BY Name ${clause}`)).toEqual(expected);
  });

  it('stops at LIMIT without ORDER BY too', () => {
    expect(executeQuery('SELECT Id FROM Call_Plan__c LIMIT 2 OFFSET 1', context()).totalSize).toBe(2);
  });

  it('refuses an OFFSET over 2000 as Salesforce does', () => {
    const error = failure('SELECT Id FROM Call_Plan__c OFFSET 2001');
    expect(error.toBody()).toEqual([
      {
        errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
        message: 'Maximum SOQL offset allowed for apiName Call_Plan__c is 2000',
      },
    ]);
  });
});

describe('ORDER BY with a small LIMIT over many rows', () => {
  // 400 plans with repeated weights, nulls and names out of order: LIMIT must give exactly the
  // same rows as the full sort, ties in the same order.
  const many = Array.from({ length: 400 }, (_, i) => ({
    Id: `a01${String(i).padStart(12, '0')}AAA`,
    IsDeleted: false,
    Name: `P-${String((i * 7919) % 400).padStart(3, '0')}`,
    Sort_Weight__c: i % 9 === 0 ? null : (i * 31) % 13,
    Call_Type__c: ['Call', 'demo', 'Meeting', null][i % 4],
  }));
  const ctx = context({ rows: { Call_Plan__c: many } });

  it.each([
    'Sort_Weight__c DESC NULLS FIRST, Name',
    'Sort_Weight__c',
    'Call_Type__c NULLS LAST',
    'Call_Type__c DESC, Sort_Weight__c DESC',
  ])('ORDER BY %s', (orderBy) => {
    const all = names(`SELECT Name FROM Call_Plan__c ORDER BY ${orderBy}`, ctx);
    expect(names(`SELECT Name FROM Call_Plan__c ORDER BY ${orderBy} LIMIT 12`, ctx)).toEqual(all.slice(0, 12));
    expect(names(`SELECT Name FROM Call_Plan__c ORDER BY ${orderBy} LIMIT 10 OFFSET 25`, ctx)).toEqual(
      all.slice(25, 35),
    );
  });
});
