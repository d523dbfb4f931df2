import { describe, expect, it } from 'vitest';
import { context, ids } from './fixture.ts';
import { names } from './helpers.ts';

const plans = (...numbers: number[]) => numbers.map((n) => `CP-000${n}`);
const id15 = (id: string) => id.slice(0, 15);

// The visible plans: CP-0001..CP-0004 (CP-0005 is in the recycle bin). See fixture.ts for their values.
const filters: [string, string, string[]][] = [
  ['text equality ignores case', "Call_Type__c = 'call'", plans(1)],
  ['!= keeps rows whose value is null', "Outcome__c != 'Advance'", plans(2, 3, 4)],
  ['<> is the same as !=', "Call_Type__c <> 'Call'", plans(2, 3, 4)],
  ['= null finds empty fields', 'Outcome__c = null', plans(2, 4)],
  ["= '' finds empty fields, as Salesforce stores blanks as null", "Outcome__c = ''", plans(2, 4)],
  ['!= null finds set fields', 'Outcome__c != null', plans(1, 3)],
  ['IN ignores case', "Call_Type__c IN ('Call', 'DEMO')", plans(1, 3)],
  ['NOT IN', "Call_Type__c NOT IN ('Call', 'Demo')", plans(2, 4)],
  ['IN with null', "Outcome__c IN ('Advance', null)", plans(1, 2, 4)],
  ['LIKE with % ignores case', "Goal__c LIKE 'meet%'", plans(2)],
  ['LIKE with _ matches one character', "Goal__c LIKE 'Agree_pilot%'", plans(1)],
  ['LIKE with an escaped %', "Goal__c LIKE '%100\\%%'", plans(3)],
  ['LIKE with an escaped _', "Goal__c LIKE 'goal\\_with\\_%'", plans(4)],
  ['LIKE without wildcards is equality', "Goal__c LIKE 'MEET THE CFO'", plans(2)],
  ['string literal with an escaped quote', "Goal__c = 'Show O\\'Brien the 100% uptime report'", plans(3)],
  ['number >', 'Sort_Weight__c > 2.5', plans(2)],
  ['number >=', 'Sort_Weight__c >= 2.5', plans(1, 2)],
  ['negative number', 'Sort_Weight__c = -1', plans(3)],
  ['number <= skips nulls', 'Sort_Weight__c <= 2.5', plans(1, 3)],
  ['number IN', 'Sort_Weight__c IN (10, 2.5)', plans(1, 2)],
  ['boolean', 'IsDeleted = false', plans(1, 2, 3, 4)],
  ['AND of an OR group', "(Call_Type__c = 'Call' OR Call_Type__c = 'Demo') AND Outcome__c = 'No-sale'", plans(3)],
  ['OR of an AND group', "Call_Type__c = 'Call' OR (Call_Type__c = 'Demo' AND Outcome__c = 'Advance')", plans(1)],
  ['several ANDs', "Outcome__c = null AND Call_Type__c != 'Other' AND Sort_Weight__c > 0", plans(2)],
  ['NOT of a group', "NOT (Call_Type__c = 'Call' OR Call_Type__c = 'Demo')", plans(2, 4)],
  ['NOT inside parentheses after AND', "Outcome__c = null AND (NOT Call_Type__c = 'Other')", plans(2)],
  ['nested parentheses', "((Call_Type__c = 'Call') OR (Call_Type__c = 'Other' AND (Goal__c != null)))", plans(1, 4)],
  ['parent field', `Opportunity__r.OwnerId = '${ids.rita}'`, plans(1, 2, 4)],
  ['two-level parent field', "Opportunity__r.Account.Name = 'globex'", plans(3)],
  ['null somewhere up the parent path', 'Opportunity__r.Account.Name = null', plans(4)],
  ['parent field with LIKE', "CreatedBy.Name LIKE 'Manny%'", plans(2)],
  ['lookup against a 15-character id', `Opportunity__c = '${id15(ids.renewal)}'`, plans(1, 2)],
  [
    'lookup IN with an 18-character id in any case and a 15-character one',
    `Opportunity__c IN ('${ids.renewal.toLowerCase()}', '${id15(ids.newBusiness)}')`,
    plans(1, 2, 3),
  ],
  ['Id = a 15-character id', `Id = '${id15(ids.plan3)}'`, plans(3)],
  ['Id = an upper-cased 18-character id', `Id = '${ids.plan3.toUpperCase()}'`, plans(3)],
  ['15-character ids are case-sensitive', `Id = '${id15(ids.plan1).toLowerCase()}'`, []],
  [
    'Id IN never returns deleted rows',
    `Id IN ('${ids.plan1}', '${id15(ids.plan2)}', '${ids.plan5}') AND Call_Type__c != 'Demo'`,
    plans(1, 2),
  ],
  ['Id comparison for keyset paging', `Id > '${ids.plan2}'`, plans(3, 4)],
  ["Id = '' matches nothing", "Id = ''", []],
  ['datetime literal in UTC', 'Call_At__c = 2025-03-05T14:00:00Z', plans(1)],
  ['datetime literal with an offset', 'Call_At__c = 2025-03-05T15:00:00+01:00', plans(1)],
  ['datetime literal with milliseconds', 'Call_At__c > 2025-03-09T23:59:59.998Z', plans(2, 3)],
  ['datetime > is strict to the millisecond', 'Call_At__c > 2025-03-09T23:59:59.999Z', plans(2)],
  ['datetime field = date literal compares the date', 'Call_At__c = 2025-03-09', plans(3)],
  ['datetime field < date literal is before that day', 'Call_At__c < 2025-03-09', plans(1)],
  ['datetime field >= date literal is from that day', 'Call_At__c >= 2025-03-10', plans(2)],
  ['datetime field <= date literal includes that day', 'Call_At__c <= 2025-03-09', plans(1, 3)],
  ['date field =', 'Next_Step_Due__c = 2025-03-12', plans(1)],
  ['date field >', 'Next_Step_Due__c > 2025-03-12', plans(2)],
  ['date field <=', 'Next_Step_Due__c <= 2025-03-12', plans(1, 3)],
  ['IsDeleted = true on a plain query finds nothing', 'IsDeleted = true', []],
  ['semi-join IN', 'Opportunity__c IN (SELECT Id FROM Opportunity WHERE Amount > 20000)', plans(1, 2)],
  ['anti-join NOT IN', 'Opportunity__c NOT IN (SELECT Id FROM Opportunity WHERE Amount > 20000)', plans(3, 4)],
];

describe('WHERE', () => {
  it.each(filters)('%s', (_name, where, expected) => {
    expect(names(`SELECT Name FROM Call_Plan__c WHERE ${where} ORDER BY Name`)).toEqual(expected);
  });

  it('reads keywords, names and operators in any case', () => {
    expect(names("select name from CALL_PLAN__C where call_type__c in ('meeting') and outcome__c = NULL")).toEqual(
      plans(2),
    );
  });

  it('accepts a FROM alias in paths', () => {
    const soql =
      "SELECT p.Name, p.Opportunity__r.Name FROM Call_Plan__c p WHERE p.Opportunity__r.Name LIKE 'Acme%' ORDER BY p.Name DESC";
    expect(names(soql)).toEqual(plans(2, 1));
  });

  it('shows deleted rows to queryAll only', () => {
    const soql = 'SELECT Name FROM Call_Plan__c WHERE IsDeleted = true';
    expect(names(soql, context({ includeDeleted: true }))).toEqual(plans(5));
    expect(names(soql)).toEqual([]);
  });

  it('finds a deleted row by id for queryAll only', () => {
    const soql = `SELECT Name FROM Call_Plan__c WHERE Id = '${ids.plan5}'`;
    expect(names(soql, context({ includeDeleted: true }))).toEqual(plans(5));
    expect(names(soql)).toEqual([]);
  });
});
