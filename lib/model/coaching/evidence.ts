/**
 * The records behind a figure, so every number drills down to the plans, opportunities and
 * meetings it counts. A tally keeps references to what it counted (calls, shared, never copied)
 * and the ids are gathered only when someone drills down: over 20,000 plans, a set of ids per
 * figure, rep and week would cost more than all the counting.
 */
export interface Evidence {
  planKeys: string[];
  opportunityIds: string[];
  meetingIds: string[];
}

export interface EvidenceSource {
  planKey: string | null;
  opportunityId: string;
  meetingId: string | null;
}

/** A count and what it counts (one source per thing counted; a call may be a source twice). */
export interface Tally {
  count: number;
  sources: readonly EvidenceSource[];
}

export interface TallyBuilder {
  add(source: EvidenceSource): void;
  build(): Tally;
}

export function tallyBuilder(): TallyBuilder {
  const sources: EvidenceSource[] = [];
  return {
    add: (source) => {
      sources.push(source);
    },
    build: () => ({ count: sources.length, sources }),
  };
}

/** The distinct ids behind a tally, in the order first counted. */
export function evidenceOf(tally: Tally): Evidence {
  const planKeys = new Set<string>();
  const opportunityIds = new Set<string>();
  const meetingIds = new Set<string>();
  for (const source of tally.sources) {
    if (source.planKey !== null) planKeys.add(source.planKey);
    opportunityIds.add(source.opportunityId);
    if (source.meetingId !== null) meetingIds.add(source.meetingId);
  }
  return { planKeys: [...planKeys], opportunityIds: [...opportunityIds], meetingIds: [...meetingIds] };
}

/** part / whole, or null when there is nothing to divide by (no calls is not 0 %). */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
