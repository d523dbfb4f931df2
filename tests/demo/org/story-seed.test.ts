import { describe, expect, it } from 'vitest';
import { validateRecordWrite } from '../../../demo/api/validation';
import { DemoOrgRuntime } from '../../../demo/org/demo-org';
import { userIds } from '../../../demo/org/seed-data';
import { buildStory } from '../../../demo/org/story-seed';
import type { SObjectRecord } from '../../../demo/org/types';
import { planStatus } from '../../../lib/model/plan-status';

const now = new Date('2025-06-11T09:30:00.000Z');
const time = (value: unknown) => Date.parse(String(value).replace('+0000', 'Z'));

function seededOrg(): DemoOrgRuntime {
  const org = new DemoOrgRuntime({ now: () => now });
  org.reset();
  return org;
}

const admin = (org: DemoOrgRuntime) =>
  org.userById(userIds.admin) as NonNullable<ReturnType<DemoOrgRuntime['userById']>>;

/** The first-start story is internally consistent and shows every case the manager's view needs. */
describe('demo org story seed', () => {
  it('uses only fields of the schema and passes the same validation as API writes', () => {
    const org = seededOrg();
    for (const seed of buildStory(now)) {
      const object = org.schema.object(seed.object);
      expect(object, seed.object).toBeDefined();
      for (const name of Object.keys(seed.values))
        expect(org.schema.field(seed.object, name), `${seed.object}.${name}`).toBeDefined();
      if (seed.object === 'Call_Plan__c' && object) {
        expect(validateRecordWrite(object, seed.values, 'create', org.schema).errors).toEqual([]);
      }
    }
  });

  it('every plan hangs off an existing opportunity owned by the rep who wrote it; objections off existing plans', () => {
    const org = seededOrg();
    const plans = org.records('Call_Plan__c', admin(org));
    expect(plans.length).toBeGreaterThanOrEqual(20);
    for (const plan of plans) {
      const opportunity = org.store.get('Opportunity', plan.Opportunity__c as string);
      expect(opportunity).toBeDefined();
      expect([userIds.riley, userIds.sam]).toContain(opportunity?.OwnerId);
      expect(plan.CreatedById).toBe(opportunity?.OwnerId);
    }
    for (const objection of org.records('Call_Plan_Objection__c', admin(org))) {
      expect(org.store.get('Call_Plan__c', objection.Call_Plan__c as string)).toBeDefined();
    }
    for (const event of org.records('Event', admin(org))) {
      const opportunity = org.store.get('Opportunity', event.WhatId as string);
      expect(event.OwnerId).toBe(opportunity?.OwnerId);
    }
  });

  it.each([
    ['Riley', userIds.riley],
    ['Sam', userIds.sam],
  ])(
    '%s has advances, a continuation, an overdue outcome, a plan after the fact, a surprise and a coaching note',
    (_name, rep) => {
      const org = seededOrg();
      const mine = (records: SObjectRecord[]) =>
        records.filter((p) => org.store.get('Opportunity', p.Opportunity__c as string)?.OwnerId === rep);
      const plans = mine(org.records('Call_Plan__c', admin(org)));
      const outcomes = plans.map((p) => p.Outcome__c);
      expect(outcomes).toContain('Advance');
      expect(outcomes).toContain('Continuation');
      expect(plans.some((p) => p.Outcome__c === null && time(p.Call_At__c) < now.getTime() - 2 * 60 * 60 * 1000)).toBe(
        true,
      );
      expect(plans.some((p) => time(p.CreatedDate) > time(p.Call_At__c))).toBe(true);
      expect(plans.some((p) => typeof p.Coach_Note__c === 'string' && p.Coach_Note__c.length > 0)).toBe(true);
      const planIds = new Set(plans.map((p) => p.Id));
      const surprises = org
        .records('Call_Plan_Objection__c', admin(org))
        .filter((o) => planIds.has(o.Call_Plan__c as string) && o.Expected__c === false && o.Raised__c === true);
      expect(surprises.length).toBeGreaterThan(0);
      for (const plan of plans) {
        const callAt = time(plan.Call_At__c);
        expect(callAt).toBeGreaterThan(now.getTime() - 36 * 24 * 60 * 60 * 1000);
        expect(time(plan.CreatedDate)).toBeLessThanOrEqual(now.getTime());
      }
    },
  );

  it('the team shows a no-sale, an order, and meetings coming both with and without a plan', () => {
    const org = seededOrg();
    const plans = org.records('Call_Plan__c', admin(org));
    expect(plans.map((p) => p.Outcome__c)).toEqual(expect.arrayContaining(['No-sale', 'Order']));
    const upcoming = org.records('Event', admin(org)).filter((e) => time(e.StartDateTime) > now.getTime());
    const planned = (event: SObjectRecord) =>
      plans.some(
        (p) =>
          p.Opportunity__c === event.WhatId &&
          Math.abs(time(p.Call_At__c) - time(event.StartDateTime)) < 60 * 60 * 1000,
      );
    expect(upcoming.some(planned)).toBe(true);
    expect(upcoming.some((e) => !planned(e))).toBe(true);
  });

  it('gives the plan-status function every status on some opportunity', () => {
    const org = seededOrg();
    const plans = org.records('Call_Plan__c', admin(org));
    const kinds = new Set(
      org.records('Opportunity', admin(org)).map(
        (opportunity) =>
          planStatus(
            plans
              .filter((p) => p.Opportunity__c === opportunity.Id)
              .map((p) => ({
                planKey: p.Plan_Key__c as string,
                callAt: new Date(time(p.Call_At__c)).toISOString(),
                createdAt: new Date(time(p.Written_At__c)).toISOString(),
                outcome: (p.Outcome__c ?? null) as never,
                commitment: (p.Commitment__c ?? null) as never,
                outcomeAt: p.Outcome_At__c ? new Date(time(p.Outcome_At__c)).toISOString() : null,
              })),
            now,
          ).kind,
      ),
    );
    expect([...kinds].sort()).toEqual(['advanced', 'lost', 'no-plan', 'outcome-due', 'planned', 'stalled']);
  });

  it('is deterministic for a given now', () => {
    const strip = (records: ReturnType<typeof buildStory>) => JSON.stringify(records);
    expect(strip(buildStory(now))).toBe(strip(buildStory(now)));
  });
});
