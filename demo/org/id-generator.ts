import { to18 } from '../../lib/model/record-id';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Issues record ids the way Salesforce shapes them: key prefix, pod-like `5g`, a counter, and the
 * case-safe checksum. The `R` after the pod marks generated ids, so they can never collide with
 * the hand-written seed ids of seed-data.ts (which carry `0` there).
 */
export class IdGenerator {
  private readonly counters = new Map<string, number>();

  constructor(initial?: Record<string, number>) {
    for (const [prefix, value] of Object.entries(initial ?? {})) this.counters.set(prefix, value);
  }

  next(keyPrefix: string): string {
    const value = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, value);
    return to18(`${keyPrefix}5gR${encode(value, 9)}`);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }
}

function encode(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = base62.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}
