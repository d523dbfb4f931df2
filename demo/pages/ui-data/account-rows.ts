import type { SObjectRecord } from '../../org/types';
import { textField } from './fields';
import type { Lookups } from './lookups';
import type { AccountRow } from './types';

export function toAccountRow(record: SObjectRecord, lookups: Lookups): AccountRow {
  return {
    id: record.Id,
    name: textField(record, 'Name') ?? '',
    industry: textField(record, 'Industry'),
    billingCity: textField(record, 'BillingCity'),
    owner: lookups.user(textField(record, 'OwnerId')),
  };
}
