import type { AtRiskReason } from '../../lib/model/coaching/at-risk';
import type { AtRiskRow } from '../../lib/model/coaching/coaching-report-view';
import { shortDay } from './format';

const reasonText: Record<AtRiskReason, string> = {
  'outcome-due': 'outcome due',
  'meeting-no-plan': 'meeting coming, no plan',
  'closing-without-plan': 'closing within 30 days, no call planned',
};

export interface AtRiskListProps {
  atRisk: AtRiskRow[];
  recordUrl(opportunityId: string): string;
  showRep: boolean;
}

/** Deals to act on now, whatever period is shown; each opens in Salesforce with its panel. */
export function AtRiskList({ atRisk, recordUrl, showRep }: AtRiskListProps) {
  if (atRisk.length === 0) return <p className="empty">Nothing at risk: every deal has its next call planned.</p>;
  return (
    <ul className="at-risk">
      {atRisk.map((risk) => (
        <li key={risk.opportunityId} data-opportunity={risk.opportunityId}>
          <a href={recordUrl(risk.opportunityId)} target="_blank" rel="noreferrer">
            {risk.name}
          </a>
          {risk.accountName ? <span className="at-risk-account"> · {risk.accountName}</span> : null}
          {showRep ? <span className="at-risk-rep"> · {risk.repName}</span> : null}
          <span className="at-risk-reasons">
            {risk.reasons.map((reason) => reasonText[reason]).join('; ')}
            {risk.closeDate && risk.reasons.includes('closing-without-plan')
              ? ` (closes ${shortDay(risk.closeDate)})`
              : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
