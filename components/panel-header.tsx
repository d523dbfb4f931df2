import type { OpportunityPlanSummary } from '../lib/model/plan-status';
import { formatCallAt } from './plan-list';
import { PlanStatusBadge } from './plan-status-badge';

export interface PanelHeaderProps {
  /** Absent until the plans of the opportunity are known. */
  summary?: OpportunityPlanSummary;
  /** Who is signed in, shown so a rep with two orgs knows which one this is. */
  userName?: string;
  onCollapse(): void;
}

export function PanelHeader({ summary, userName, onCollapse }: PanelHeaderProps) {
  return (
    <header className="panel-header">
      <div className="panel-title-row">
        <h1>Precall</h1>
        <button type="button" className="button button-icon" onClick={onCollapse} aria-label="Collapse Precall">
          <span aria-hidden="true">»</span>
        </button>
      </div>
      {(summary || userName) && (
        <div className="panel-summary">
          {summary && (
            <>
              <PlanStatusBadge status={summary.status} />
              {summary.status.kind === 'planned' && (
                <span className="panel-next-call">Next call {formatCallAt(summary.status.callAt)}</span>
              )}
              {summary.outcomesLogged > 0 && (
                <span className="panel-goals-met">
                  {summary.goalsMet}/{summary.outcomesLogged} met
                </span>
              )}
            </>
          )}
          {userName && <span className="panel-user">{userName}</span>}
        </div>
      )}
    </header>
  );
}
