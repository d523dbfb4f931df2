/**
 * Injected failures (`/__demo/faults`), so clients can be tested against what a real org does
 * on a bad day: slowness, 5xx, dropped connections, expired sessions, an exhausted daily limit,
 * and a validation rule firing on a field value.
 */
export type FaultKind = 'latency' | 'status' | 'drop' | 'unauthorized' | 'limit' | 'validation';

export interface FaultMatch {
  method?: string;
  /** A substring of the path (with query string), or a regular expression source. */
  path?: string;
  /** Username or user id. */
  user?: string;
}

export interface Fault {
  id: number;
  match: FaultMatch;
  kind: FaultKind;
  status?: number;
  ms?: number;
  field?: string;
  value?: unknown;
  message?: string;
  /** How many more times it fires; unlimited when absent. */
  times?: number;
  fired: number;
}

export type FaultInput = Omit<Fault, 'id' | 'fired'>;

const kinds: readonly FaultKind[] = ['latency', 'status', 'drop', 'unauthorized', 'limit', 'validation'];

export interface RequestFacts {
  method: string;
  path: string;
  user: { Id: string; Username: string } | null;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(input: unknown): Fault {
    const fault = parseFault(input, this.nextId);
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Request-level faults that match, in the order they were added (validation excluded). */
  matching(facts: RequestFacts): Fault[] {
    return this.faults.filter((f) => f.kind !== 'validation' && f.times !== 0 && matches(f.match, facts));
  }

  /** Validation faults for a write of `values` in this request. */
  validation(facts: RequestFacts, values: Record<string, unknown>): Fault | undefined {
    return this.faults.find(
      (f) =>
        f.kind === 'validation' &&
        f.times !== 0 &&
        matches(f.match, facts) &&
        f.field !== undefined &&
        fieldValue(values, f.field) === f.value,
    );
  }

  /** Counts one firing; a fault with `times` left at 0 is removed. */
  fire(fault: Fault): void {
    const live = this.faults.find((f) => f.id === fault.id);
    if (!live) return;
    live.fired += 1;
    if (live.times !== undefined) {
      live.times -= 1;
      if (live.times <= 0) this.faults = this.faults.filter((f) => f.id !== live.id);
    }
  }
}

function fieldValue(values: Record<string, unknown>, field: string): unknown {
  const wanted = field.toLowerCase();
  for (const [name, value] of Object.entries(values)) if (name.toLowerCase() === wanted) return value;
  return undefined;
}

function matches(match: FaultMatch, facts: RequestFacts): boolean {
  if (match.method && match.method.toUpperCase() !== facts.method.toUpperCase()) return false;
  if (match.path && !pathMatches(match.path, facts.path)) return false;
  if (match.user) {
    const user = facts.user;
    if (!user) return false;
    const wanted = match.user.toLowerCase();
    if (
      user.Username.toLowerCase() !== wanted &&
      user.Id.toLowerCase() !== wanted &&
      user.Id.slice(0, 15).toLowerCase() !== wanted
    )
      return false;
  }
  return true;
}

function pathMatches(pattern: string, path: string): boolean {
  if (path.includes(pattern)) return true;
  try {
    return new RegExp(pattern).test(path);
  } catch {
    return false;
  }
}

function parseFault(input: unknown, id: number): Fault {
  if (typeof input !== 'object' || input === null) throw new Error('A fault is an object');
  const raw = input as Record<string, unknown>;
  const kind = raw.kind as FaultKind;
  if (!kinds.includes(kind)) throw new Error(`kind must be one of ${kinds.join(', ')}`);
  const match = (raw.match ?? {}) as FaultMatch;
  if (typeof match !== 'object') throw new Error('match must be an object');
  for (const key of ['method', 'path', 'user'] as const) {
    if (match[key] !== undefined && typeof match[key] !== 'string') throw new Error(`match.${key} must be a string`);
  }
  const fault: Fault = { id, match: { ...match }, kind, fired: 0 };
  if (raw.status !== undefined) fault.status = Number(raw.status);
  if (raw.ms !== undefined) fault.ms = Number(raw.ms);
  if (typeof raw.field === 'string') fault.field = raw.field;
  if ('value' in raw) fault.value = raw.value;
  if (typeof raw.message === 'string') fault.message = raw.message;
  if (raw.times !== undefined) fault.times = Math.max(1, Math.floor(Number(raw.times)));
  if (kind === 'validation' && fault.field === undefined) throw new Error('a validation fault needs a field');
  if (kind === 'latency' && !(Number(fault.ms) >= 0)) throw new Error('a latency fault needs ms');
  if (kind === 'status' && fault.status !== undefined && (fault.status < 400 || fault.status > 599))
    throw new Error('status must be 4xx or 5xx');
  return fault;
}

/** The body Salesforce sends with a server-side failure of this status. */
export function statusFaultBody(status: number, message?: string): { message: string; errorCode: string }[] {
  if (status === 503)
    return [
      {
        errorCode: 'SERVER_UNAVAILABLE',
        message: message ?? 'Server is unavailable: too many requests, please retry later',
      },
    ];
  if (status >= 500)
    return [
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message:
          message ??
          'An unexpected error occurred. Please include this ErrorId if you contact support: 1538457139-31516 (-1209742813)',
      },
    ];
  return [{ errorCode: 'BAD_REQUEST', message: message ?? 'Bad request' }];
}
