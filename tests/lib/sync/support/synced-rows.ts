import { newCallPlan, newObjection } from '../../../../lib/model/call-plan';

/** The clock, the rep and the manager of the tests that script Salesforce (fake-salesforce.ts). */
export const now = new Date('2026-03-10T09:00:00.000Z');
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
