import { type PlanStatus, planStatusLabels } from '../lib/model/plan-status';

export interface PlanStatusBadgeProps {
  status: PlanStatus;
}

/** The same words and colours as the badges on list views, so the rep learns them once. */
export function PlanStatusBadge({ status }: PlanStatusBadgeProps) {
  return <span className={`badge badge-${status.kind}`}>{planStatusLabels[status.kind]}</span>;
}
