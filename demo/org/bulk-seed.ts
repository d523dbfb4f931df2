import type { DemoOrgRuntime } from './demo-org';
import { createPrng } from './prng';
import { newRecord } from './record-factory';
import { opportunityStages, userIds } from './seed-data';

/**
 * Generated volume for benchmarks (`POST /__demo/seed`): N opportunities spread over the owners,
 * one account per ten opportunities, and M call plans. Records go straight into the store with
 * server stamps — no per-record validation — so 10,000 opportunities and 50,000 plans take
 * about a second.
 */
export interface BulkSeedRequest {
  opportunities: number;
  plansPerOpportunity?: number;
  /** Total plans, spread round-robin; wins over plansPerOpportunity. */
  plans?: number;
  /** Usernames or user ids; the two reps by default. */
  owners?: string[];
}

export interface BulkSeedResult {
  accounts: number;
  opportunities: number;
  plans: number;
  opportunityIds: string[];
  ms: number;
}

const dayMs = 24 * 60 * 60 * 1000;
const goals = [
  'Agree the problem worth solving',
  'Confirm budget and decision process',
  'Book the technical deep dive',
  'Agree the pilot scope',
  'Close the open contract points',
];

export function seedBulk(org: DemoOrgRuntime, request: BulkSeedRequest): BulkSeedResult {
  const started = performance.now();
  const owners = (request.owners ?? [userIds.riley, userIds.sam]).map((name) => {
    const user = org.userByUsername(name) ?? org.userById(name);
    if (!user) throw new Error(`Unknown owner ${name}`);
    return user.Id;
  });
  if (owners.length === 0) throw new Error('owners must not be empty');
  const count = Math.max(0, Math.floor(request.opportunities));
  const planTotal = Math.max(0, Math.floor(request.plans ?? count * (request.plansPerOpportunity ?? 0)));
  const prng = createPrng(count * 7919 + planTotal);
  const now = org.clock.now();
  const schemaOf = (name: string) => {
    const object = org.store.objectOf(name);
    if (!object) throw new Error(`Schema has no ${name}`);
    return object;
  };
  const accountObject = schemaOf('Account');
  const opportunityObject = schemaOf('Opportunity');
  const planObject = schemaOf('Call_Plan__c');
  const stamp = (by: string) => ({ by, at: org.clock.stamp() });

  const accountIds: string[] = [];
  const opportunityIds: string[] = [];
  const opportunityOwners: string[] = [];
  for (let i = 0; i < count; i++) {
    const owner = owners[i % owners.length] as string;
    if (i % 10 === 0) {
      const account = newRecord(
        org.store,
        org.ids,
        accountObject,
        { Name: `Bench Account ${i / 10 + 1}`, OwnerId: owner },
        stamp(owner),
      );
      org.store.put('Account', account);
      accountIds.push(account.Id);
    }
    const stage = prng.pick(opportunityStages.slice(0, 6));
    const opportunity = newRecord(
      org.store,
      org.ids,
      opportunityObject,
      {
        Name: `Bench Opportunity ${i + 1}`,
        AccountId: accountIds[accountIds.length - 1],
        OwnerId: owner,
        StageName: stage.name,
        Probability: stage.probability,
        Amount: prng.int(5, 500) * 1000,
        CloseDate: new Date(now.getTime() + prng.int(-10, 120) * dayMs).toISOString().slice(0, 10),
        IsClosed: false,
        IsWon: false,
      },
      stamp(owner),
    );
    org.store.put('Opportunity', opportunity);
    opportunityIds.push(opportunity.Id);
    opportunityOwners.push(owner);
  }

  for (let i = 0; i < planTotal && count > 0; i++) {
    const index = i % count;
    const owner = opportunityOwners[index] as string;
    const callAt = new Date(now.getTime() + prng.int(-60 * 24, 14 * 24) * 60 * 60 * 1000);
    const past = callAt.getTime() < now.getTime();
    const plan = newRecord(
      org.store,
      org.ids,
      planObject,
      {
        Plan_Key__c: crypto.randomUUID(),
        Opportunity__c: opportunityIds[index],
        Call_At__c: callAt.toISOString(),
        Call_Type__c: prng.pick(['Call', 'Meeting', 'Demo']),
        Goal__c: prng.pick(goals),
        Best_Next_Step__c: 'Buyer books the next meeting',
        Outcome__c: past ? prng.pick(['Order', 'Advance', 'Advance', 'Continuation', 'No-sale']) : null,
        Commitment__c: past ? prng.pick(['Best', 'Between', 'Minimum', 'Below']) : null,
        Written_At__c: new Date(callAt.getTime() - 2 * 24 * 60 * 60 * 1000).toISOString(),
      },
      stamp(owner),
    );
    org.store.put('Call_Plan__c', plan);
  }
  return {
    accounts: accountIds.length,
    opportunities: opportunityIds.length,
    plans: count > 0 ? planTotal : 0,
    opportunityIds,
    ms: Math.round(performance.now() - started),
  };
}
