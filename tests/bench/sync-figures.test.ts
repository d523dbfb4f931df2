import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../demo/server';
import { savePlan } from '../../lib/db/save-plan';
import { newCallPlan, newObjection } from '../../lib/model/call-plan';
import { createConnection } from '../../lib/salesforce/connection';
import { callPlanSync as callPlanObject } from '../../lib/salesforce/map-call-plan';
import { objectionSync as objectionObject } from '../../lib/salesforce/map-objection';
import { upsertRecordOf, writableFields } from '../../lib/salesforce/map-synced-record';
import { browserOf, demoControl } from '../lib/sync/support/sync-harness';
import { type Figure, round } from './support/figure';

/**
 * Sync's figures for `npm run bench` (run by tests/bench/run-bench.ts, which reads the file this
 * writes): Precall's engine and a client that sends one request per record, against the same
 * demo org in the same run, counted by the org's request statistics and timed end to end.
 */
const syncFiguresFile = new URL('../../reports/bench-sync.json', import.meta.url).pathname;

const plans = 1000;
const objectionsPerPlan = 3;
const pulled = 10_000;
let org: DemoServer;
const figures: Figure[] = [];

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => {
  await org?.close();
  writeFileSync(syncFiguresFile, JSON.stringify(figures, null, 2));
});

const stats = async () => (await demoControl(org, 'GET', 'stats')) as { total: number; byKind: Record<string, number> };

async function writePlans(riley: ReturnType<typeof browserOf>, label: string) {
  for (let n = 0; n < plans; n++) {
    await savePlan(
      riley.db,
      {
        ...newCallPlan(showcaseOpportunityId, new Date()),
        goal: `${label} ${n}`,
        bestNextStep: 'Next',
        objections: Array.from({ length: objectionsPerPlan }, (_, i) => ({
          ...newObjection(i, true),
          objection: `Objection ${n}.${i}`,
        })),
      },
      new Date(),
      riley.session.userId,
    );
  }
}

it(`pushes ${plans} plans × ${objectionsPerPlan} objections: Precall against one request per record`, async () => {
  await demoControl(org, 'POST', 'reset');
  const riley = browserOf(org, 'riley');
  await riley.sync();
  await writePlans(riley, 'Pushed');
  const records = plans * (1 + objectionsPerPlan);
  await demoControl(org, 'DELETE', 'stats');
  let started = performance.now();
  expect(await riley.sync()).toMatchObject({ ok: true, push: { acknowledged: records } });
  const precallMs = performance.now() - started;
  const precall = (await stats()).total;
  const minimum = Math.ceil(plans / 200) + Math.ceil((plans * objectionsPerPlan) / 200);

  // The same records, upserted one request each on their External IDs, as a plain jsforce client would.
  const naive = browserOf(org, 'riley');
  await writePlans(naive, 'One by one');
  const connection = createConnection(org.url, org.org.signIn('riley@precall.demo').token);
  const planFields = writableFields(callPlanObject, 'rep');
  const objectionFields = writableFields(objectionObject, 'rep');
  await demoControl(org, 'DELETE', 'stats');
  started = performance.now();
  for (const plan of await naive.db.plans.toArray()) {
    if (!plan.goal.startsWith('One by one')) continue;
    const record = upsertRecordOf(callPlanObject, plan.planKey, plan, planFields, true);
    await connection.sobject(callPlanObject.sobject).upsert(record as never, callPlanObject.externalIdField);
    for (const objection of await naive.db.objections.where('planKey').equals(plan.planKey).toArray()) {
      const child = upsertRecordOf(objectionObject, objection.objectionKey, objection, objectionFields, true);
      await connection.sobject(objectionObject.sobject).upsert(child as never, objectionObject.externalIdField);
    }
  }
  const naiveMs = performance.now() - started;
  const oneByOne = (await stats()).total;
  expect(oneByOne).toBe(records);

  figures.push(
    {
      name: `Sync: requests to push ${plans} plans × ${objectionsPerPlan} objections`,
      value: precall,
      unit: 'requests',
      budget: '≤ 1.05× physical minimum',
      reference: { name: 'physical minimum (200 records a request)', value: minimum, unit: 'requests' },
      pass: precall <= 1.05 * minimum,
      note: `${round(precall / minimum, 2)}×; a push starts with the pull of plans and objections, one composite request`,
    },
    {
      name: 'Sync: push against one request per record',
      value: precall,
      unit: 'requests',
      budget: '≥ 100× fewer',
      reference: { name: 'jsforce, one upsert per record', value: oneByOne, unit: 'requests' },
      pass: oneByOne / precall >= 100,
      note: `${round(oneByOne / precall, 0)}× fewer`,
    },
    {
      name: 'Sync: push throughput, end to end',
      value: Math.round(records / (precallMs / 1000)),
      unit: 'records/s',
      budget: null,
      reference: { name: 'one upsert per record', value: Math.round(records / (naiveMs / 1000)), unit: 'records/s' },
      pass: null,
    },
  );
});

it(`pulls ${pulled.toLocaleString('en-US')} plans: Precall against one request per record`, async () => {
  await demoControl(org, 'POST', 'reset');
  await demoControl(org, 'POST', 'seed', { opportunities: 500, plans: pulled, owners: ['riley@precall.demo'] });
  const riley = browserOf(org, 'riley');
  await demoControl(org, 'DELETE', 'stats');
  let started = performance.now();
  expect(await riley.sync()).toMatchObject({ ok: true });
  const precallMs = performance.now() - started;
  const precall = (await stats()).total;
  const count = await riley.db.plans.count();
  expect(count).toBeGreaterThanOrEqual(pulled);
  // Pages of 2000 plans, and one of their objections (Precall asks the first page of each in one
  // composite request, so it may take one request fewer than there are pages).
  const minimum = Math.ceil(count / 2000) + 1;

  const connection = createConnection(org.url, org.org.signIn('riley@precall.demo').token);
  await demoControl(org, 'DELETE', 'stats');
  started = performance.now();
  let page = await connection.query<{ Id: string }>('SELECT Id FROM Call_Plan__c');
  const ids = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    page = await connection.queryMore<{ Id: string }>(page.nextRecordsUrl);
    ids.push(...page.records);
  }
  for (const { Id } of ids) await connection.sobject('Call_Plan__c').retrieve(Id);
  const naiveMs = performance.now() - started;
  const oneByOne = (await stats()).total;

  figures.push(
    {
      name: `Sync: requests to pull ${count.toLocaleString('en-US')} plans`,
      value: precall,
      unit: 'requests',
      budget: '≤ 1.05× physical minimum',
      reference: { name: 'physical minimum (2000 records a page)', value: minimum, unit: 'requests' },
      pass: precall <= 1.05 * minimum,
      note: `${round(precall / minimum, 2)}×`,
    },
    {
      name: 'Sync: pull against one request per record',
      value: precall,
      unit: 'requests',
      budget: '≥ 100× fewer',
      reference: { name: 'jsforce, one retrieve per record', value: oneByOne, unit: 'requests' },
      pass: oneByOne / precall >= 100,
      note: `${round(oneByOne / precall, 0)}× fewer`,
    },
    {
      name: 'Sync: pull throughput, end to end',
      value: Math.round(count / (precallMs / 1000)),
      unit: 'records/s',
      budget: null,
      reference: {
        name: 'one retrieve per record',
        value: Math.round(ids.length / (naiveMs / 1000)),
        unit: 'records/s',
      },
      pass: null,
    },
  );
});
