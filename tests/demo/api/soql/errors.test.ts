import { describe, expect, it } from 'vitest';
import { ids } from './fixture.ts';
import { failure } from './helpers.ts';

const wsdl = 'Please reference your WSDL or the describe call for the appropriate names.';
const noSuchColumn = (field: string, entity: string) =>
  `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${wsdl}`;

/** Salesforce's caret format: the line, a caret under the token, its row and column, then the text. */
const at = (line: string, column: number, text: string, row = 1) =>
  `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${text}`;

const errors: [string, string, string, string][] = [
  [
    'unknown object',
    'SELECT Id FROM Foo__c',
    'INVALID_TYPE',
    at(
      'SELECT Id FROM Foo__c',
      16,
      `sObject type 'Foo__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${wsdl}`,
    ),
  ],
  [
    'unknown field in SELECT (the reference example)',
    'SELECT Id, Foo__c FROM Call_Plan__c',
    'INVALID_FIELD',
    at('SELECT Id, Foo__c FROM Call_Plan__c', 12, noSuchColumn('Foo__c', 'Call_Plan__c')),
  ],
  [
    'unknown field in WHERE',
    'SELECT Id FROM Call_Plan__c WHERE Foo__c = 1',
    'INVALID_FIELD',
    at('SELECT Id FROM Call_Plan__c WHERE Foo__c = 1', 35, noSuchColumn('Foo__c', 'Call_Plan__c')),
  ],
  [
    'unknown field in ORDER BY',
    'SELECT Id FROM Call_Plan__c ORDER BY Foo__c',
    'INVALID_FIELD',
    at('SELECT Id FROM Call_Plan__c ORDER BY Foo__c', 38, noSuchColumn('Foo__c', 'Call_Plan__c')),
  ],
  [
    'unknown field on a parent names the parent entity',
    'SELECT Id, Opportunity__r.Foo FROM Call_Plan__c',
    'INVALID_FIELD',
    at('SELECT Id, Opportunity__r.Foo FROM Call_Plan__c', 12, noSuchColumn('Foo', 'Opportunity')),
  ],
  [
    'unknown parent relationship',
    'SELECT Foo__r.Name FROM Call_Plan__c',
    'INVALID_FIELD',
    at(
      'SELECT Foo__r.Name FROM Call_Plan__c',
      8,
      `Didn't understand relationship 'Foo__r' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdl}`,
    ),
  ],
  [
    'unknown child relationship',
    'SELECT Id, (SELECT Id FROM Foo__r) FROM Call_Plan__c',
    'INVALID_TYPE',
    at(
      'SELECT Id, (SELECT Id FROM Foo__r) FROM Call_Plan__c',
      28,
      `Didn't understand relationship 'Foo__r' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdl}`,
    ),
  ],
  [
    'unknown field inside a subquery names the child entity',
    'SELECT Id, (SELECT Bar__c FROM Objections__r) FROM Call_Plan__c',
    'INVALID_FIELD',
    at(
      'SELECT Id, (SELECT Bar__c FROM Objections__r) FROM Call_Plan__c',
      20,
      noSuchColumn('Bar__c', 'Call_Plan_Objection__c'),
    ),
  ],
  [
    'long text area in WHERE',
    "SELECT Id FROM Call_Plan__c WHERE Questions__c = 'x'",
    'INVALID_FIELD',
    at(
      "SELECT Id FROM Call_Plan__c WHERE Questions__c = 'x'",
      35,
      "field 'Questions__c' can not be filtered in a query call",
    ),
  ],
  [
    'long text area in ORDER BY',
    'SELECT Id FROM Call_Plan__c ORDER BY Questions__c',
    'INVALID_FIELD',
    at(
      'SELECT Id FROM Call_Plan__c ORDER BY Questions__c',
      38,
      "field 'Questions__c' can not be sorted in a query call",
    ),
  ],
  [
    'AND and OR mixed without parentheses',
    "SELECT Id FROM Call_Plan__c WHERE Name = 'a' AND Name = 'b' OR Name = 'c'",
    'MALFORMED_QUERY',
    at("SELECT Id FROM Call_Plan__c WHERE Name = 'a' AND Name = 'b' OR Name = 'c'", 61, 'unexpected token: OR'),
  ],
  [
    'NOT after AND without parentheses',
    "SELECT Id FROM Call_Plan__c WHERE Name != null AND NOT (Name = 'a')",
    'MALFORMED_QUERY',
    at("SELECT Id FROM Call_Plan__c WHERE Name != null AND NOT (Name = 'a')", 52, 'unexpected token: NOT'),
  ],
  [
    'misspelt keyword',
    'SELECT Id FROM Call_Plan__c ORDER Name',
    'MALFORMED_QUERY',
    at('SELECT Id FROM Call_Plan__c ORDER Name', 35, 'unexpected token: Name'),
  ],
  [
    'query ending early',
    'SELECT Id FROM Call_Plan__c WHERE',
    'MALFORMED_QUERY',
    at('SELECT Id FROM Call_Plan__c WHERE', 34, 'unexpected token: <EOF>'),
  ],
  [
    'unterminated string',
    "SELECT Id FROM Call_Plan__c WHERE Name = 'x",
    'MALFORMED_QUERY',
    at("SELECT Id FROM Call_Plan__c WHERE Name = 'x", 42, "unexpected token: 'x"),
  ],
  [
    'malformed id literal',
    "SELECT Id FROM Call_Plan__c WHERE Opportunity__c = 'nope'",
    'INVALID_QUERY_FILTER_OPERATOR',
    at("SELECT Id FROM Call_Plan__c WHERE Opportunity__c = 'nope'", 52, 'invalid ID field: nope'),
  ],
  [
    'quoted number',
    "SELECT Id FROM Call_Plan__c WHERE Sort_Weight__c = '5'",
    'INVALID_FIELD',
    at(
      "SELECT Id FROM Call_Plan__c WHERE Sort_Weight__c = '5'",
      52,
      "value of filter criterion for field 'Sort_Weight__c' must be of type double and should not be enclosed in quotes",
    ),
  ],
  [
    'quoted datetime',
    "SELECT Id FROM Call_Plan__c WHERE Call_At__c > '2025-01-01T00:00:00Z'",
    'INVALID_FIELD',
    at(
      "SELECT Id FROM Call_Plan__c WHERE Call_At__c > '2025-01-01T00:00:00Z'",
      48,
      "value of filter criterion for field 'Call_At__c' must be of type dateTime and should not be enclosed in quotes",
    ),
  ],
  [
    'unquoted text',
    'SELECT Id FROM Call_Plan__c WHERE Goal__c = 5',
    'INVALID_FIELD',
    at(
      'SELECT Id FROM Call_Plan__c WHERE Goal__c = 5',
      45,
      "value of filter criterion for field 'Goal__c' must be of type string and should be enclosed in quotes",
    ),
  ],
  [
    'quoted boolean',
    "SELECT Id FROM Call_Plan__c WHERE IsDeleted = 'true'",
    'INVALID_FIELD',
    at(
      "SELECT Id FROM Call_Plan__c WHERE IsDeleted = 'true'",
      47,
      "value of filter criterion for field 'IsDeleted' must be of type boolean and should not be enclosed in quotes",
    ),
  ],
  [
    'LIKE on an id',
    "SELECT Id FROM Call_Plan__c WHERE Id LIKE 'a01%'",
    'INVALID_QUERY_FILTER_OPERATOR',
    at("SELECT Id FROM Call_Plan__c WHERE Id LIKE 'a01%'", 35, 'invalid operator on id field'),
  ],
  [
    'duplicate field',
    'SELECT Id, Name, name FROM Call_Plan__c',
    'INVALID_FIELD',
    at('SELECT Id, Name, name FROM Call_Plan__c', 18, 'duplicate field selected: Name'),
  ],
];

describe('errors in Salesforce shape', () => {
  it.each(errors)('%s', (_name, soql, errorCode, message) => {
    const error = failure(soql);
    expect(error.toBody()).toEqual([{ message, errorCode }]);
    expect(error.statusCode).toBe(400);
  });

  it('points at the row and column of a multi-line query', () => {
    const soql = 'SELECT Id,\n       Foo__c\nFROM Call_Plan__c';
    expect(failure(soql).message).toBe(at('       Foo__c', 8, noSuchColumn('Foo__c', 'Call_Plan__c'), 2));
  });

  it('refuses TYPEOF with MALFORMED_QUERY', () => {
    const error = failure('SELECT TYPEOF Owner WHEN User THEN Name END FROM Account');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
  });

  it('checks an id in a semi-join subquery', () => {
    const error = failure(
      `SELECT Id FROM Call_Plan__c WHERE Opportunity__c IN (SELECT Id FROM Opportunity WHERE AccountId = 'x${ids.acme}')`,
    );
    expect(error.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
  });
});
