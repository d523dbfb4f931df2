import type { ReactNode } from 'react';
import type { OpportunityContext } from '../lib/model/opportunity-context';
import type { OpportunityPlanSummary } from '../lib/model/plan-status';
import { formatCallAt } from './plan-list';
import { PlanStatusBadge } from './plan-status-badge';

export interface PanelHeaderProps {
  /** Absent until the plans of the opportunity are known. */
  summary?: OpportunityPlanSummary;
  /** What Salesforce knows of the opportunity; absent until the background answered. */
  context?: OpportunityContext | null;
  /** Who is signed in, shown so a rep with two orgs knows which one this is. */
  userName?: string;
  /** The opportunity's name as its page titles it (the side panel), until Salesforce's copy is known. */
  pageTitle?: string;
  /** Reserved for the sync status element: pending changes, last sync, problems. */
  syncStatus?: ReactNode;
  /** Folds the dock, or closes the side panel. */
  onCollapse(): void;
  collapseLabel: string;
  /** Moves the panel to the other place (side panel ⇄ dock), remembered for next time. */
  onSwitchPlacement?(): void;
  switchPlacementLabel?: string;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function formatDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00`);
  return Number.isNaN(parsed.getTime()) ? date : dateFormat.format(parsed);
}

export function PanelHeader(props: PanelHeaderProps) {
  const { summary, context, userName } = props;
  const opportunity = context?.opportunity;
  const meeting = context?.meetings[0];
  const lastCall = context?.lastCall;
  return (
    <header className="panel-header">
      <div className="panel-title-row">
        <h1>Precall</h1>
        <div className="panel-sync-slot" data-slot="sync-status">
          {props.syncStatus}
        </div>
        {props.onSwitchPlacement && (
          <button
            type="button"
            className="button button-icon"
            onClick={props.onSwitchPlacement}
            aria-label={props.switchPlacementLabel}
            title={props.switchPlacementLabel}
          >
            <span aria-hidden="true">⇄</span>
          </button>
        )}
        <button
          type="button"
          className="button button-icon"
          onClick={props.onCollapse}
          aria-label={props.collapseLabel}
          title={props.collapseLabel}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
      {!opportunity && props.pageTitle && (
        <p className="panel-opportunity">
          <span className="panel-opportunity-name">{props.pageTitle}</span>
        </p>
      )}
      {opportunity && (
        <p className="panel-opportunity">
          <span className="panel-opportunity-name">{opportunity.name}</span>
          <span>{opportunity.stageName}</span>
          {opportunity.closeDate && <span>Closes {formatDate(opportunity.closeDate)}</span>}
        </p>
      )}
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
      {(meeting || lastCall) && (
        <dl className="panel-context">
          {meeting && (
            <div>
              <dt>Next meeting</dt>
              <dd>
                {formatCallAt(meeting.startAt)} · {meeting.subject}
              </dd>
            </div>
          )}
          {lastCall && (
            <div>
              <dt>Last call</dt>
              <dd>
                {lastCall.outcome}
                {lastCall.actualNextStep.trim() ? ` · next step: ${lastCall.actualNextStep}` : ''}
              </dd>
            </div>
          )}
        </dl>
      )}
      {context?.refreshProblem && (
        <p className="panel-stale">Not refreshed from Salesforce: {context.refreshProblem}</p>
      )}
    </header>
  );
}
