import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../../../demo/api/soql/execute-query.ts';
import { context, ids } from './fixture.ts';
import { failure } from './helpers.ts';

const url = (type: string, id: string) => `/services/data/v62.0/sobjects/${type}/${id}`;
const run = (soql: string, ctx = context()) => executeQuery(soql, ctx);

describe('SELECT output', () => {
  it('builds records with attributes and parent objects, as the REST API returns them', () => {
    const result = run(
      `SELECT Id, Name, Opportunity__c, Opportunity__r.Name, Outcome__c, IsDeleted FROM Call_Plan__c WHERE Id = '${ids.plan2}'`,
    );
    expect(result).toEqual({
      totalSize: 1,
      records: [
        {
          attributes: { type: 'Call_Plan__c', url: url('Call_Plan__c', ids.plan2) },
          Id: ids.plan2,
          Name: 'CP-0002',
          Opportunity__c: ids.renewal,
          Opportunity__r: {
            attributes: { type: 'Opportunity', url: url('Opportunity', ids.renewal) },
            Name: 'Acme – Renewal',
          },
          Outcome__c: null,
          IsDeleted: false,
        },
      ],
    });
  });

  it('answers field and object names in describe casing, in SELECT order', () => {
    const [record] = run(`select call_type__c, NAME, id from call_plan__c where id = '${ids.plan1}'`).records;
    expect(record?.attributes.type).toBe('Call_Plan__c');
    expect(Object.keys(record ?? {})).toEqual(['attributes', 'Call_Type__c', 'Name', 'Id']);
  });

  it('nests several levels of parents under one key per relationship', () => {
    const [record] = run(
      `SELECT Opportunity__r.Name, Opportunity__r.Account.Name, opportunity__r.owner.email FROM Call_Plan__c WHERE Id = '${ids.plan3}'`,
    ).records;
    expect(record?.Opportunity__r).toEqual({
      attributes: { type: 'Opportunity', url: url('Opportunity', ids.newBusiness) },
      Name: 'Globex – New',
      Account: { attributes: { type: 'Account', url: url('Account', ids.globex) }, Name: 'Globex' },
      Owner: { attributes: { type: 'User', url: url('User', ids.manny) }, Email: 'manny@example.com' },
    });
  });

  it('gives null for an empty lookup, at whatever depth it is', () => {
    const [plan] = run(`SELECT Opportunity__r.Account.Name FROM Call_Plan__c WHERE Id = '${ids.plan4}'`).records;
    expect(plan?.Opportunity__r).toEqual({
      attributes: { type: 'Opportunity', url: url('Opportunity', ids.orphan) },
      Account: null,
    });
    const [opportunity] = run("SELECT Name, Account.Name FROM Opportunity WHERE Name = 'Orphan'").records;
    expect(opportunity?.Account).toBeNull();
  });

  it('types a polymorphic parent by its id prefix', () => {
    const records = run('SELECT Name, Owner.Name FROM Account ORDER BY Name').records;
    expect(records.map((record) => record.Owner)).toEqual([
      { attributes: { type: 'User', url: url('User', ids.rita) }, Name: 'Rita Rep' },
      { attributes: { type: 'Group', url: url('Group', ids.salesTeam) }, Name: 'Sales Team' },
    ]);
  });

  it('answers a child subquery as {totalSize, done, records}, or null when there are none', () => {
    const records = run(
      'SELECT Name, (SELECT Objection__c, Raised__c FROM Objections__r ORDER BY Sort_Order__c) FROM Call_Plan__c ORDER BY Name',
    ).records;
    expect(records.map((record) => record.Objections__r)).toEqual([
      {
        totalSize: 2,
        done: true,
        records: [
          {
            attributes: { type: 'Call_Plan_Objection__c', url: url('Call_Plan_Objection__c', ids.objection2) },
            Objection__c: 'No budget until Q3',
            Raised__c: false,
          },
          {
            attributes: { type: 'Call_Plan_Objection__c', url: url('Call_Plan_Objection__c', ids.objection1) },
            Objection__c: 'Too pricey',
            Raised__c: true,
          },
        ],
      },
      null,
      {
        totalSize: 1,
        done: true,
        records: [
          {
            attributes: { type: 'Call_Plan_Objection__c', url: url('Call_Plan_Objection__c', ids.objection3) },
            Objection__c: 'Security review',
            Raised__c: true,
          },
        ],
      },
      null,
    ]);
  });

  it('applies WHERE, ORDER BY DESC and LIMIT inside a subquery per parent', () => {
    const [plan] = run(
      `SELECT (SELECT Objection__c FROM objections__r WHERE Raised__c = true OR Sort_Order__c > 1 ORDER BY Sort_Order__c DESC LIMIT 1) FROM Call_Plan__c WHERE Id = '${ids.plan1}'`,
    ).records;
    expect(plan?.Objections__r).toMatchObject({ totalSize: 1, records: [{ Objection__c: 'Too pricey' }] });
  });

  it('gives null for a subquery whose filter leaves nothing', () => {
    const [plan] = run(
      `SELECT Id, (SELECT Id FROM Objections__r WHERE Objection__c = 'none') FROM Call_Plan__c WHERE Id = '${ids.plan1}'`,
    ).records;
    expect(plan?.Objections__r).toBeNull();
  });

  it('lets a subquery select its own parent fields', () => {
    const [plan] = run(
      `SELECT (SELECT Call_Plan__r.Name FROM Objections__r LIMIT 1) FROM Call_Plan__c WHERE Id = '${ids.plan3}'`,
    ).records;
    expect(plan?.Objections__r).toMatchObject({
      records: [{ Call_Plan__r: { attributes: { type: 'Call_Plan__c' }, Name: 'CP-0003' } }],
    });
  });

  it('follows a standard child relationship and a nested one', () => {
    const [opportunity] = run(
      `SELECT Name, (SELECT Name, (SELECT Objection__c FROM Objections__r) FROM Call_Plans__r ORDER BY Name) FROM Opportunity WHERE Id = '${ids.renewal}'`,
    ).records;
    expect(opportunity?.Call_Plans__r).toMatchObject({
      totalSize: 2,
      records: [
        { Name: 'CP-0001', Objections__r: { totalSize: 2 } },
        { Name: 'CP-0002', Objections__r: null },
      ],
    });
  });

  it('selects a long text area although it cannot be filtered', () => {
    const [plan] = run(`SELECT Questions__c FROM Call_Plan__c WHERE Id = '${ids.plan1}'`).records;
    expect(plan?.Questions__c).toBe('Who signs?');
  });

  it('expands FIELDS(ALL) in describe order when a LIMIT of at most 200 is given', () => {
    const [record] = run(
      `SELECT FIELDS(ALL) FROM Call_Plan_Objection__c WHERE Id = '${ids.objection1}' LIMIT 1`,
    ).records;
    expect(Object.keys(record ?? {})).toEqual([
      'attributes',
      'Id',
      'IsDeleted',
      'CreatedDate',
      'SystemModstamp',
      'Name',
      'Call_Plan__c',
      'Objection__c',
      'Response__c',
      'Raised__c',
      'Sort_Order__c',
    ]);
    expect(failure('SELECT FIELDS(ALL) FROM Call_Plan__c').message).toContain(
      'The SOQL FIELDS function must have a LIMIT of at most 200',
    );
  });

  it('reports totalSize as the number of records after LIMIT', () => {
    expect(run('SELECT Id FROM Call_Plan__c LIMIT 3').totalSize).toBe(3);
    expect(run('SELECT Id FROM Call_Plan__c').totalSize).toBe(4);
  });
});
