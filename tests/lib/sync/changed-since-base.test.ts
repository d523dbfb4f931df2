import { beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { callPlanSync } from '../../../lib/salesforce/map-call-plan';
import { objectionSync } from '../../../lib/salesforce/map-objection';
import { changedSinceBase } from '../../../lib/sync/changed-since-base';

const planId = 'a015g00000Pln01AAA';
const stamp = '2026-03-10T12:00:00.000+0000';
let db: PrecallDb;

beforeEach(async () => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
  await db.bases.bulkPut([
    { table: 'plans', key: 'plan-1', planKey: 'plan-1', salesforceId: planId, systemModstamp: stamp, values: {} },
    {
      table: 'objections',
      key: 'objection-1',
      planKey: 'plan-1',
      salesforceId: 'a025g00000Obj01AAA',
      systemModstamp: stamp,
      values: {},
    },
  ]);
});

const plan = (fields: Record<string, unknown>) => ({
  Id: planId,
  Plan_Key__c: 'plan-1',
  SystemModstamp: stamp,
  ...fields,
});

describe('records a pull stores: those changed since the last synced copy', () => {
  it.each([
    ['the copy this client holds (same id, same SystemModstamp)', plan({}), false],
    [
      'changed in Salesforce since (a later SystemModstamp)',
      plan({ SystemModstamp: '2026-03-10T12:00:01.000+0000' }),
      true,
    ],
    ['deleted in Salesforce, whatever its SystemModstamp', plan({ IsDeleted: true }), true],
    ['another record under the same key (created again)', plan({ Id: 'a015g00000Pln02AAA' }), true],
    ['a record this client has no copy of', plan({ Plan_Key__c: 'plan-2' }), true],
    ['a record without a key, left for the parser to report', plan({ Plan_Key__c: undefined }), true],
    ['not a record at all, left for the parser to report', null, true],
  ])('%s: stored %s', async (_case, record, stored) => {
    expect(await changedSinceBase(db, callPlanSync, [record])).toEqual(stored ? [record] : []);
  });

  it("reads an objection's copy from the objections, not from a plan with the same key", async () => {
    const objection = {
      Id: 'a025g00000Obj01AAA',
      Objection_Key__c: 'objection-1',
      SystemModstamp: stamp,
      Call_Plan__r: { Plan_Key__c: 'plan-1' },
    };
    expect(await changedSinceBase(db, objectionSync, [objection])).toEqual([]);
    const namedLikeThePlan = { ...objection, Objection_Key__c: 'plan-1', Id: planId };
    expect(await changedSinceBase(db, objectionSync, [namedLikeThePlan])).toEqual([namedLikeThePlan]);
  });

  it('keeps the order of the records it stores, around those it leaves out', async () => {
    const first = plan({ Plan_Key__c: 'plan-0' });
    const last = plan({ Plan_Key__c: 'plan-2' });
    expect(await changedSinceBase(db, callPlanSync, [first, plan({}), last])).toEqual([first, last]);
  });
});
