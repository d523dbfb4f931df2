/**
 * Request counts since reset, per endpoint kind (`query`, `queryMore`, `sobject.upsert`,
 * `collections.upsert`, `identity`, `oauth.token`…) and per user, so tests and benchmarks can
 * prove how many round trips a client made.
 */
export interface StatsSnapshot {
  total: number;
  byKind: Record<string, number>;
  byUser: Record<string, { total: number; byKind: Record<string, number> }>;
  since: string;
}

export class RequestStats {
  private total = 0;
  private byKind = new Map<string, number>();
  private byUser = new Map<string, Map<string, number>>();
  private since = new Date();

  count(kind: string, username: string | null): void {
    this.total += 1;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (username) {
      const kinds = this.byUser.get(username) ?? new Map<string, number>();
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      this.byUser.set(username, kinds);
    }
  }

  reset(): void {
    this.total = 0;
    this.byKind = new Map();
    this.byUser = new Map();
    this.since = new Date();
  }

  snapshot(): StatsSnapshot {
    const byUser: StatsSnapshot['byUser'] = {};
    for (const [user, kinds] of this.byUser) {
      let total = 0;
      for (const n of kinds.values()) total += n;
      byUser[user] = { total, byKind: Object.fromEntries(kinds) };
    }
    return { total: this.total, byKind: Object.fromEntries(this.byKind), byUser, since: this.since.toISOString() };
  }
}
