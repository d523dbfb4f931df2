import { opportunityStages } from '../../org/seed-data';
import type { SObjectRecord } from '../../org/types';
import { numberField, textField } from './fields';
import type { Lookups } from './lookups';
import type { OpportunityRow } from './types';

const closedStages = new Set(['Closed Won', 'Closed Lost']);

export function toOpportunityRow(record: SObjectRecord, lookups: Lookups): OpportunityRow {
  const stage = textField(record, 'StageName') ?? '';
  const stageProbability = opportunityStages.find((s) => s.name === stage)?.probability ?? null;
  const isClosed = record.IsClosed;
  return {
    id: record.Id,
    name: textField(record, 'Name') ?? '',
    account: lookups.account(textField(record, 'AccountId')),
    stage,
    amount: numberField(record, 'Amount'),
    closeDate: textField(record, 'CloseDate'),
    probability: numberField(record, 'Probability') ?? stageProbability,
    nextStep: textField(record, 'NextStep'),
    owner: lookups.user(textField(record, 'OwnerId')),
    isClosed: typeof isClosed === 'boolean' ? isClosed : closedStages.has(stage),
  };
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}
