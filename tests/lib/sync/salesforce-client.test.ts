import type { Connection } from 'jsforce';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundError } from '../../../lib/background/background-error';
import type { Session } from '../../../lib/messaging/protocol';
import type { SalesforceAccess } from '../../../lib/salesforce/salesforce-access';
import { createSalesforceClient, maxQueriesTogether } from '../../../lib/sync/salesforce-client';
import type { SyncFailure } from '../../../lib/sync/sync-failure';

const session: Session = {
  orgId: '00D5g00000Demo1EAC',
  userId: '0055g00000Rly01AAB',
  userName: 'riley@precall.demo',
  displayName: 'Riley Chen',
  apiOrigin: 'https://acme.my.salesforce.com',
  dbName: 'precall-00D5g00000Demo1EAC-0055g00000Rly01AAB',
  source: 'identity',
};

interface Sent {
  method: string;
  url: string;
  body?: string;
  headers?: Record<string, string>;
}

/** A jsforce error as its HTTP layer throws one: named by Salesforce's error code. */
function salesforceError(errorCode: string, message = `${errorCode} from Salesforce`): Error {
  return Object.assign(new Error(message), { name: errorCode, errorCode });
}

/**
 * A connection that answers each request with the next of `answers` (an Error is thrown), and a
 * sign-in that counts its connects and renewals; each renewal hands out a new connection.
 */
function fakeSalesforce(
  answers: unknown[],
  options: {
    connect?: () => never;
    renew?: () => never;
    limitInfo?: unknown;
    create?: typeof createSalesforceClient;
  } = {},
) {
  const sent: Sent[] = [];
  const signIns = { connects: 0, renewals: 0 };
  const connection = (label: string) =>
    ({
      label,
      version: '62.0',
      limitInfo: 'limitInfo' in options ? options.limitInfo : { apiUsage: { used: 18, limit: 15000 } },
      async request(request: Sent) {
        sent.push({ ...request });
        const answer = answers.shift();
        if (answer instanceof Error) throw answer;
        return answer;
      },
    }) as unknown as Connection;
  const access: SalesforceAccess = {
    async connect() {
      signIns.connects++;
      options.connect?.();
      return connection('first');
    },
    async renew() {
      signIns.renewals++;
      options.renew?.();
      return connection(`renewed ${signIns.renewals}`);
    },
  };
  return { client: (options.create ?? createSalesforceClient)(access, session), sent, signIns };
}

const page = (records: unknown[], extra: Record<string, unknown> = {}) => ({
  totalSize: records.length,
  done: true,
  records,
  ...extra,
});

async function failureOf(promise: Promise<unknown>): Promise<SyncFailure> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  // By name: a client loaded afresh (below) throws its own module's SyncFailure.
  if (!(error instanceof Error) || error.name !== 'SyncFailure') {
    throw new Error(`expected a SyncFailure, got ${String(error)}`);
  }
  return error as SyncFailure;
}

describe('what the client sends', () => {
  it('queries with the SOQL encoded, deleted rows only when asked, and names Precall as the caller', async () => {
    const { client, sent } = fakeSalesforce([page([{ Id: 'a' }]), page([])]);
    expect(await client.query("SELECT Id FROM Call_Plan__c WHERE Goal__c = 'A&B'")).toEqual(page([{ Id: 'a' }]));
    await client.query('SELECT Id FROM Call_Plan__c', { all: true });
    expect(sent).toEqual([
      {
        method: 'GET',
        url: '/query?q=SELECT%20Id%20FROM%20Call_Plan__c%20WHERE%20Goal__c%20%3D%20%27A%26B%27',
        headers: { 'Sforce-Call-Options': 'client=Precall' },
      },
      {
        method: 'GET',
        url: '/queryAll?q=SELECT%20Id%20FROM%20Call_Plan__c',
        headers: { 'Sforce-Call-Options': 'client=Precall' },
      },
    ]);
  });

  it('follows a next page by its URL as Salesforce gave it', async () => {
    const { client, sent } = fakeSalesforce([page([{ Id: 'b' }])]);
    await client.queryMore('/services/data/v62.0/query/01g-2000');
    expect(sent).toEqual([
      {
        method: 'GET',
        url: '/services/data/v62.0/query/01g-2000',
        headers: { 'Sforce-Call-Options': 'client=Precall' },
      },
    ]);
  });

  it('upserts on the external id in one Collections request, allOrNone false, and reads each result', async () => {
    const { client, sent } = fakeSalesforce([
      [
        { id: 'a015g00000Pln01AAB', success: true, errors: [] },
        {
          id: null,
          success: false,
          errors: [{ statusCode: 'STRING_TOO_LONG', message: 'Goal: too long', fields: ['Goal__c'] }],
        },
      ],
    ]);
    const records = [{ Plan_Key__c: 'k1' }, { Plan_Key__c: 'k2' }];
    expect(await client.upsert('Call_Plan__c', 'Plan_Key__c', records)).toEqual([
      { id: 'a015g00000Pln01AAB', success: true, errors: [] },
      { success: false, errors: [{ statusCode: 'STRING_TOO_LONG', message: 'Goal: too long', fields: ['Goal__c'] }] },
    ]);
    expect(sent).toEqual([
      {
        method: 'PATCH',
        url: '/composite/sobjects/Call_Plan__c/Plan_Key__c',
        body: JSON.stringify({ allOrNone: false, records }),
        headers: { 'Sforce-Call-Options': 'client=Precall', 'content-type': 'application/json' },
      },
    ]);
  });

  it('deletes by id in one Collections request, allOrNone false', async () => {
    const { client, sent } = fakeSalesforce([
      [
        { id: 'a015g00000Pln01AAB', success: true, errors: [] },
        { id: 'a015g00000Pln02AAB', success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'gone' }] },
      ],
    ]);
    const results = await client.destroy(['a015g00000Pln01AAB', 'a015g00000Pln02AAB']);
    expect(results.map((result) => result.success)).toEqual([true, false]);
    expect(sent).toEqual([
      {
        method: 'DELETE',
        url: '/composite/sobjects?ids=a015g00000Pln01AAB,a015g00000Pln02AAB&allOrNone=false',
        headers: { 'Sforce-Call-Options': 'client=Precall' },
      },
    ]);
  });

  it('sends nothing for nothing to save or delete', async () => {
    const { client, sent, signIns } = fakeSalesforce([]);
    expect(await client.upsert('Call_Plan__c', 'Plan_Key__c', [])).toEqual([]);
    expect(await client.destroy([])).toEqual([]);
    expect(sent).toEqual([]);
    expect(signIns.connects).toBe(0);
  });

  it("reads an object's describe", async () => {
    const describe = { fields: [{ name: 'StageName', picklistValues: [{ value: 'Prospecting', label: null }] }] };
    const { client, sent } = fakeSalesforce([describe]);
    expect(await client.describe?.('Opportunity')).toEqual(describe);
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /sobjects/Opportunity/describe']);
  });

  it("reports the org's API usage from the connection, and none before the first call", async () => {
    const { client } = fakeSalesforce([page([])]);
    expect(client.apiUsage()).toBeNull();
    expect(client.answeredAt?.()).toBeNull();
    await client.query('SELECT Id FROM Call_Plan__c');
    expect(client.apiUsage()).toEqual({ used: 18, limit: 15000 });
  });

  it('reports no API usage when Salesforce sent no limit header', async () => {
    const { client } = fakeSalesforce([page([])], { limitInfo: undefined });
    await client.query('SELECT Id FROM Call_Plan__c');
    expect(client.apiUsage()).toBeNull();
  });

  it('opens one connection for a run of calls', async () => {
    const { client, signIns } = fakeSalesforce([page([]), page([]), page([])]);
    await client.query('SELECT Id FROM Call_Plan__c');
    await client.query('SELECT Id FROM Call_Plan_Objection__c');
    await client.queryMore('/services/data/v62.0/query/01g-2000');
    expect(signIns).toEqual({ connects: 1, renewals: 0 });
  });
});

describe('several queries in one Composite request', () => {
  it('sends each as a subrequest of its own and answers their first pages in request order', async () => {
    const { client, sent } = fakeSalesforce([
      {
        compositeResponse: [
          { referenceId: 'query1', httpStatusCode: 200, body: page([{ Id: 'objection' }]) },
          {
            referenceId: 'query0',
            httpStatusCode: 200,
            body: page([{ Id: 'plan' }], { done: false, nextRecordsUrl: '/next' }),
          },
        ],
      },
    ]);
    const pages = await client.queryTogether([
      { soql: 'SELECT Id FROM Call_Plan__c', all: true },
      { soql: 'SELECT Id FROM Call_Plan_Objection__c' },
    ]);
    expect(pages).toEqual([
      page([{ Id: 'plan' }], { done: false, nextRecordsUrl: '/next' }),
      page([{ Id: 'objection' }]),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: '/composite',
      headers: { 'Sforce-Call-Options': 'client=Precall', 'content-type': 'application/json' },
    });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      allOrNone: false,
      compositeRequest: [
        {
          method: 'GET',
          url: '/services/data/v62.0/queryAll?q=SELECT%20Id%20FROM%20Call_Plan__c',
          referenceId: 'query0',
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/query?q=SELECT%20Id%20FROM%20Call_Plan_Objection__c',
          referenceId: 'query1',
        },
      ],
    });
  });

  it(`takes at most ${maxQueriesTogether} queries, Salesforce's limit`, async () => {
    const { client, sent } = fakeSalesforce([]);
    const queries = Array.from({ length: maxQueriesTogether + 1 }, () => ({ soql: 'SELECT Id FROM Call_Plan__c' }));
    await expect(client.queryTogether(queries)).rejects.toThrow(`At most ${maxQueriesTogether} queries`);
    expect(sent).toEqual([]);
  });

  it(`sends ${maxQueriesTogether} queries in one request`, async () => {
    const queries = Array.from({ length: maxQueriesTogether }, (_, index) => ({ soql: `SELECT Id FROM T${index}` }));
    const { client, sent } = fakeSalesforce([
      {
        compositeResponse: queries.map((_, index) => ({
          referenceId: `query${index}`,
          httpStatusCode: 200,
          body: page([{ Id: `r${index}` }]),
        })),
      },
    ]);
    expect((await client.queryTogether(queries)).map((answer) => answer.records)).toEqual(
      queries.map((_, index) => [{ Id: `r${index}` }]),
    );
    expect(sent).toHaveLength(1);
  });

  it('does not read a Composite answer that leaves a query out', async () => {
    const { client } = fakeSalesforce([
      { compositeResponse: [{ referenceId: 'query0', httpStatusCode: 200, body: page([]) }] },
    ]);
    expect(
      await failureOf(client.queryTogether([{ soql: 'SELECT Id FROM A' }, { soql: 'SELECT Id FROM B' }])),
    ).toMatchObject({ kind: 'error', code: 'MALFORMED_RESPONSE' });
  });

  it.each([
    ['an error code without a message', [{ errorCode: 'INVALID_FIELD' }], '[{"errorCode":"INVALID_FIELD"}]'],
    ['no body at all', null, 'null'],
    ['a message but no error code', [{ message: 'Bad', errorCode: 42 }], 'Bad'],
  ])('names a refused subrequest by its status when its body has %s', async (_what, body, message) => {
    const { client } = fakeSalesforce([{ compositeResponse: [{ referenceId: 'query0', httpStatusCode: 400, body }] }]);
    expect(await failureOf(client.queryTogether([{ soql: 'SELECT Id FROM Call_Plan__c' }]))).toMatchObject({
      kind: 'error',
      code: 'ERROR_HTTP_400',
      message,
    });
  });

  it('fails as that query would alone when Salesforce refuses one', async () => {
    const { client } = fakeSalesforce([
      {
        compositeResponse: [
          { referenceId: 'query0', httpStatusCode: 200, body: page([]) },
          {
            referenceId: 'query1',
            httpStatusCode: 400,
            body: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Bogus__c' on entity 'Call_Plan__c'" }],
          },
        ],
      },
    ]);
    const failure = await failureOf(
      client.queryTogether([{ soql: 'SELECT Id FROM X' }, { soql: 'SELECT Bogus__c FROM X' }]),
    );
    expect(failure).toMatchObject({ kind: 'error', code: 'INVALID_FIELD' });
    expect(failure.message).toBe("No such column 'Bogus__c' on entity 'Call_Plan__c'");
  });

  it('names a refused subrequest by its status when its body carries no error', async () => {
    const { client } = fakeSalesforce([
      { compositeResponse: [{ referenceId: 'query0', httpStatusCode: 503, body: { unexpected: true } }] },
    ]);
    const failure = await failureOf(client.queryTogether([{ soql: 'SELECT Id FROM Call_Plan__c' }]));
    expect(failure).toMatchObject({ kind: 'retryable', code: 'ERROR_HTTP_503', message: '{"unexpected":true}' });
  });

  it('renews a session Salesforce refused inside the Composite request, as any other call', async () => {
    const { client, signIns } = fakeSalesforce([
      {
        compositeResponse: [
          {
            referenceId: 'query0',
            httpStatusCode: 401,
            body: [{ errorCode: 'INVALID_SESSION_ID', message: 'expired' }],
          },
        ],
      },
      { compositeResponse: [{ referenceId: 'query0', httpStatusCode: 200, body: page([{ Id: 'plan' }]) }] },
    ]);
    expect(await client.queryTogether([{ soql: 'SELECT Id FROM Call_Plan__c' }])).toEqual([page([{ Id: 'plan' }])]);
    expect(signIns.renewals).toBe(1);
  });

  it('does not read an answer of another shape', async () => {
    const { client } = fakeSalesforce([{ results: [] }]);
    expect(await failureOf(client.queryTogether([{ soql: 'SELECT Id FROM Call_Plan__c' }]))).toMatchObject({
      kind: 'error',
      code: 'MALFORMED_RESPONSE',
      message: 'Salesforce answered in a form Precall cannot read',
    });
  });
});

describe('when Salesforce says no', () => {
  it('renews a refused session once and sends the request again on the new connection', async () => {
    const { client, sent, signIns } = fakeSalesforce([salesforceError('INVALID_SESSION_ID'), page([{ Id: 'a' }])]);
    expect(await client.query('SELECT Id FROM Call_Plan__c')).toEqual(page([{ Id: 'a' }]));
    expect(signIns).toEqual({ connects: 1, renewals: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('is signed out when the renewed session is refused too', async () => {
    const { client, signIns } = fakeSalesforce([
      salesforceError('INVALID_SESSION_ID'),
      salesforceError('ERROR_HTTP_401'),
    ]);
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject({
      kind: 'signed-out',
      code: 'ERROR_HTTP_401',
    });
    expect(signIns.renewals).toBe(1);
  });

  it('renews once per run: a later refusal is signed out without another renewal', async () => {
    const { client, signIns } = fakeSalesforce([
      salesforceError('INVALID_SESSION_ID'),
      page([]),
      salesforceError('INVALID_SESSION_ID', 'expired again'),
    ]);
    await client.query('SELECT Id FROM Call_Plan__c');
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject({
      kind: 'signed-out',
      code: 'INVALID_SESSION_ID',
      message: 'expired again',
    });
    expect(signIns.renewals).toBe(1);
  });

  it('keeps what the retry after a renewal failed with', async () => {
    const { client } = fakeSalesforce([
      salesforceError('INVALID_SESSION_ID'),
      salesforceError('SERVER_UNAVAILABLE', 'down'),
    ]);
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject({
      kind: 'retryable',
      code: 'SERVER_UNAVAILABLE',
      message: 'down',
    });
  });

  it('is signed out when there is no sign-in to renew from', async () => {
    const { client } = fakeSalesforce([salesforceError('INVALID_SESSION_ID')], {
      renew: () => {
        throw new BackgroundError('not-signed-in', 'Sign in to Salesforce again');
      },
    });
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject({
      kind: 'signed-out',
      code: 'not-signed-in',
      message: 'Sign in to Salesforce again',
    });
  });

  it('is signed out, never asking Salesforce, when nobody is signed in', async () => {
    const { client, sent } = fakeSalesforce([], {
      connect: () => {
        throw new BackgroundError('not-signed-in', 'Nobody is signed in');
      },
    });
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject({
      kind: 'signed-out',
      code: 'not-signed-in',
    });
    expect(sent).toEqual([]);
  });

  it.each([
    ['SalesforceUnreachable', 'offline', 'offline'],
    ['REQUEST_LIMIT_EXCEEDED', 'limit', 'REQUEST_LIMIT_EXCEEDED'],
    ['ERROR_HTTP_503', 'retryable', 'ERROR_HTTP_503'],
    ['INVALID_FIELD', 'error', 'INVALID_FIELD'],
  ])('turns %s into a failure of kind %s, without renewing', async (errorCode, kind, code) => {
    const { client, signIns } = fakeSalesforce([salesforceError(errorCode, 'what Salesforce said')]);
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject({
      kind,
      code,
      message: 'what Salesforce said',
    });
    expect(signIns.renewals).toBe(0);
  });

  it.each([
    [
      'is signed out when Salesforce refuses the sign-in itself',
      salesforceError('INVALID_SESSION_ID', 'Session expired or invalid'),
      { kind: 'signed-out', code: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
    ],
    [
      'turns a sign-in that cannot reach Salesforce into an offline failure',
      salesforceError('SalesforceUnreachable', 'no network'),
      { kind: 'offline', code: 'offline' },
    ],
  ])('%s', async (_name, refusal, failure) => {
    const { client } = fakeSalesforce([], {
      connect: () => {
        throw refusal;
      },
    });
    expect(await failureOf(client.query('SELECT Id FROM Call_Plan__c'))).toMatchObject(failure);
  });

  describe('answers of another shape', () => {
    // Each answer schema is built on first use and kept: a client loaded afresh builds its own, so
    // each of these tests checks the schema it names.
    let create: typeof createSalesforceClient;
    beforeEach(async () => {
      vi.resetModules();
      ({ createSalesforceClient: create } = await import('../../../lib/sync/salesforce-client'));
    });

    type Client = ReturnType<typeof fakeSalesforce>['client'];
    it.each([
      ['a query page', (client: Client) => client.query('SELECT Id FROM Call_Plan__c'), { done: 'yes' }],
      [
        'a Composite item',
        (client: Client) => client.queryTogether([{ soql: 'SELECT Id FROM Call_Plan__c' }]),
        { compositeResponse: [{ referenceId: 'query0', body: page([]) }] },
      ],
      ['an upsert result', (client: Client) => client.upsert('Call_Plan__c', 'Plan_Key__c', [{}]), [{ ok: true }]],
      [
        "an upsert result's error",
        (client: Client) => client.upsert('Call_Plan__c', 'Plan_Key__c', [{}]),
        [{ success: false, errors: [{ code: 'REQUIRED_FIELD_MISSING' }] }],
      ],
      [
        'a describe',
        (client: Client) => client.describe?.('Opportunity') ?? Promise.resolve(),
        { fields: [{ label: 'Stage' }] },
      ],
      [
        "a describe's picklist value",
        (client: Client) => client.describe?.('Opportunity') ?? Promise.resolve(),
        { fields: [{ name: 'StageName', picklistValues: [{ label: 'Prospecting' }] }] },
      ],
    ])('does not read %s', async (_what, call, answer) => {
      const { client } = fakeSalesforce([answer], { create });
      const failure = await failureOf(call(client));
      expect(failure).toMatchObject({ kind: 'error', code: 'MALFORMED_RESPONSE' });
      expect(failure.message).toBe('Salesforce answered in a form Precall cannot read');
    });
  });
});
