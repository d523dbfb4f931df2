import { describe, expect, it } from 'vitest';
import {
  remoteRecordOf,
  remoteSchemaOf,
  type SyncedObject,
  selectFieldsOf,
  syncedFields,
  upsertRecordOf,
  writableFields,
} from '../../../lib/salesforce/map-synced-record';

// A fresh object per test: schemas are cached per object, so each test builds the one it checks.
function child(): SyncedObject {
  return {
    table: 'objections',
    sobject: 'Child__c',
    externalIdField: 'Child_Key__c',
    keyField: 'childKey',
    fields: [
      { local: 'childKey', field: 'Child_Key__c', kind: 'key', writer: 'rep' },
      { local: 'title', field: 'Title__c', kind: 'text', writer: 'rep', whenNullFrom: 'Name' },
      { local: 'heard', field: 'Heard__c', kind: 'boolean', writer: 'rep' },
      { local: 'rank', field: 'Rank__c', kind: 'number', writer: 'rep' },
      { local: 'note', field: 'Note__c', kind: 'text', writer: 'manager' },
      { local: 'createdAt', field: 'CreatedDate', kind: 'datetime', writer: 'salesforce' },
    ],
    parent: { local: 'planKey', relationshipName: 'Plan__r', externalIdField: 'Plan_Key__c' },
  };
}

function root(): SyncedObject {
  return {
    table: 'plans',
    sobject: 'Root__c',
    externalIdField: 'Root_Key__c',
    keyField: 'planKey',
    fields: [
      { local: 'planKey', field: 'Root_Key__c', kind: 'key', writer: 'rep' },
      { local: 'goal', field: 'Goal__c', kind: 'text', writer: 'rep' },
    ],
  };
}

const queried = {
  attributes: { type: 'Child__c', url: '/services/data/v62.0/sobjects/Child__c/a0Q000000000001AAA' },
  Id: 'a0Q000000000001AAA',
  IsDeleted: false,
  SystemModstamp: '2026-03-04T10:15:30.000+0000',
  Child_Key__c: 'child-1',
  Title__c: 'Too expensive',
  Heard__c: true,
  Rank__c: 2,
  Note__c: null,
  CreatedDate: '2026-03-01T08:00:00.000+0000',
  Name: 'O-0001',
  Plan__r: { attributes: { type: 'Root__c' }, Plan_Key__c: 'plan-1' },
};

describe('what a query selects', () => {
  it('the system fields, every mapped field, the fields read instead, and the parent’s External ID', () => {
    expect(selectFieldsOf(child())).toEqual([
      'Id',
      'IsDeleted',
      'SystemModstamp',
      'Child_Key__c',
      'Title__c',
      'Name',
      'Heard__c',
      'Rank__c',
      'Note__c',
      'CreatedDate',
      'Plan__r.Plan_Key__c',
    ]);
    expect(selectFieldsOf(root())).toEqual(['Id', 'IsDeleted', 'SystemModstamp', 'Root_Key__c', 'Goal__c']);
  });
});

describe('reading a queried record', () => {
  it('gives local names and forms, the key, the plan through the parent, and Salesforce’s id and stamp', () => {
    expect(remoteRecordOf(child(), queried)).toEqual({
      table: 'objections',
      key: 'child-1',
      planKey: 'plan-1',
      salesforceId: 'a0Q000000000001AAA',
      systemModstamp: '2026-03-04T10:15:30.000+0000',
      isDeleted: false,
      values: {
        childKey: 'child-1',
        title: 'Too expensive',
        heard: true,
        rank: 2,
        note: '',
        createdAt: '2026-03-01T08:00:00.000Z',
        planKey: 'plan-1',
      },
    });
  });

  it('is its own plan when the object has no parent', () => {
    const record = remoteRecordOf(root(), {
      Id: 'a0P000000000001AAA',
      SystemModstamp: '2026-03-04T10:15:30.000+0000',
      Root_Key__c: 'plan-9',
      Goal__c: null,
    });
    expect(record).toMatchObject({ key: 'plan-9', planKey: 'plan-9', isDeleted: false, values: { goal: '' } });
  });

  it('reads the field named instead when a field is null, and tells a deleted record', () => {
    const record = remoteRecordOf(child(), { ...queried, Title__c: null, IsDeleted: true });
    expect(record.values.title).toBe('O-0001');
    expect(record.isDeleted).toBe(true);
  });

  it('takes a record with optional fields left out', () => {
    const { IsDeleted, Title__c, Heard__c, Rank__c, Note__c, CreatedDate, Name, ...minimal } = queried;
    expect(remoteRecordOf(child(), minimal).values).toEqual({
      childKey: 'child-1',
      title: '',
      heard: false,
      rank: null,
      note: '',
      createdAt: null,
      planKey: 'plan-1',
    });
  });

  it.each([
    ['an Id of 14 characters', { Id: 'a0Q00000000000' }],
    ['no SystemModstamp', { SystemModstamp: undefined }],
    ['an empty SystemModstamp', { SystemModstamp: '' }],
    ['IsDeleted as text', { IsDeleted: 'false' }],
    ['no External ID', { Child_Key__c: undefined }],
    ['an empty External ID', { Child_Key__c: '' }],
    ['a text field that is a number', { Title__c: 3 }],
    ['a checkbox as text', { Heard__c: 'true' }],
    ['a number as text', { Rank__c: '2' }],
    ['a field read instead that is a number', { Name: 5 }],
    ['no parent', { Plan__r: undefined }],
    ['a parent without its External ID', { Plan__r: {} }],
    ['a parent with an empty External ID', { Plan__r: { Plan_Key__c: '' } }],
  ])('refuses a record with %s', (_, change) => {
    expect(() => remoteRecordOf(child(), { ...queried, ...change })).toThrow();
  });

  it('builds an object’s schema once', () => {
    const object = child();
    expect(remoteSchemaOf(object)).toBe(remoteSchemaOf(object));
    expect(remoteSchemaOf(object)).not.toBe(remoteSchemaOf(child()));
  });
});

describe('who writes what', () => {
  it('a rep writes the rep fields, a manager the manager fields, neither the key', () => {
    expect(writableFields(child(), 'rep').map((field) => field.local)).toEqual(['title', 'heard', 'rank']);
    expect(writableFields(child(), 'manager').map((field) => field.local)).toEqual(['note']);
  });

  it('sync merges and sends everything but the key and what Salesforce writes', () => {
    expect(syncedFields(child()).map((field) => field.local)).toEqual(['title', 'heard', 'rank', 'note']);
  });
});

describe('an upsert record', () => {
  const values = { title: '', heard: false, rank: 0, note: 'Ask for the budget', planKey: 'plan-1' };

  it('names the object and the External ID, with the given fields in Salesforce’s forms, and the parent on insert', () => {
    const object = child();
    expect(upsertRecordOf(object, 'child-1', values, writableFields(object, 'rep'), true)).toEqual({
      attributes: { type: 'Child__c' },
      Child_Key__c: 'child-1',
      Title__c: null,
      Heard__c: false,
      Rank__c: 0,
      Plan__r: { Plan_Key__c: 'plan-1' },
    });
  });

  it('leaves the parent out on update: a master-detail parent cannot change', () => {
    const object = child();
    expect(upsertRecordOf(object, 'child-1', values, writableFields(object, 'manager'), false)).toEqual({
      attributes: { type: 'Child__c' },
      Child_Key__c: 'child-1',
      Note__c: 'Ask for the budget',
    });
  });

  it('has no parent for an object without one', () => {
    const object = root();
    expect(upsertRecordOf(object, 'plan-1', { goal: 'Pilot' }, syncedFields(object), true)).toEqual({
      attributes: { type: 'Root__c' },
      Root_Key__c: 'plan-1',
      Goal__c: 'Pilot',
    });
  });
});
