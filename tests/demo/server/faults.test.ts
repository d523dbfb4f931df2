import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import type { DemoServer } from '../../../demo/server';
import { connectionAs, control, planValues, rest, startTestOrg, users } from './demo-server-fixture';

const v = '/services/data/v62.0';
const limits = `${v}/limits`;

/** Each fault kind of /__demo/faults, as a client meets it. */
describe('demo org fault injection', () => {
  let server: DemoServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestOrg();
    token = server.org.signIn(users.riley).token;
  });
  afterEach(() => control(server, 'DELETE', 'faults'));
  afterAll(() => server.close());

  it('latency delays the matching request and the answer is normal', async () => {
    await control(server, 'POST', 'faults', { match: { path: '/limits' }, kind: 'latency', ms: 150 });
    const started = performance.now();
    const response = await rest(server, token, 'GET', limits);
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('status answers a Salesforce-shaped 5xx, only `times` times', async () => {
    await control(server, 'POST', 'faults', {
      match: { method: 'GET', path: '/limits' },
      kind: 'status',
      status: 503,
      times: 1,
    });
    const failed = await rest(server, token, 'GET', limits);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(failed.body).toEqual([{ errorCode: 'SERVER_UNAVAILABLE', message: expect.any(String) }]);
    expect((await rest(server, token, 'GET', limits)).status).toBe(200);
    const listed = await control<{ faults: unknown[] }>(server, 'GET', 'faults');
    expect(listed.faults).toEqual([]);
  });

  it('drop destroys the connection', async () => {
    await control(server, 'POST', 'faults', { match: { path: '/limits' }, kind: 'drop', times: 1 });
    await expect(fetch(`${server.url}${limits}`, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow();
  });

  it('unauthorized answers 401 INVALID_SESSION_ID without ending the session', async () => {
    await control(server, 'POST', 'faults', { match: { user: users.riley }, kind: 'unauthorized', times: 1 });
    expect(await rest(server, token, 'GET', limits)).toMatchObject({
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    });
    expect((await rest(server, token, 'GET', limits)).status).toBe(200);
  });

  it('a user-matched fault leaves other users alone', async () => {
    await control(server, 'POST', 'faults', { match: { user: users.sam }, kind: 'status', status: 500 });
    expect((await rest(server, token, 'GET', limits)).status).toBe(200);
    const sam = server.org.signIn(users.sam).token;
    expect(await rest(server, sam, 'GET', limits)).toMatchObject({
      status: 500,
      body: [{ errorCode: 'UNKNOWN_EXCEPTION' }],
    });
  });

  it('limit answers 403 REQUEST_LIMIT_EXCEEDED with the usage header at its maximum', async () => {
    await control(server, 'POST', 'faults', { match: { path: 'query' }, kind: 'limit' });
    const conn = connectionAs(server, users.riley);
    await expect(conn.query('SELECT Id FROM Opportunity')).rejects.toMatchObject({ name: 'REQUEST_LIMIT_EXCEEDED' });
    expect(conn.limitInfo.apiUsage).toEqual({ used: 15000, limit: 15000 });
  });

  it('path may be a regular expression', async () => {
    await control(server, 'POST', 'faults', {
      match: { path: '^/services/data/v\\d+\\.\\d/limits$' },
      kind: 'status',
      status: 502,
    });
    expect((await rest(server, token, 'GET', limits)).status).toBe(502);
  });

  it('validation fires FIELD_CUSTOM_VALIDATION_EXCEPTION on a single write', async () => {
    await control(server, 'POST', 'faults', {
      match: {},
      kind: 'validation',
      field: 'Goal__c',
      value: 'Close today',
      message: 'Goals must be specific',
    });
    const response = await rest(server, token, 'POST', `${v}/sobjects/Call_Plan__c`, {
      ...planValues(showcaseOpportunityId),
      Goal__c: 'Close today',
    });
    expect(response).toMatchObject({
      status: 400,
      body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Goals must be specific', fields: [] }],
    });
  });

  it('validation fires per record in a collection upsert', async () => {
    await control(server, 'POST', 'faults', {
      match: { path: 'composite' },
      kind: 'validation',
      field: 'Goal__c',
      value: 'Bad',
    });
    const conn = connectionAs(server, users.riley);
    const results = (await conn
      .sobject('Call_Plan__c')
      .upsert(
        [{ ...planValues(showcaseOpportunityId), Goal__c: 'Bad' }, planValues(showcaseOpportunityId)],
        'Plan_Key__c',
      )) as {
      success: boolean;
      errors: { statusCode: string }[];
    }[];
    expect(results.map((r) => r.success)).toEqual([false, true]);
    expect(results[0]?.errors[0]?.statusCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
  });

  it('a malformed fault is refused with 400', async () => {
    const response = await fetch(`${server.url}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(response.status).toBe(400);
  });
});
