import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedOpportunities, userIds } from '../../../demo/org/seed-data';
import type { DemoServer } from '../../../demo/server';
import { connectionAs, planValues, rest, startTestOrg, users } from './demo-server-fixture';

const v = '/services/data/v62.0';
const idsOf = (records: { Id?: string | null }[]) => records.map((r) => r.Id as string).sort();
const opportunitiesOf = (...owners: string[]) =>
  seedOpportunities
    .filter((o) => owners.includes(o.OwnerId))
    .map((o) => o.Id)
    .sort();

/** Reps see their own deals and what hangs below them, the manager the team's, the admin all. */
describe('demo org sharing', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startTestOrg();
  });
  afterAll(() => server.close());

  it.each([
    [users.riley, [userIds.riley]],
    [users.sam, [userIds.sam]],
    [users.morgan, [userIds.riley, userIds.sam, userIds.morgan]],
    [users.admin, [userIds.riley, userIds.sam, userIds.morgan, userIds.admin]],
  ])('%s sees exactly the opportunities of its team through query', async (username, owners) => {
    const conn = connectionAs(server, username);
    const result = await conn.query<{ Id: string }>('SELECT Id FROM Opportunity');
    expect(idsOf(result.records)).toEqual(opportunitiesOf(...owners));
  });

  it('a rep sees the plans, objections and events below their own opportunities only', async () => {
    const conn = connectionAs(server, users.riley);
    const plans = await conn.query<{ Opportunity__r: { OwnerId: string } }>(
      'SELECT Id, Opportunity__r.OwnerId FROM Call_Plan__c',
    );
    expect(plans.totalSize).toBeGreaterThan(0);
    expect(new Set(plans.records.map((p) => p.Opportunity__r.OwnerId))).toEqual(new Set([userIds.riley]));
    const allPlans = server.org.records('Call_Plan__c', server.org.userByUsername(users.admin) as never);
    const rileyOpps = new Set(opportunitiesOf(userIds.riley));
    expect(plans.totalSize).toBe(allPlans.filter((p) => rileyOpps.has(p.Opportunity__c as string)).length);

    const objections = await conn.query<{ Call_Plan__r: { Opportunity__r: { OwnerId: string } } }>(
      'SELECT Id, Call_Plan__r.Opportunity__r.OwnerId FROM Call_Plan_Objection__c',
    );
    expect(objections.totalSize).toBeGreaterThan(0);
    expect(new Set(objections.records.map((o) => o.Call_Plan__r.Opportunity__r.OwnerId))).toEqual(
      new Set([userIds.riley]),
    );

    const events = await conn.query<{ WhatId: string; OwnerId: string }>('SELECT Id, WhatId, OwnerId FROM Event');
    expect(events.totalSize).toBeGreaterThan(0);
    for (const event of events.records)
      expect(rileyOpps.has(event.WhatId) || event.OwnerId === userIds.riley).toBe(true);
  });

  it('a rep sees the accounts of their opportunities', async () => {
    const conn = connectionAs(server, users.riley);
    const accounts = await conn.query<{ Id: string }>('SELECT Id FROM Account');
    const expected = seedAccounts.filter((a) =>
      seedOpportunities.some((o) => o.AccountId === a.Id && o.OwnerId === userIds.riley),
    );
    expect(idsOf(accounts.records)).toEqual(expected.map((a) => a.Id).sort());
  });

  it("retrieve, update and delete of another rep's opportunity answer 404 NOT_FOUND", async () => {
    const { token } = server.org.signIn(users.riley);
    const samsDeal = opportunitiesOf(userIds.sam)[0] as string;
    const notFound = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];
    expect(await rest(server, token, 'GET', `${v}/sobjects/Opportunity/${samsDeal}`)).toMatchObject({
      status: 404,
      body: notFound,
    });
    expect(
      await rest(server, token, 'PATCH', `${v}/sobjects/Opportunity/${samsDeal}`, { NextStep: 'x' }),
    ).toMatchObject({
      status: 404,
      body: notFound,
    });
    expect(await rest(server, token, 'DELETE', `${v}/sobjects/Opportunity/${samsDeal}`)).toMatchObject({
      status: 404,
      body: notFound,
    });
    const collection = await rest(server, token, 'PATCH', `${v}/composite/sobjects`, {
      records: [{ attributes: { type: 'Opportunity' }, id: samsDeal, NextStep: 'x' }],
    });
    expect(collection.body).toEqual([
      {
        id: samsDeal,
        success: false,
        errors: [
          {
            statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
            message: 'insufficient access rights on object id',
            fields: [],
          },
        ],
      },
    ]);
    const stillThere = await connectionAs(server, users.sam).sobject('Opportunity').retrieve(samsDeal);
    expect(stillThere.Id).toBe(samsDeal);
  });

  it("a plan on another rep's opportunity is INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", async () => {
    const { token } = server.org.signIn(users.riley);
    const samsDeal = opportunitiesOf(userIds.sam)[0] as string;
    const response = await rest(server, token, 'POST', `${v}/sobjects/Call_Plan__c`, planValues(samsDeal));
    expect(response).toMatchObject({
      status: 400,
      body: [
        {
          errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
          message: `insufficient access rights on cross-reference id: ${samsDeal.slice(0, 15)}`,
          fields: [],
        },
      ],
    });
  });

  it("the manager writes a coaching note on a rep's plan; the other rep cannot see it", async () => {
    const morgan = connectionAs(server, users.morgan);
    const plan = (
      await morgan.query<{ Id: string }>(
        `SELECT Id FROM Call_Plan__c WHERE Opportunity__r.OwnerId = '${userIds.riley}' LIMIT 1`,
      )
    ).records[0] as { Id: string };
    await morgan.sobject('Call_Plan__c').update({ Id: plan.Id, Coach_Note__c: 'Ask for the date.' });
    const riley = await connectionAs(server, users.riley).sobject('Call_Plan__c').retrieve(plan.Id);
    expect(riley.Coach_Note__c).toBe('Ask for the date.');
    await expect(connectionAs(server, users.sam).sobject('Call_Plan__c').retrieve(plan.Id)).rejects.toMatchObject({
      name: 'NOT_FOUND',
    });
  });

  it('DemoOrg.records and record apply the same sharing as the API', () => {
    const riley = server.org.userByUsername(users.riley);
    if (!riley) throw new Error('no riley');
    expect(idsOf(server.org.records('Opportunity', riley))).toEqual(opportunitiesOf(userIds.riley));
    const samsDeal = opportunitiesOf(userIds.sam)[0] as string;
    expect(server.org.record('Opportunity', samsDeal, riley)).toBeUndefined();
    expect(
      server.org.record('Opportunity', samsDeal.slice(0, 15), server.org.userByUsername(users.sam) as never)?.Id,
    ).toBe(samsDeal);
  });
});
