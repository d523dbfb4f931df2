import { z } from 'zod';
import type { OpportunityRow } from '../db/salesforce-cache';

/** Opportunity → the read-only `opportunities` copy (stage, close date, amount, owner, account). */
export const opportunitySelect = [
  'Id',
  'Name',
  'StageName',
  'CloseDate',
  'Amount',
  'OwnerId',
  'AccountId',
  'Account.Name',
  'IsClosed',
  'IsWon',
  'IsDeleted',
  'SystemModstamp',
];

const opportunitySchema = z.lazy(() =>
  z.looseObject({
    Id: z.string().min(15),
    Name: z.string(),
    StageName: z.string(),
    CloseDate: z.string().nullable(),
    Amount: z.number().nullable(),
    OwnerId: z.string().min(15),
    AccountId: z.string().nullable(),
    Account: z.looseObject({ Name: z.string().nullable() }).nullable().optional(),
    IsClosed: z.boolean(),
    IsWon: z.boolean(),
    IsDeleted: z.boolean().optional(),
    SystemModstamp: z.string(),
  }),
);

export interface RemoteOpportunity {
  row: Omit<OpportunityRow, 'plansFetchedAt'>;
  isDeleted: boolean;
  systemModstamp: string;
}

export function remoteOpportunityOf(raw: unknown, fetchedAt: string): RemoteOpportunity {
  const record = opportunitySchema.parse(raw);
  return {
    row: {
      id: record.Id,
      name: record.Name,
      stageName: record.StageName,
      closeDate: record.CloseDate,
      amount: record.Amount,
      ownerId: record.OwnerId,
      accountId: record.AccountId,
      accountName: record.Account?.Name ?? null,
      isClosed: record.IsClosed,
      isWon: record.IsWon,
      fetchedAt,
    },
    isDeleted: record.IsDeleted === true,
    systemModstamp: record.SystemModstamp,
  };
}
