import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import type { DemoServer } from '../../../demo/server';
import { newKey, planValues, rest, startTestOrg, users } from './demo-server-fixture';

const v = '/services/data/v62.0';

/** Every error code the issue lists, answered with Salesforce's status, shape and words. */
describe('demo org error responses', () => {
  let server: DemoServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestOrg();
    token = server.org.signIn(users.riley).token;
  });
  afterAll(() => server.close());

  const call = (method: string, path: string, body?: unknown) => rest(server, token, method, path, body);

  it('REQUIRED_FIELD_MISSING names the missing fields', async () => {
    const response = await call('POST', `${v}/sobjects/Call_Plan__c`, {
      Plan_Key__c: newKey(),
      Opportunity__c: showcaseOpportunityId,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.body).toEqual([
      {
        message: 'Required fields are missing: [Best_Next_Step__c, Call_At__c, Goal__c]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['Best_Next_Step__c', 'Call_At__c', 'Goal__c'],
      },
    ]);
  });

  it('STRING_TOO_LONG quotes the value and the limit', async () => {
    const goal = 'g'.repeat(256);
    const response = await call('POST', `${v}/sobjects/Call_Plan__c`, {
      ...planValues(showcaseOpportunityId),
      Goal__c: goal,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      {
        message: `Goal: data value too large: ${goal} (max length=255)`,
        errorCode: 'STRING_TOO_LONG',
        fields: ['Goal__c'],
      },
    ]);
  });

  it('DUPLICATE_VALUE on a second plan with the same key in another case, naming the 15-character id', async () => {
    const key = newKey();
    const first = await call('POST', `${v}/sobjects/Call_Plan__c`, planValues(showcaseOpportunityId, key));
    expect(first.status).toBe(201);
    const firstId = (first.body as { id: string }).id;
    const second = await call(
      'POST',
      `${v}/sobjects/Call_Plan__c`,
      planValues(showcaseOpportunityId, key.toUpperCase()),
    );
    expect(second.status).toBe(400);
    expect(second.body).toEqual([
      {
        message: `duplicate value found: Plan_Key__c duplicates value on record with id: ${firstId.slice(0, 15)}`,
        errorCode: 'DUPLICATE_VALUE',
        fields: [],
      },
    ]);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside the picklist', async () => {
    const response = await call('POST', `${v}/sobjects/Call_Plan__c`, {
      ...planValues(showcaseOpportunityId),
      Outcome__c: 'Maybe',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      {
        message: 'Outcome: bad value for restricted picklist field: Maybe',
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        fields: ['Outcome__c'],
      },
    ]);
  });

  it('INVALID_FIELD for an unknown field in a body, and in a query', async () => {
    const write = await call('POST', `${v}/sobjects/Call_Plan__c`, {
      ...planValues(showcaseOpportunityId),
      Mood__c: 'good',
    });
    expect(write.status).toBe(400);
    expect(write.body).toEqual([
      { message: "No such column 'Mood__c' on sobject of type Call_Plan__c", errorCode: 'INVALID_FIELD', fields: [] },
    ]);
    const query = await call('GET', `${v}/query?q=${encodeURIComponent('SELECT Id, Mood__c FROM Call_Plan__c')}`);
    expect(query.status).toBe(400);
    expect(query.body).toEqual([
      {
        message:
          "\nSELECT Id, Mood__c FROM Call_Plan__c\n           ^\nERROR at Row:1:Column:12\nNo such column 'Mood__c' on entity 'Call_Plan__c'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
        errorCode: 'INVALID_FIELD',
      },
    ]);
  });

  it('MALFORMED_QUERY for broken SOQL, and for a missing q', async () => {
    const broken = await call('GET', `${v}/query?q=${encodeURIComponent('SELECT Id FORM Call_Plan__c')}`);
    expect(broken.status).toBe(400);
    expect((broken.body as { errorCode: string }[])[0]?.errorCode).toBe('MALFORMED_QUERY');
    const missing = await call('GET', `${v}/query`);
    expect(missing.body).toEqual([{ message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' }]);
  });

  it('INVALID_TYPE for an unknown object in SOQL', async () => {
    const response = await call('GET', `${v}/query?q=${encodeURIComponent('SELECT Id FROM Plan__c')}`);
    expect(response.status).toBe(400);
    expect((response.body as { errorCode: string; message: string }[])[0]).toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringContaining("sObject type 'Plan__c' is not supported."),
    });
  });

  it('NOT_FOUND for an unknown object, a missing record and an unknown upsert field', async () => {
    const notFound = [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }];
    expect(await call('GET', `${v}/sobjects/Foo__c/describe`)).toMatchObject({ status: 404, body: notFound });
    const missing = await call('GET', `${v}/sobjects/Call_Plan__c/a0P5gR00000ZZZZ`);
    expect(missing).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    });
    expect(await call('PATCH', `${v}/sobjects/Call_Plan__c/Nope__c/x`, {})).toMatchObject({
      status: 404,
      body: notFound,
    });
  });

  it('ENTITY_IS_DELETED (404) on retrieve, update and delete of a deleted record', async () => {
    const created = await call('POST', `${v}/sobjects/Call_Plan__c`, planValues(showcaseOpportunityId));
    const id = (created.body as { id: string }).id;
    expect((await call('DELETE', `${v}/sobjects/Call_Plan__c/${id}`)).status).toBe(204);
    const deleted = [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }];
    expect(await call('GET', `${v}/sobjects/Call_Plan__c/${id}`)).toMatchObject({ status: 404, body: deleted });
    expect(await call('PATCH', `${v}/sobjects/Call_Plan__c/${id}`, { Goal__c: 'x' })).toMatchObject({
      status: 404,
      body: deleted,
    });
    expect(await call('DELETE', `${v}/sobjects/Call_Plan__c/${id}`)).toMatchObject({ status: 404, body: deleted });
  });

  it('EXCEEDED_ID_LIMIT for more than 200 records in a collection', async () => {
    const records = Array.from({ length: 201 }, () => ({
      attributes: { type: 'Call_Plan__c' },
      ...planValues(showcaseOpportunityId),
    }));
    const response = await call('PATCH', `${v}/composite/sobjects/Call_Plan__c/Plan_Key__c`, {
      allOrNone: false,
      records,
    });
    expect(response).toMatchObject({
      status: 400,
      body: [
        {
          errorCode: 'EXCEEDED_ID_LIMIT',
          message: 'record limit reached. cannot submit more than 200 records into this call',
        },
      ],
    });
  });

  it('JSON_PARSER_ERROR for a body that is not JSON', async () => {
    const response = await call('POST', `${v}/sobjects/Call_Plan__c`, '{"Goal__c": x}');
    expect(response.status).toBe(400);
    const [error] = response.body as { errorCode: string; message: string }[];
    expect(error?.errorCode).toBe('JSON_PARSER_ERROR');
    expect(error?.message).toMatch(/^Unexpected character \('x' \(code 120\)\)/);
  });

  it('MALFORMED_ID for a malformed id in the URL and in a reference field', async () => {
    expect(await call('GET', `${v}/sobjects/Call_Plan__c/xyz`)).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_ID', message: 'Call Plan ID: id value of incorrect type: xyz', fields: ['Id'] }],
    });
    const body = await call('POST', `${v}/sobjects/Call_Plan__c`, {
      ...planValues(showcaseOpportunityId),
      Opportunity__c: 'nope',
    });
    expect(body).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_ID', fields: ['Opportunity__c'] }] });
  });

  it('collection errors use statusCode inside {success:false, errors}', async () => {
    const response = await call('POST', `${v}/composite/sobjects`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Call_Plan__c' }, ...planValues(showcaseOpportunityId) },
        { attributes: { type: 'Call_Plan__c' }, ...planValues(showcaseOpportunityId), Call_Type__c: 'Lunch' },
      ],
    });
    expect(response.status).toBe(200);
    const [ok, bad] = response.body as Record<string, unknown>[];
    expect(ok).toMatchObject({ success: true, errors: [] });
    expect(bad).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: 'Call Type: bad value for restricted picklist field: Lunch',
          fields: ['Call_Type__c'],
        },
      ],
    });
  });

  it('a parent set through its External ID, and an unknown one refused', async () => {
    const key = newKey();
    expect((await call('POST', `${v}/sobjects/Call_Plan__c`, planValues(showcaseOpportunityId, key))).status).toBe(201);
    const objection = { Objection_Key__c: newKey(), Objection__c: 'Price', Call_Plan__r: { Plan_Key__c: key } };
    const created = await call('POST', `${v}/sobjects/Call_Plan_Objection__c`, objection);
    expect(created.status).toBe(201);
    const unknown = await call('POST', `${v}/sobjects/Call_Plan_Objection__c`, {
      ...objection,
      Objection_Key__c: newKey(),
      Call_Plan__r: { Plan_Key__c: 'no-such-plan' },
    });
    expect(unknown.body).toEqual([
      {
        message: 'Foreign key external ID: no-such-plan not found for field Plan_Key__c in entity Call_Plan__c',
        errorCode: 'INVALID_FIELD',
        fields: [],
      },
    ]);
  });

  it('server-stamped fields: dates in +0000 form, creator and modifier, auto-number names', async () => {
    const created = await call('POST', `${v}/sobjects/Call_Plan__c`, planValues(showcaseOpportunityId));
    const record = (await call('GET', `${v}/sobjects/Call_Plan__c/${(created.body as { id: string }).id}`))
      .body as Record<string, unknown>;
    const rileyId = server.org.userByUsername(users.riley)?.Id;
    expect(record).toMatchObject({
      CreatedById: rileyId,
      LastModifiedById: rileyId,
      IsDeleted: false,
      Call_At__c: '2025-03-05T14:00:00.000+0000',
    });
    expect(record.Name).toMatch(/^CP-\d{5}$/);
    for (const name of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) {
      expect(record[name]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    }
    const writeStamp = await call('PATCH', `${v}/sobjects/Call_Plan__c/${record.Id}`, {
      SystemModstamp: '2020-01-01T00:00:00Z',
    });
    expect(writeStamp.body).toMatchObject([
      { errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['SystemModstamp'] },
    ]);
  });

  it('Sforce-Limit-Info on API answers but not on the versions list; CORS preflight answered', async () => {
    const versions = await fetch(`${server.url}/services/data/`);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    const answer = await call('GET', `${v}/limits`);
    expect(answer.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);
    const preflight = await fetch(`${server.url}${v}/query`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('Sforce-Limit-Info');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('401 INVALID_SESSION_ID for a bad token', async () => {
    const response = await rest(server, `${server.org.orgId.slice(0, 15)}!bogus`, 'GET', `${v}/limits`);
    expect(response).toMatchObject({
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    });
  });

  it('upsert answers 204 on update for API 45.0 and earlier, and echoes the version in URLs', async () => {
    const key = newKey();
    const { Plan_Key__c: _k, ...body } = planValues(showcaseOpportunityId, key);
    expect((await call('PATCH', `/services/data/v45.0/sobjects/Call_Plan__c/Plan_Key__c/${key}`, body)).status).toBe(
      201,
    );
    expect(
      (await call('PATCH', `/services/data/v45.0/sobjects/Call_Plan__c/Plan_Key__c/${key}`, { Goal__c: 'y' })).status,
    ).toBe(204);
    const query = await call(
      'GET',
      `/services/data/v45.0/query?q=${encodeURIComponent(`SELECT Id FROM Call_Plan__c WHERE Plan_Key__c = '${key}'`)}`,
    );
    expect((query.body as { records: { attributes: { url: string } }[] }).records[0]?.attributes.url).toMatch(
      /^\/services\/data\/v45\.0\/sobjects\/Call_Plan__c\//,
    );
  });
});
