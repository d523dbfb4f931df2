import { useId } from 'react';
import type { PendingChange } from '../lib/messaging/protocol';
import { ConflictCard, type ConflictChoice } from './conflict-card';
import { formatCallAt } from './plan-list';

export interface PendingChangesProps {
  changes: readonly PendingChange[];
  onResolveConflict(table: 'plans' | 'objections', key: string, choice: ConflictChoice): void;
  onResolveRejection(table: 'plans' | 'objections', key: string, action: 'retry' | 'discard'): void;
}

const stateLabel = {
  conflict: 'Changed in Salesforce too',
  rejected: 'Refused by Salesforce',
  waiting: 'Waiting to sync',
} as const;

/**
 * Every plan not in Salesforce as it is here, in one place (like Salesforce mobile's Pending
 * Changes): what is waiting, what Salesforce refused and why, what changed on both sides, and
 * what the rep can do about each.
 */
export function PendingChanges({ changes, onResolveConflict, onResolveRejection }: PendingChangesProps) {
  const heading = useId();
  return (
    <section className="pending-changes" aria-labelledby={heading}>
      <h2 id={heading}>Pending changes</h2>
      {changes.length === 0 ? (
        <p className="empty">Every change is in Salesforce.</p>
      ) : (
        <ul>
          {changes.map((change) => (
            <li key={change.planKey} className={`pending-change pending-${change.state}`}>
              <p className="pending-title">
                <strong>{change.goal.trim() || 'Call plan without a goal'}</strong>
                {change.callAt && <span> · {formatCallAt(change.callAt)}</span>}
                {change.opportunityName && <span> · {change.opportunityName}</span>}
              </p>
              <p className="pending-state">
                {stateLabel[change.state]}
                {change.deletedHere && ' (deleted here)'}
              </p>
              {change.state === 'waiting' && <p className="field-hint">Nothing to do: it goes with the next sync.</p>}
              {change.problems.map((problem) =>
                problem.kind === 'rejected' ? (
                  <div key={`${problem.table}:${problem.key}`} className="rejection">
                    <p>
                      {problem.record}: {problem.message}
                      {problem.fields.length > 0 && ` (${problem.fields.join(', ')})`}
                    </p>
                    <p className="field-hint">Correct it in the plan and it is sent again, or:</p>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button"
                        onClick={() => onResolveRejection(problem.table, problem.key, 'retry')}
                      >
                        Send again
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => onResolveRejection(problem.table, problem.key, 'discard')}
                      >
                        Discard my change
                      </button>
                    </div>
                  </div>
                ) : (
                  <ConflictCard
                    key={`${problem.table}:${problem.key}`}
                    conflict={problem}
                    onResolve={(choice) => onResolveConflict(problem.table, problem.key, choice)}
                  />
                ),
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
