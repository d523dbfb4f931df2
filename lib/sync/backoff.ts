import type { RequestFailureKind } from './classify-result';

/** The org's daily API usage as the last `Sforce-Limit-Info` header said. */
export interface ApiUsage {
  used: number;
  limit: number;
}

const minute = 60_000;
const firstDelayMs = 30_000;
const longestDelayMs = 30 * minute;
/** An exhausted daily allowance frees up slowly (a rolling 24 h): try again in an hour at the soonest. */
const limitDelayMs = 60 * minute;

/**
 * How much slower sync goes as the org's daily API usage climbs: everyone in the org shares it,
 * and a browser extension must never be what exhausts it.
 */
export function usageFactor(usage: ApiUsage | null | undefined): number {
  if (!usage || usage.limit <= 0) return 1;
  const share = usage.used / usage.limit;
  if (share > 0.8) return 6;
  if (share > 0.5) return 2;
  return 1;
}

/**
 * The wait before retry number `attempt` (1 = the first retry): doubling from 30 s up to 30 min,
 * an hour for an exhausted limit, slower under heavy API usage, and with "equal jitter" (half
 * fixed, half random) so many browsers of one org don't retry in step.
 */
export function retryDelayMs(
  attempt: number,
  kind: RequestFailureKind,
  usage: ApiUsage | null | undefined,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(longestDelayMs, firstDelayMs * 2 ** Math.max(0, attempt - 1));
  const wanted = (kind === 'limit' ? Math.max(limitDelayMs, exponential) : exponential) * usageFactor(usage);
  return Math.round(wanted / 2 + random() * (wanted / 2));
}

/** How often a scheduled pull may run while the rep works in Salesforce. */
export const pullIntervalMs = 5 * minute;

export function scheduledPullIntervalMs(usage: ApiUsage | null | undefined): number {
  return pullIntervalMs * usageFactor(usage);
}
