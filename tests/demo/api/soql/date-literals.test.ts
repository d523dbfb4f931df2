import { describe, expect, it } from 'vitest';
import { names } from './helpers.ts';

const plans = (...numbers: number[]) => numbers.map((n) => `CP-000${n}`);

// The clock is Monday 10 March 2025, 12:00 UTC; weeks start on Sunday.
// Call_At__c: CP-0001 5 Mar 14:00, CP-0002 10 Mar 09:30, CP-0003 9 Mar 23:59:59.999, CP-0004 none.
// Next_Step_Due__c: CP-0001 12 Mar, CP-0002 17 Mar, CP-0003 28 Feb, CP-0004 none.
const cases: [string, string[]][] = [
  ['Call_At__c = TODAY', plans(2)],
  ['Call_At__c = YESTERDAY', plans(3)],
  ['Call_At__c < TODAY', plans(1, 3)],
  ['Call_At__c > YESTERDAY', plans(2)],
  ['Call_At__c <= YESTERDAY', plans(1, 3)],
  ['Call_At__c >= YESTERDAY', plans(2, 3)],
  ['Call_At__c != TODAY', plans(1, 3, 4)],
  ['Call_At__c = LAST_N_DAYS:1', plans(2, 3)],
  ['Call_At__c = LAST_N_DAYS:4', plans(2, 3)],
  ['Call_At__c = LAST_N_DAYS:5', plans(1, 2, 3)],
  ['Call_At__c = THIS_WEEK', plans(2, 3)],
  ['Call_At__c = LAST_WEEK', plans(1)],
  ['Call_At__c = THIS_MONTH', plans(1, 2, 3)],
  ['Call_At__c = LAST_MONTH', []],
  ['Next_Step_Due__c = TOMORROW', []],
  ['Next_Step_Due__c > TODAY', plans(1, 2)],
  ['Next_Step_Due__c = NEXT_N_DAYS:2', plans(1)],
  ['Next_Step_Due__c = NEXT_N_DAYS:7', plans(1, 2)],
  ['Next_Step_Due__c = THIS_WEEK', plans(1)],
  ['Next_Step_Due__c = NEXT_WEEK', plans(2)],
  ['Next_Step_Due__c < THIS_MONTH', plans(3)],
  ['Next_Step_Due__c = LAST_MONTH', plans(3)],
  ['Next_Step_Due__c = N_DAYS_AGO:10', plans(3)],
  ['Next_Step_Due__c = THIS_YEAR', plans(1, 2, 3)],
  ['Next_Step_Due__c = THIS_QUARTER', plans(1, 2, 3)],
];

describe('date literals', () => {
  it.each(cases)('%s', (where, expected) => {
    expect(names(`SELECT Name FROM Call_Plan__c WHERE ${where} ORDER BY Name`)).toEqual(expected);
  });
});
