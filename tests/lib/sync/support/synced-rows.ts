import { newCallPlan, newObjection } from '../../../../lib/model/call-plan';

/** The clock, the rep and the manager of the tests that script Salesforce (fake-salesforce.ts). */
export const now = new Date('2026-03-10T09:00:00.000Z');
/** Keys the scripted-Salesforce tests share: a second plan, an objection and its sibling. */
export const otherPlanKey = '22222222-2222-4222-8222-222222222222';
export const objectionKey = '33333333-3333-4333-8333-333333333333';
export const siblingKey = '44444444-4444-4444-8444-444444444444';
export const rep = '005000000000001AAA';
export const manager = '005000000000002AAA';

/** A plan row of the rep's as stored here, without its objections. */
export function planValues(key: string) {
  const { objections: _, ...plan } = newCallPlan('006000000000001AAA', now, () => key);
  return { ...plan, goal: 'Agree the pilot scope', bestNextStep: 'Pilot order signed', ownerId: rep };
}

/** An objection's fields as stored here, without its key and plan. */
export function objectionValues(key: string) {
  const { objectionKey: _, ...objection } = newObjection(0, true, () => key);
  return { ...objection, objection: 'Price', response: 'Payback in a quarter' };
}
