import type { BadgeSummary } from '../badge-summary';
import type { Readiness } from './plan-readiness';

/**
 * A badge whose next call's plan is not ready by the playbook says so, in its label, its
 * accessible name and a line of its card. The words are made here in the background, so the
 * content script shows them without a byte more.
 */
export function withPlaybookReadiness(summary: BadgeSummary, readiness: Readiness): BadgeSummary {
  if (summary.status.kind !== 'planned' || readiness.kind !== 'not-ready') return summary;
  const missing = readiness.items.filter((item) => !item.done).map((item) => item.label);
  const card = summary.card ?? { fields: [], notes: [] };
  return {
    ...summary,
    label: `${summary.label}, not ready`,
    accessibleName: `${summary.accessibleName}; the plan is not ready by the playbook (${missing.length} to do)`,
    card: { ...card, notes: [`Playbook: not ready, missing ${missing.join(', ')}`, ...card.notes] },
  };
}
