import { describe, expect, it } from 'vitest';
import { curatedObjectionObject, playbookObject, playbookStageObject } from '../../../lib/sync/playbook-fields';
import { playbookSelectOf, playbookUpsertOf, remotePlaybookRecordOf } from '../../../lib/sync/playbook-records';

const playbook = {
  attributes: { type: 'Playbook__c' },
  Id: 'a0R000000000001AAA',
  IsDeleted: false,
  SystemModstamp: '2026-03-04T10:15:30.000+0000',
  Playbook_Key__c: 'book-1',
  Name: 'Enterprise deals',
  Is_Default__c: true,
  LastModifiedDate: '2026-03-04T10:15:30.000+0000',
  CreatedById: '0055g00000Mgn01',
};

const objection = {
  Id: 'a0T000000000001AAA',
  SystemModstamp: '2026-03-04T10:15:30.000+0000',
  Playbook_Objection_Key__c: 'curated-1',
  Stage_Name__c: 'Negotiation',
  Objection__c: 'Too expensive',
  Response__c: null,
  Sort_Order__c: null,
  Playbook__r: { Playbook_Key__c: 'book-1' },
};

describe('what a playbook query selects', () => {
  it('the system fields, every mapped field and, below a playbook, its External ID', () => {
    expect(playbookSelectOf(playbookObject)).toEqual([
      'Id',
      'IsDeleted',
      'SystemModstamp',
      'Playbook_Key__c',
      'Name',
      'Is_Default__c',
      'LastModifiedDate',
      'CreatedById',
    ]);
    expect(playbookSelectOf(curatedObjectionObject)).toEqual([
      'Id',
      'IsDeleted',
      'SystemModstamp',
      'Playbook_Objection_Key__c',
      'Stage_Name__c',
      'Objection__c',
      'Response__c',
      'Sort_Order__c',
      'Playbook__r.Playbook_Key__c',
    ]);
  });
});

describe('reading a queried playbook record', () => {
  it('gives local names and forms; a playbook is its own playbook', () => {
    expect(remotePlaybookRecordOf(playbookObject, playbook)).toEqual({
      key: 'book-1',
      playbookKey: 'book-1',
      salesforceId: 'a0R000000000001AAA',
      isDeleted: false,
      values: {
        playbookKey: 'book-1',
        name: 'Enterprise deals',
        isDefault: true,
        updatedAt: '2026-03-04T10:15:30.000Z',
        ownerId: '0055g00000Mgn01AAB',
      },
    });
  });

  it('names the playbook of what hangs below it, and fills the defaults Salesforce left empty', () => {
    expect(remotePlaybookRecordOf(curatedObjectionObject, { ...objection, IsDeleted: true })).toEqual({
      key: 'curated-1',
      playbookKey: 'book-1',
      salesforceId: 'a0T000000000001AAA',
      isDeleted: true,
      values: {
        objectionKey: 'curated-1',
        stageName: 'Negotiation',
        objection: 'Too expensive',
        response: '',
        sortOrder: 0,
        playbookKey: 'book-1',
      },
    });
  });

  it('takes a stage whose flags Salesforce left empty as not required', () => {
    const stage = remotePlaybookRecordOf(playbookStageObject, {
      Id: 'a0S000000000001AAA',
      SystemModstamp: '2026-03-04T10:15:30.000+0000',
      Stage_Key__c: 'stage-1',
      Stage_Name__c: 'Proposal',
      Requires_Goal__c: true,
      Playbook__r: { Playbook_Key__c: 'book-1' },
    });
    expect(stage.values).toMatchObject({
      stageName: 'Proposal',
      guidance: '',
      requiresGoal: true,
      requiresWalkAway: false,
      minExpectedObjections: 0,
    });
  });

  it.each([
    ['an Id of 14 characters', { Id: 'a0T00000000000' }],
    ['an empty SystemModstamp', { SystemModstamp: '' }],
    ['IsDeleted as text', { IsDeleted: 'false' }],
    ['no External ID', { Playbook_Objection_Key__c: undefined }],
    ['an empty External ID', { Playbook_Objection_Key__c: '' }],
    ['a field that is an object', { Objection__c: { text: 'Too expensive' } }],
    ['no playbook', { Playbook__r: null }],
    ['a playbook with an empty External ID', { Playbook__r: { Playbook_Key__c: '' } }],
  ])('refuses a record with %s', (_, change) => {
    expect(() => remotePlaybookRecordOf(curatedObjectionObject, { ...objection, ...change })).toThrow();
  });
});

describe('a playbook upsert record', () => {
  const row = {
    objectionKey: 'curated-1',
    playbookKey: 'book-1',
    stageName: 'Negotiation',
    objection: 'Too expensive',
    response: '',
    sortOrder: 2,
  };

  it('names the playbook on insert, with every field a manager writes', () => {
    expect(playbookUpsertOf(curatedObjectionObject, row, true)).toEqual({
      attributes: { type: 'Playbook_Objection__c' },
      Playbook_Objection_Key__c: 'curated-1',
      Stage_Name__c: 'Negotiation',
      Objection__c: 'Too expensive',
      Response__c: null,
      Sort_Order__c: 2,
      Playbook__r: { Playbook_Key__c: 'book-1' },
    });
  });

  it('leaves the playbook out on update, and never sends what Salesforce writes', () => {
    expect(playbookUpsertOf(curatedObjectionObject, row, false)).not.toHaveProperty('Playbook__r');
    expect(
      playbookUpsertOf(
        playbookObject,
        { playbookKey: 'book-1', name: 'Enterprise', isDefault: false, updatedAt: 'x', ownerId: 'y' },
        true,
      ),
    ).toEqual({
      attributes: { type: 'Playbook__c' },
      Playbook_Key__c: 'book-1',
      Name: 'Enterprise',
      Is_Default__c: false,
    });
  });
});
