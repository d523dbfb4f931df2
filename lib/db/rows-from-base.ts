import type { StoredCallPlan } from '../model/call-plan';
import type { StoredObjection } from './stored-objection';

/** A plan row rebuilt from what Salesforce last confirmed (a record brought back). */
export function planFromBase(values: Record<string, unknown>, planKey: string): StoredCallPlan {
  return { ...values, planKey } as StoredCallPlan;
}

export function objectionFromBase(
  values: Record<string, unknown>,
  objectionKey: string,
  planKey: string,
): StoredObjection {
  return { ...values, objectionKey, planKey } as StoredObjection;
}
