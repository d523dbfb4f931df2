import type { CallPlan } from '../../lib/model/call-plan';

const time = (iso: string) => Date.parse(iso);

/** Upcoming calls first, soonest first; then past calls, latest first. */
export function orderPlans<T extends Pick<CallPlan, 'callAt'>>(plans: readonly T[], now: Date): T[] {
  const nowMs = now.getTime();
  const upcoming = plans.filter((plan) => time(plan.callAt) >= nowMs).sort((a, b) => time(a.callAt) - time(b.callAt));
  // A draft whose date is being typed has no valid time yet; it stays with the past calls.
  const past = plans.filter((plan) => !(time(plan.callAt) >= nowMs)).sort((a, b) => time(b.callAt) - time(a.callAt));
  return [...upcoming, ...past];
}
