/**
 * The records behind a figure, so every number drills down to the plans, opportunities and
 * meetings it counts. Counting is integers only; a tally finds its records when someone drills
 * down, by filtering the calls of its bucket: over 20,000 plans, lists of records per figure,
 * rep and week would cost more than all the counting.
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

/** A count and, on demand, what it counts. */
export interface Tally {
  count: number;
  sources(): readonly EvidenceSource[];
}

export function tallyOf<T extends EvidenceSource>(
  count: number,
  from: readonly T[],
  counted: (item: T) => boolean,
): Tally {
  return { count, sources: () => from.filter(counted) };
}

/** The distinct ids behind a tally, in the order first counted. */
export function evidenceOf(tally: Tally): Evidence {
  const planKeys = new Set<string>();
  const opportunityIds = new Set<string>();
  const meetingIds = new Set<string>();
  for (const source of tally.sources()) {
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
