import { describe, expect, it } from 'vitest';
import { toErrorBody } from '../../../demo/api/errors';
import { formatDateTime, parseDate, parseDateTime } from '../../../demo/api/format';
import { loadOrgSchema } from '../../../demo/api/schema/org-schema';
import type { ObjectSchema } from '../../../demo/api/schema/types';
import { validateRecordWrite } from '../../../demo/api/validation';
import { seedAccounts, seedOpportunities, userIds } from '../../../demo/org/seed-data';

const schema = loadOrgSchema();
const objectOf = (name: string): ObjectSchema => {
  const object = schema.object(name);
  if (!object) throw new Error(`no ${name}`);
  return object;
};
const callPlan = objectOf('Call_Plan__c');
const objection = objectOf('Call_Plan_Objection__c');

const opportunityId = seedOpportunities[0]?.Id as string;
const accountId = seedAccounts[0]?.Id as string;
const planKey = '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b';

/** The smallest body Salesforce accepts for a new call plan. */
const validPlan = {
  Plan_Key__c: planKey,
  Opportunity__c: opportunityId,
  Call_At__c: '2025-03-04T10:15:30Z',
  Goal__c: 'Agree the pilot scope with the CFO',
  Best_Next_Step__c: 'Signed pilot order',
};

const createPlan = (changes: Record<string, unknown>) =>
  validateRecordWrite(callPlan, { ...validPlan, ...changes }, 'create');

describe('validateRecordWrite: a valid create', () => {
  it('accepts the required fields and stores them in describe casing and stored form', () => {
    const result = createPlan({});
    expect(result.errors).toEqual([]);
    expect(result.references).toEqual([]);
    expect(result.values).toEqual({ ...validPlan, Call_At__c: '2025-03-04T10:15:30.000+0000' });
  });

  it.each([
    ['goal__C', 'Goal__c'],
    ['GOAL__C', 'Goal__c'],
    ['buyer_reason__c', 'Buyer_Reason__c'],
  ])('reads %s as %s', (key, name) => {
    const { values, errors } = createPlan({ [key]: 'Their board meets on Friday' });
    expect(errors).toEqual([]);
    expect(values[name]).toBe('Their board meets on Friday');
  });

  it('ignores the attributes of a collection record', () => {
    expect(createPlan({ attributes: { type: 'Call_Plan__c' } }).errors).toEqual([]);
  });
});

describe('validateRecordWrite: coercion to the stored form', () => {
  it.each<[string, unknown, unknown]>([
    ['Call_At__c', '2025-03-04T11:15:30+01:00', '2025-03-04T10:15:30.000+0000'],
    ['Call_At__c', '2025-03-04T05:15:30.250-05:00', '2025-03-04T10:15:30.250+0000'],
    ['Call_At__c', '2025-03-04T10:15:30.000+0000', '2025-03-04T10:15:30.000+0000'],
    ['Call_At__c', '2025-03-04T10:15:30', '2025-03-04T10:15:30.000+0000'],
    ['Outcome_At__c', '2025-12-31T23:30:00-01:00', '2026-01-01T00:30:00.000+0000'],
    ['Outcome_At__c', null, null],
    ['Next_Step_Due__c', '2025-03-04', '2025-03-04'],
    ['Next_Step_Due__c', '', null],
    ['Buyer_Reason__c', '', null],
    ['Buyer_Reason__c', 42, '42'],
    ['Outcome__c', 'No-sale', 'No-sale'],
    ['Need__c', 'At risk', 'At risk'],
    ['Opportunity__c', opportunityId.slice(0, 15), opportunityId],
  ])('Call_Plan__c.%s: %o is stored as %o', (name, input, stored) => {
    const { values, errors } = createPlan({ [name]: input });
    expect(errors).toEqual([]);
    expect(values[name]).toEqual(stored);
  });

  it.each<[string, unknown, unknown]>([
    ['Expected__c', true, true],
    ['Expected__c', 'false', false],
    ['Raised__c', 'TRUE', true],
    ['Raised__c', null, false],
    ['Sort_Order__c', 12, 12],
    ['Sort_Order__c', '12', 12],
    ['Sort_Order__c', 12.6, 13],
    ['Sort_Order__c', 9999, 9999],
    ['Handled__c', 'Partly', 'Partly'],
  ])('Call_Plan_Objection__c.%s: %o is stored as %o', (name, input, stored) => {
    const body = {
      Objection_Key__c: planKey,
      Call_Plan__r: { Plan_Key__c: planKey },
      Objection__c: 'Too pricey',
      [name]: input,
    };
    const { values, errors } = validateRecordWrite(objection, body, 'create');
    expect(errors).toEqual([]);
    expect(values[name]).toEqual(stored);
  });
});

describe('validateRecordWrite: errors as Salesforce reports them', () => {
  it.each<[string, Record<string, unknown>, { statusCode: string; message: string; fields: string[] }]>([
    [
      'a goal over 255 characters',
      { Goal__c: 'g'.repeat(256) },
      {
        statusCode: 'STRING_TOO_LONG',
        message: `Goal: data value too large: ${'g'.repeat(256)} (max length=255)`,
        fields: ['Goal__c'],
      },
    ],
    [
      'a value outside a restricted picklist',
      { Outcome__c: 'Foo' },
      {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Outcome: bad value for restricted picklist field: Foo',
        fields: ['Outcome__c'],
      },
    ],
    [
      'a picklist value in the wrong case',
      { Outcome__c: 'advance' },
      {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Outcome: bad value for restricted picklist field: advance',
        fields: ['Outcome__c'],
      },
    ],
    [
      'an unknown field',
      { Foo__c: 'x' },
      { statusCode: 'INVALID_FIELD', message: "No such column 'Foo__c' on sobject of type Call_Plan__c", fields: [] },
    ],
    [
      'a date-time that is not one',
      { Call_At__c: 'abc' },
      {
        statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Call At: value not of required type: abc',
        fields: ['Call_At__c'],
      },
    ],
    [
      'a day that does not exist',
      { Call_At__c: '2025-02-30T10:00:00Z' },
      {
        statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Call At: value not of required type: 2025-02-30T10:00:00Z',
        fields: ['Call_At__c'],
      },
    ],
    [
      'a date in another format',
      { Next_Step_Due__c: '04/03/2025' },
      {
        statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Next Step Due: value not of required type: 04/03/2025',
        fields: ['Next_Step_Due__c'],
      },
    ],
    [
      'a number where a date-time belongs',
      { Call_At__c: 1741083330000 },
      {
        statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Call At: value not of required type: 1741083330000',
        fields: ['Call_At__c'],
      },
    ],
    [
      'an object where text belongs',
      { Goal__c: { text: 'x' } },
      {
        statusCode: 'JSON_PARSER_ERROR',
        message:
          'Cannot deserialize instance of string from START_OBJECT value { or request may be missing a required field',
        fields: ['Goal__c'],
      },
    ],
    [
      'an id that is not one',
      { Opportunity__c: 'xyz' },
      {
        statusCode: 'MALFORMED_ID',
        message: 'Opportunity: id value of incorrect type: xyz',
        fields: ['Opportunity__c'],
      },
    ],
    [
      "an account's id as the opportunity",
      { Opportunity__c: accountId },
      {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `Opportunity: id value of incorrect type: ${accountId}`,
        fields: ['Opportunity__c'],
      },
    ],
    [
      'a system field',
      { CreatedDate: '2025-03-04T10:15:30Z', Name: 'CP-1' },
      {
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message:
          'Unable to create/update fields: CreatedDate, Name. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
        fields: ['CreatedDate', 'Name'],
      },
    ],
    [
      'an Id on insert',
      { Id: 'a0P5g00000AbCdEAAV' },
      { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'cannot specify Id in an insert call', fields: ['Id'] },
    ],
    [
      'missing required fields',
      { Goal__c: undefined, Best_Next_Step__c: '' },
      {
        statusCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Best_Next_Step__c, Goal__c]',
        fields: ['Best_Next_Step__c', 'Goal__c'],
      },
    ],
    [
      'a missing master',
      { Opportunity__c: null },
      {
        statusCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Opportunity__c]',
        fields: ['Opportunity__c'],
      },
    ],
  ])('%s', (_case, changes, expected) => {
    const { errors } = createPlan(changes);
    expect(errors).toEqual([expected]);
  });

  it.each<[string, unknown, string]>([
    ['Sort_Order__c', 10000, 'NUMBER_OUTSIDE_VALID_RANGE'],
    ['Sort_Order__c', 'abc', 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['Sort_Order__c', [1], 'JSON_PARSER_ERROR'],
    ['Expected__c', 'yes', 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['Expected__c', 1, 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['Handled__c', 'Maybe', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
    ['Response__c', 'r'.repeat(32769), 'STRING_TOO_LONG'],
  ])('Call_Plan_Objection__c.%s = %o fails with %s', (name, input, statusCode) => {
    const body = {
      Objection_Key__c: planKey,
      Call_Plan__r: { Plan_Key__c: planKey },
      Objection__c: 'Too pricey',
      [name]: input,
    };
    const { errors } = validateRecordWrite(objection, body, 'create');
    expect(errors.map((e) => [e.statusCode, e.fields])).toEqual([[statusCode, [name]]]);
  });

  it('accepts text exactly at the limit', () => {
    expect(createPlan({ Goal__c: 'g'.repeat(255), Questions__c: 'q'.repeat(32768) }).errors).toEqual([]);
  });

  it('reports every problem of a record, not only the first', () => {
    const { errors } = createPlan({ Goal__c: null, Outcome__c: 'Foo', Foo__c: 1 });
    expect(errors.map((e) => e.statusCode).sort()).toEqual([
      'INVALID_FIELD',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'REQUIRED_FIELD_MISSING',
    ]);
  });

  it('gives single-record responses errorCode instead of statusCode', () => {
    const [error] = createPlan({ Outcome__c: 'Foo' }).errors;
    expect(error && toErrorBody(error)).toEqual({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Outcome: bad value for restricted picklist field: Foo',
      fields: ['Outcome__c'],
    });
  });
});

describe('validateRecordWrite: updates', () => {
  const update = (object: ObjectSchema, body: Record<string, unknown>) => validateRecordWrite(object, body, 'update');

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a partial update', { Outcome__c: 'Advance', Commitment__c: 'Minimum' }, []],
    ['the record Id in the body', { Id: 'a0P5g00000AbCdEAAV', Goal__c: 'New goal' }, []],
    ['clearing an optional field', { Buyer_Reason__c: null, Outcome__c: null }, []],
    ['the unchanged master of an upsert', { Opportunity__c: opportunityId }, []],
    ['clearing a required field', { Goal__c: null }, ['REQUIRED_FIELD_MISSING']],
    ['blanking a required field', { Best_Next_Step__c: '' }, ['REQUIRED_FIELD_MISSING']],
    ['writing the auto-number', { Name: 'CP-99999' }, ['INVALID_FIELD_FOR_INSERT_UPDATE']],
    ['writing SystemModstamp', { SystemModstamp: '2025-03-04T10:15:30Z' }, ['INVALID_FIELD_FOR_INSERT_UPDATE']],
  ])('Call_Plan__c: %s', (_case, body, statusCodes) => {
    expect(update(callPlan, body).errors.map((e) => e.statusCode)).toEqual(statusCodes);
  });

  it('does not ask for required fields the update leaves alone', () => {
    expect(update(callPlan, { Coach_Note__c: 'Ask about the budget owner first' })).toEqual({
      values: { Coach_Note__c: 'Ask about the budget owner first' },
      errors: [],
      references: [],
    });
  });
});

describe('validateRecordWrite: references through an external id', () => {
  const objectionBody = (changes: Record<string, unknown>) => ({
    Objection_Key__c: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    Objection__c: 'We already have a tool for this',
    ...changes,
  });

  it('returns the parent reference for the server to resolve, in describe casing', () => {
    const { values, errors, references } = validateRecordWrite(
      objection,
      objectionBody({ call_plan__R: { plan_key__c: planKey } }),
      'create',
    );
    expect(errors).toEqual([]);
    expect(values).not.toHaveProperty('Call_Plan__c');
    expect(references).toEqual([
      {
        field: 'Call_Plan__c',
        relationshipName: 'Call_Plan__r',
        object: 'Call_Plan__c',
        externalIdField: 'Plan_Key__c',
        value: planKey,
      },
    ]);
  });

  it('accepts the attributes Salesforce clients add to a reference', () => {
    const body = objectionBody({ Call_Plan__r: { attributes: { type: 'Call_Plan__c' }, Plan_Key__c: planKey } });
    expect(validateRecordWrite(objection, body, 'create').references).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, { statusCode: string; message: string }]>([
    [
      'a field that is not an External ID',
      { Call_Plan__r: { Goal__c: 'x' } },
      {
        statusCode: 'INVALID_FIELD',
        message: 'Field name provided, Goal__c is not an External ID or indexed field for Call_Plan__c',
      },
    ],
    [
      'a field that does not exist',
      { Call_Plan__r: { Nope__c: 'x' } },
      {
        statusCode: 'INVALID_FIELD',
        message: 'Field name provided, Nope__c is not an External ID or indexed field for Call_Plan__c',
      },
    ],
    [
      'two fields in one reference',
      { Call_Plan__r: { Plan_Key__c: planKey, Goal__c: 'x' } },
      {
        statusCode: 'INVALID_FIELD',
        message: 'More than 1 field provided in an external foreign key reference in entity: Call_Plan__c',
      },
    ],
    [
      'an unknown relationship',
      { Call_Plan__r: { Plan_Key__c: planKey }, Plan__r: { Plan_Key__c: planKey } },
      { statusCode: 'INVALID_FIELD', message: "No such column 'Plan__r' on sobject of type Call_Plan_Objection__c" },
    ],
    [
      'both the id and the reference',
      { Call_Plan__c: 'a0P5g00000AbCdEAAV', Call_Plan__r: { Plan_Key__c: planKey } },
      {
        statusCode: 'INVALID_FIELD',
        message: 'Cannot specify both an external ID reference Call_Plan__r and a salesforce id, Call_Plan__c',
      },
    ],
  ])('refuses %s', (_case, changes, expected) => {
    const { errors } = validateRecordWrite(objection, objectionBody(changes), 'create');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(expected);
  });

  it('asks for the master when neither id nor reference is given', () => {
    const { errors } = validateRecordWrite(objection, objectionBody({}), 'create');
    expect(errors).toEqual([
      {
        statusCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Call_Plan__c]',
        fields: ['Call_Plan__c'],
      },
    ]);
  });
});

describe('validateRecordWrite: standard objects', () => {
  const event = objectOf('Event');
  const opportunity = objectOf('Opportunity');

  it.each<[string, string, string[]]>([
    ['an opportunity', opportunityId, []],
    ['an account', accountId, []],
    ['a user', userIds.riley, ['FIELD_INTEGRITY_EXCEPTION']],
  ])('Event.WhatId may point to %s', (_case, whatId, statusCodes) => {
    const { errors } = validateRecordWrite(event, { WhatId: whatId, Subject: 'Call', DurationInMinutes: 30 }, 'create');
    expect(errors.map((e) => e.statusCode)).toEqual(statusCodes);
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ StageName: 'Closed Won' }, []],
    [{ StageName: 'Won' }, ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST']],
    [{ IsClosed: true }, ['INVALID_FIELD_FOR_INSERT_UPDATE']],
    [{ Probability: 1000 }, ['NUMBER_OUTSIDE_VALID_RANGE']],
    [{ Amount: 1234.567 }, []],
  ])('Opportunity update %o', (body, statusCodes) => {
    expect(validateRecordWrite(opportunity, body, 'update').errors.map((e) => e.statusCode)).toEqual(statusCodes);
  });

  it('rounds currency to its scale', () => {
    expect(validateRecordWrite(opportunity, { Amount: 1234.567 }, 'update').values.Amount).toBe(1234.57);
  });
});

describe('format: Salesforce date-times', () => {
  it.each<[string, string | null]>([
    ['2025-03-04T10:15:30Z', '2025-03-04T10:15:30.000+0000'],
    ['2025-03-04T10:15:30.123Z', '2025-03-04T10:15:30.123+0000'],
    ['2025-03-04T10:15:30.123456Z', '2025-03-04T10:15:30.123+0000'],
    ['2025-03-04T12:15:30+02:00', '2025-03-04T10:15:30.000+0000'],
    ['2025-03-04T12:15:30+0200', '2025-03-04T10:15:30.000+0000'],
    ['2025-03-04T00:15:30-10:00', '2025-03-04T10:15:30.000+0000'],
    ['2025-03-04T10:15Z', '2025-03-04T10:15:00.000+0000'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000+0000'],
    ['2025-02-29T00:00:00Z', null],
    ['2025-03-04T24:00:00Z', null],
    ['2025-03-04', null],
    ['tomorrow', null],
    ['', null],
  ])('parseDateTime(%s) formats as %s', (input, formatted) => {
    const parsed = parseDateTime(input);
    expect(parsed === null ? null : formatDateTime(parsed)).toBe(formatted);
  });

  it.each<[string, string | null]>([
    ['2025-03-04', '2025-03-04'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', null],
    ['2025-3-4', null],
    ['2025-03-04T00:00:00Z', null],
  ])('parseDate(%s) is %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});
