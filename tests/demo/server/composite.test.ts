import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../../demo/server';
import { control, rest, startTestOrg, users } from './demo-server-fixture';

const v = '/services/data/v62.0';
const composite = `${v}/composite`;
const query = (soql: string, all = false) => `${v}/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;
const get = (url: string, referenceId: string) => ({ method: 'GET', url, referenceId });

/** `POST /composite` as Salesforce answers it: subrequests in order, one API call for all. */
describe('demo org composite resource', () => {
  let server: DemoServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestOrg();
    token = server.org.signIn(users.riley).token;
  });
  afterEach(() => control(server, 'DELETE', 'faults'));
  afterAll(() => server.close());

  const usage = (headers: Headers) => Number(/api-usage=(\d+)/.exec(headers.get('sforce-limit-info') ?? '')?.[1]);

  it('answers each subrequest as its own request would, and counts as one API call', async () => {
    const soqlA = 'SELECT Id, Name FROM Opportunity ORDER BY Id';
    const soqlB = 'SELECT Id FROM Call_Plan__c ORDER BY Id';
    const alone = [
      await rest(server, token, 'GET', query(soqlA)),
      await rest(server, token, 'GET', query(soqlB, true)),
    ];
    await control(server, 'DELETE', 'stats');
    const before = usage((await rest(server, token, 'GET', `${v}/limits`)).headers);
    const answer = await rest(server, token, 'POST', composite, {
      allOrNone: false,
      compositeRequest: [get(query(soqlA), 'opportunities'), get(query(soqlB, true), 'plans')],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      compositeResponse: [
        { body: alone[0]?.body, httpHeaders: {}, httpStatusCode: 200, referenceId: 'opportunities' },
        { body: alone[1]?.body, httpHeaders: {}, httpStatusCode: 200, referenceId: 'plans' },
      ],
    });
    expect(usage(answer.headers)).toBe(before + 1);
    const stats = await control<{ total: number; byKind: Record<string, number> }>(server, 'GET', 'stats');
    expect(stats.byKind).toEqual({ limits: 1, composite: 1 });
  });

  it('a failed subrequest answers its own status and error; the others still run', async () => {
    const answer = await rest(server, token, 'POST', composite, {
      compositeRequest: [
        get(query('SELECT Nope__c FROM Opportunity'), 'bad'),
        get(query('SELECT Id FROM Opportunity'), 'good'),
      ],
    });
    expect(answer.status).toBe(200);
    const [bad, good] = (answer.body as { compositeResponse: { httpStatusCode: number; body: unknown }[] })
      .compositeResponse;
    expect(bad).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
    expect(good).toMatchObject({ httpStatusCode: 200, body: { done: true } });
  });

  it('a status fault on a subrequest fails that subrequest only', async () => {
    await control(server, 'POST', 'faults', { match: { path: '/queryAll' }, kind: 'status', status: 503 });
    const answer = await rest(server, token, 'POST', composite, {
      compositeRequest: [
        get(query('SELECT Id FROM Call_Plan__c', true), 'plans'),
        get(query('SELECT Id FROM User'), 'users'),
      ],
    });
    const [plans, users_] = (answer.body as { compositeResponse: { httpStatusCode: number; body: unknown }[] })
      .compositeResponse;
    expect(plans).toMatchObject({ httpStatusCode: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE' }] });
    expect(users_).toMatchObject({ httpStatusCode: 200 });
  });

  it('a dropped connection, an expired session or the daily limit on a subrequest ends the whole request', async () => {
    const body = { compositeRequest: [get(query('SELECT Id FROM Call_Plan__c', true), 'plans')] };
    await control(server, 'POST', 'faults', { match: { path: '/queryAll' }, kind: 'drop', times: 1 });
    await expect(
      fetch(`${server.url}${composite}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ).rejects.toThrow();
    await control(server, 'POST', 'faults', { match: { path: '/queryAll' }, kind: 'unauthorized', times: 1 });
    expect(await rest(server, token, 'POST', composite, body)).toMatchObject({
      status: 401,
      body: [{ errorCode: 'INVALID_SESSION_ID' }],
    });
    await control(server, 'POST', 'faults', { match: { path: '/queryAll' }, kind: 'limit', times: 1 });
    expect(await rest(server, token, 'POST', composite, body)).toMatchObject({
      status: 403,
      body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    });
    expect((await rest(server, token, 'POST', composite, body)).status).toBe(200);
  });

  it('an unknown resource in a subrequest is a 404 subrequest', async () => {
    const answer = await rest(server, token, 'POST', composite, {
      compositeRequest: [get(`${v}/nothing-here`, 'missing')],
    });
    expect(answer.body).toEqual({
      compositeResponse: [
        {
          body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
          httpHeaders: {},
          httpStatusCode: 404,
          referenceId: 'missing',
        },
      ],
    });
  });

  it.each([
    ['no subrequests', { compositeRequest: [] }],
    [
      'more than 25 subrequests',
      { compositeRequest: Array.from({ length: 26 }, (_, n) => get(`${v}/limits`, `r${n}`)) },
    ],
    [
      'more than 5 queries',
      { compositeRequest: Array.from({ length: 6 }, (_, n) => get(query('SELECT Id FROM User'), `q${n}`)) },
    ],
    ['a duplicate referenceId', { compositeRequest: [get(`${v}/limits`, 'a'), get(`${v}/limits`, 'a')] }],
    ['a url outside the data API', { compositeRequest: [get('/id/00D/005', 'who')] }],
    ['a reference the demo org cannot resolve', { compositeRequest: [get(`${v}/sobjects/Account/@{a.id}`, 'b')] }],
    [
      'allOrNone, which the demo org cannot roll back',
      { allOrNone: true, compositeRequest: [get(`${v}/limits`, 'a')] },
    ],
  ])('refuses %s with a 400 that says why', async (_case, body) => {
    const answer = await rest(server, token, 'POST', composite, body);
    expect(answer).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_INPUT', message: expect.any(String) }] });
  });

  it('needs a session like any API call', async () => {
    const answer = await rest(server, 'not-a-token', 'POST', composite, {
      compositeRequest: [get(`${v}/limits`, 'a')],
    });
    expect(answer.status).toBe(401);
  });
});
