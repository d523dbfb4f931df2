import * as z from 'zod/mini';
import type { MeetingRow } from '../db/salesforce-cache';
import { keyPrefixes } from '../model/record-id';
import { isoDateTimeOf } from './field-values';

/** Event on an opportunity → the read-only `meetings` copy. */
export const meetingSelect = [
  'Id',
  'WhatId',
  'Subject',
  'Type',
  'StartDateTime',
  'EndDateTime',
  'OwnerId',
  'IsDeleted',
  'SystemModstamp',
];

const meetingSchema = z.lazy(() =>
  z.looseObject({
    Id: z.string().check(z.minLength(15)),
    WhatId: z.nullable(z.string()),
    Subject: z.nullable(z.string()),
    Type: z.nullable(z.string()),
    StartDateTime: z.nullable(z.string()),
    EndDateTime: z.nullable(z.string()),
    OwnerId: z.string().check(z.minLength(15)),
    IsDeleted: z.optional(z.boolean()),
    SystemModstamp: z.string(),
  }),
);

export interface RemoteMeeting {
  id: string;
  /** Null for an Event that is not on an opportunity (or has no start): not a meeting we keep. */
  row: MeetingRow | null;
  isDeleted: boolean;
  systemModstamp: string;
}

export function remoteMeetingOf(raw: unknown, fetchedAt: string): RemoteMeeting {
  const record = meetingSchema.parse(raw);
  const startAt = record.StartDateTime ? isoDateTimeOf(record.StartDateTime) : null;
  const onOpportunity = record.WhatId?.startsWith(keyPrefixes.Opportunity) === true;
  return {
    id: record.Id,
    row:
      onOpportunity && startAt && record.WhatId
        ? {
            id: record.Id,
            opportunityId: record.WhatId,
            subject: record.Subject ?? '',
            type: record.Type,
            startAt,
            endAt: record.EndDateTime ? isoDateTimeOf(record.EndDateTime) : null,
            ownerId: record.OwnerId,
            fetchedAt,
          }
        : null,
    isDeleted: record.IsDeleted === true,
    systemModstamp: record.SystemModstamp,
  };
}
