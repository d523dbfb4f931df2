import type { BadgeSummary } from '../../lib/model/badge-summary';

/** A badge summary as lib/model/badge-summary builds it, for tests that only pass one along. */
export function plannedSummary(callAt: string): BadgeSummary {
  return {
    status: { kind: 'planned', callAt },
    goalsMet: 0,
    outcomesLogged: 0,
    label: 'Planned tomorrow',
    met: null,
    accessibleName: 'Call plan: planned tomorrow',
    card: null,
  };
}

/** One outcome logged, its goal not met. */
export function stalledSummary(): BadgeSummary {
  return {
    status: { kind: 'stalled' },
    goalsMet: 0,
    outcomesLogged: 1,
    label: 'Stalled',
    met: '0/1 met',
    accessibleName: 'Call plan: stalled',
    card: null,
  };
}
