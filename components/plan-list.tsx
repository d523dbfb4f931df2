import { useId } from 'react';
import type { CallPlan } from '../lib/model/call-plan';
import { isAfterTheFact, planStatus } from '../lib/model/plan-status';
import { PlanStatusBadge } from './plan-status-badge';

const callAtFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The call time in the rep's own time zone. */
export function formatCallAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'No call time' : callAtFormat.format(date);
}

export interface PlanListProps {
  /** Already in display order. */
  plans: readonly CallPlan[];
  now: Date;
  selectedKey: string | null;
  /** Plans whose latest edits the background has not accepted. */
  notSavedKeys: ReadonlySet<string>;
  /** The rep's plans whose coaching note they have not read yet. */
  newNoteKeys?: readonly string[];
  onSelect(planKey: string): void;
  /** Absent when the signed-in user does not plan on this opportunity (a manager coaching). */
  onNew?(): void;
  emptyText?: string;
  heading?: string;
}

export function PlanList({
  plans,
  now,
  selectedKey,
  notSavedKeys,
  newNoteKeys = [],
  onSelect,
  onNew,
  emptyText = 'No call plans yet for this opportunity.',
  heading = 'Call plans',
}: PlanListProps) {
  const planListHeadingId = useId();
  return (
    <section className="plan-list" aria-labelledby={planListHeadingId}>
      <div className="section-heading-row">
        <h2 id={planListHeadingId}>{heading}</h2>
        {onNew && (
          <button type="button" className="button button-brand" onClick={onNew}>
            New call plan
          </button>
        )}
      </div>
      {plans.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <ul aria-labelledby={planListHeadingId}>
          {plans.map((plan) => (
            <li key={plan.planKey}>
              <button
                type="button"
                className={
                  planStatus([plan], now).kind === 'outcome-due'
                    ? 'plan-list-item plan-list-item-due'
                    : 'plan-list-item'
                }
                aria-current={plan.planKey === selectedKey ? 'true' : undefined}
                onClick={() => onSelect(plan.planKey)}
              >
                <span className="plan-list-meta">
                  <span className="plan-list-when">{formatCallAt(plan.callAt)}</span>
                  <span className="plan-list-type">{plan.callType}</span>
                  <PlanStatusBadge status={planStatus([plan], now)} />
                </span>
                <span className="plan-list-goal">{plan.goal.trim() || 'No goal yet'}</span>
                {isAfterTheFact(plan) && <span className="plan-list-note">written after the fact</span>}
                {planStatus([plan], now).kind === 'outcome-due' && (
                  <span className="plan-list-due">Log the outcome: the call was more than 2 hours ago</span>
                )}
                {newNoteKeys.includes(plan.planKey) && <span className="plan-list-new-note">New coaching note</span>}
                {notSavedKeys.has(plan.planKey) && (
                  <span className="plan-list-note plan-list-warning">Draft: not saved</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
