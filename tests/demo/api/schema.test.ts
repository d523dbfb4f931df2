import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrgSchema } from '../../../demo/api/schema/org-schema';
import type { FieldSchema } from '../../../demo/api/schema/types';
import { opportunityStages } from '../../../demo/org/seed-data';

const schema = loadOrgSchema();
const packageDir = fileURLToPath(new URL('../../../salesforce/', import.meta.url));
const objectsDir = join(packageDir, 'force-app/main/default/objects');

function fieldOf(object: string, name: string): FieldSchema {
  const f = schema.field(object, name);
  if (!f) throw new Error(`${object}.${name} missing`);
  return f;
}

describe('loadOrgSchema: objects', () => {
  it.each([
    ['Call_Plan__c', 'a0P', true, 'ControlledByParent'],
    ['Call_Plan_Objection__c', 'a0Q', true, 'ControlledByParent'],
    ['User', '005', false, 'Read'],
    ['Account', '001', false, 'Private'],
    ['Opportunity', '006', false, 'Private'],
    ['Event', '00U', false, 'Private'],
    ['Organization', '00D', false, 'Read'],
  ])('%s has key prefix %s, custom %s, sharing %s', (name, keyPrefix, custom, sharingModel) => {
    expect(schema.object(name)).toMatchObject({ name, keyPrefix, custom, sharingModel });
  });

  it('finds objects and fields whatever the casing, and keeps describe casing', () => {
    expect(schema.object('call_plan__C')?.name).toBe('Call_Plan__c');
    expect(schema.field('OPPORTUNITY', 'stagename')?.name).toBe('StageName');
    expect(schema.object('Foo__c')).toBeUndefined();
    expect(schema.field('Call_Plan__c', 'Foo__c')).toBeUndefined();
  });

  it('reads the same object once: the schema is cached', () => {
    expect(loadOrgSchema()).toBe(schema);
    expect(loadOrgSchema(packageDir)).toBe(schema);
  });
});

describe('loadOrgSchema: custom fields from the XML', () => {
  it.each<[string, string, Partial<FieldSchema>]>([
    [
      'Call_Plan__c',
      'Plan_Key__c',
      {
        type: 'string',
        length: 36,
        required: true,
        nillable: false,
        externalId: true,
        unique: true,
        caseSensitive: false,
      },
    ],
    [
      'Call_Plan__c',
      'Opportunity__c',
      {
        type: 'reference',
        referenceTo: ['Opportunity'],
        relationshipName: 'Opportunity__r',
        childRelationshipName: 'Call_Plans__r',
        cascadeDelete: true,
        nillable: false,
        required: true,
        updateable: false,
      },
    ],
    ['Call_Plan__c', 'Call_At__c', { type: 'datetime', required: true, nillable: false }],
    ['Call_Plan__c', 'Goal__c', { type: 'string', length: 255, label: 'Goal', required: true }],
    ['Call_Plan__c', 'Buyer_Reason__c', { type: 'string', length: 255, required: false, nillable: true }],
    ['Call_Plan__c', 'Questions__c', { type: 'textarea', length: 32768, filterable: false }],
    ['Call_Plan__c', 'Outcome__c', { type: 'picklist', restrictedPicklist: true, nillable: true, label: 'Outcome' }],
    ['Call_Plan__c', 'Next_Step_Due__c', { type: 'date', nillable: true }],
    ['Call_Plan__c', 'Outcome_At__c', { type: 'datetime', nillable: true }],
    ['Call_Plan__c', 'Coach_Note__c', { type: 'textarea', length: 32768, filterable: false }],
    [
      'Call_Plan_Objection__c',
      'Call_Plan__c',
      {
        type: 'reference',
        referenceTo: ['Call_Plan__c'],
        relationshipName: 'Call_Plan__r',
        childRelationshipName: 'Objections__r',
        cascadeDelete: true,
        required: true,
      },
    ],
    ['Call_Plan_Objection__c', 'Objection_Key__c', { type: 'string', length: 36, externalId: true, unique: true }],
    [
      'Call_Plan_Objection__c',
      'Expected__c',
      { type: 'boolean', defaultValue: false, nillable: false, required: false },
    ],
    ['Call_Plan_Objection__c', 'Raised__c', { type: 'boolean', defaultValue: false, nillable: false }],
    ['Call_Plan_Objection__c', 'Sort_Order__c', { type: 'double', precision: 4, scale: 0, nillable: true }],
  ])('%s.%s reads as %o', (object, name, expected) => {
    expect(fieldOf(object, name)).toMatchObject({ name, createable: true, system: false, ...expected });
  });

  it.each([
    ['Call_Type__c', ['Call', 'Meeting', 'Demo', 'Other'], 'Call'],
    ['Need__c', ['Confirmed', 'Unknown', 'At risk'], 'Unknown'],
    ['Outcome__c', ['Order', 'Advance', 'Continuation', 'No-sale'], undefined],
    ['Commitment__c', ['Best', 'Between', 'Minimum', 'Below'], undefined],
    ['Decision__c', ['Pursue', 'Disqualify', 'Postpone', 'Revisit'], undefined],
  ])('Call_Plan__c.%s offers %o in order, default %s', (name, values, defaultValue) => {
    const f = fieldOf('Call_Plan__c', name);
    expect(f.picklistValues.map((v) => v.value)).toEqual(values);
    expect(f.picklistValues.find((v) => v.defaultValue)?.value).toBe(defaultValue);
  });

  it.each(['Call_Plan__c', 'Call_Plan_Objection__c'])('%s has every field of its XML folder', (object) => {
    const files = readdirSync(join(objectsDir, object, 'fields')).map((file) => file.replace('.field-meta.xml', ''));
    const custom = schema
      .object(object)
      ?.fields.filter((f) => f.name.endsWith('__c'))
      .map((f) => f.name);
    expect(custom?.sort()).toEqual(files.sort());
  });

  it.each([
    ['Call_Plan__c', 'CP-{00000}'],
    ['Call_Plan_Objection__c', 'OBJ-{00000}'],
  ])('%s: Name is a read-only auto-number %s', (object, format) => {
    expect(fieldOf(object, 'Name')).toMatchObject({
      autoNumber: format,
      createable: false,
      updateable: false,
      system: true,
    });
  });
});

describe('loadOrgSchema: system fields', () => {
  const systemNames = [
    'Id',
    'IsDeleted',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
  ];

  it.each(['Call_Plan__c', 'Call_Plan_Objection__c', 'Account', 'Opportunity', 'Event'])(
    '%s carries the system fields, all read-only',
    (object) => {
      for (const name of systemNames) {
        expect(fieldOf(object, name), `${object}.${name}`).toMatchObject({
          system: true,
          createable: false,
          updateable: false,
        });
      }
    },
  );

  it.each(['User', 'Organization'])('%s has no IsDeleted, as in Salesforce', (object) => {
    expect(schema.field(object, 'IsDeleted')).toBeUndefined();
    expect(fieldOf(object, 'SystemModstamp').system).toBe(true);
  });

  it('custom objects have no owner: a master-detail child follows its parent', () => {
    expect(schema.field('Call_Plan__c', 'OwnerId')).toBeUndefined();
  });

  it.each([
    ['CreatedById', 'CreatedBy'],
    ['LastModifiedById', 'LastModifiedBy'],
  ])('%s points to User through %s', (name, relationshipName) => {
    expect(fieldOf('Call_Plan__c', name)).toMatchObject({ type: 'reference', referenceTo: ['User'], relationshipName });
  });
});

describe('loadOrgSchema: standard objects', () => {
  it.each<[string, string, Partial<FieldSchema>]>([
    ['User', 'Username', { type: 'string', required: true }],
    ['User', 'Name', { type: 'string', createable: false }],
    ['User', 'Email', { type: 'email' }],
    ['User', 'ManagerId', { type: 'reference', referenceTo: ['User'], relationshipName: 'Manager' }],
    ['User', 'IsActive', { type: 'boolean', defaultValue: true }],
    ['Account', 'Name', { type: 'string', required: true }],
    ['Account', 'Industry', { type: 'picklist' }],
    ['Account', 'BillingCity', { type: 'string', length: 40 }],
    ['Account', 'OwnerId', { type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' }],
    ['Opportunity', 'AccountId', { type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' }],
    ['Opportunity', 'OwnerId', { type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' }],
    ['Opportunity', 'Amount', { type: 'currency', precision: 18, scale: 2 }],
    ['Opportunity', 'CloseDate', { type: 'date', required: true }],
    ['Opportunity', 'Probability', { type: 'percent' }],
    ['Opportunity', 'NextStep', { type: 'string', length: 255 }],
    ['Opportunity', 'IsClosed', { type: 'boolean', createable: false, updateable: false }],
    ['Opportunity', 'IsWon', { type: 'boolean', createable: false, updateable: false }],
    ['Event', 'WhatId', { type: 'reference', referenceTo: ['Account', 'Opportunity'], relationshipName: 'What' }],
    ['Event', 'StartDateTime', { type: 'datetime' }],
    ['Event', 'EndDateTime', { type: 'datetime' }],
    ['Event', 'ActivityDateTime', { type: 'datetime' }],
    ['Event', 'DurationInMinutes', { type: 'int' }],
    ['Event', 'Type', { type: 'picklist' }],
    ['Organization', 'Name', { type: 'string', createable: false, updateable: false }],
  ])('%s.%s is %o', (object, name, expected) => {
    expect(fieldOf(object, name)).toMatchObject({ name, ...expected });
  });

  it('offers the seed data stages on Opportunity.StageName, restricted', () => {
    const stage = fieldOf('Opportunity', 'StageName');
    expect(stage.picklistValues.map((v) => v.value)).toEqual(opportunityStages.map((s) => s.name));
    expect(stage.restrictedPicklist).toBe(true);
  });

  it('offers every seed industry on Account.Industry', () => {
    const values = fieldOf('Account', 'Industry').picklistValues.map((v) => v.value);
    for (const industry of ['Transportation', 'Manufacturing', 'Technology', 'Healthcare', 'Retail', 'Energy']) {
      expect(values).toContain(industry);
    }
  });
});

describe('loadOrgSchema: child relationships', () => {
  it.each([
    ['Opportunity', 'Call_Plans__r', 'Call_Plan__c', 'Opportunity__c', true],
    ['Opportunity', 'Events', 'Event', 'WhatId', false],
    ['Account', 'Opportunities', 'Opportunity', 'AccountId', false],
    ['Account', 'Events', 'Event', 'WhatId', false],
    ['Call_Plan__c', 'Objections__r', 'Call_Plan_Objection__c', 'Call_Plan__c', true],
    ['User', 'ManagedUsers', 'User', 'ManagerId', false],
  ])('%s has %s (%s.%s), cascade delete %s', (parent, relationshipName, childSObject, field, cascadeDelete) => {
    expect(schema.object(parent)?.childRelationships).toContainEqual({
      childSObject,
      field,
      relationshipName,
      cascadeDelete,
    });
  });
});

describe('loadOrgSchema: another package directory', () => {
  const copy = mkdtempSync(join(tmpdir(), 'precall-package-'));
  cpSync(packageDir, copy, { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('reads limits from the XML, not from code', () => {
    const goal = join(copy, 'force-app/main/default/objects/Call_Plan__c/fields/Goal__c.field-meta.xml');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('<length>255</length>', '<length>100</length>'));
    const other = loadOrgSchema(copy);
    expect(other).not.toBe(schema);
    expect(other.field('Call_Plan__c', 'Goal__c')?.length).toBe(100);
    expect(loadOrgSchema(join(copy, 'force-app/main/default')).field('Call_Plan__c', 'Goal__c')?.length).toBe(100);
  });

  it('names the folder it could not read', () => {
    expect(() => loadOrgSchema(join(copy, 'nowhere'))).toThrow('No objects/ folder');
  });
});
