import * as z from 'zod/mini';
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
    Id: z.string().check(z.minLength(15)),
    Name: z.string(),
    StageName: z.string(),
    CloseDate: z.nullable(z.string()),
    Amount: z.nullable(z.number()),
    OwnerId: z.string().check(z.minLength(15)),
    AccountId: z.nullable(z.string()),
    Account: z.optional(z.nullable(z.looseObject({ Name: z.nullable(z.string()) }))),
    IsClosed: z.boolean(),
    IsWon: z.boolean(),
    IsDeleted: z.optional(z.boolean()),
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
