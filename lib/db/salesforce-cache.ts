/**
 * Read-only copies of the standard records Precall shows beside plans: the opportunity's stage
 * and close date (panel header, at-risk), its meetings (Salesforce Events: the next call, calls
 * held for plan coverage) and users (rep names, who reports to whom). Filled by pull; never
 * written to Salesforce.
 */
export interface OpportunityRow {
  id: string;
  name: string;
  stageName: string;
  closeDate: string | null;
  amount: number | null;
  ownerId: string;
  accountId: string | null;
  accountName: string | null;
  isClosed: boolean;
  isWon: boolean;
  /** When this row was last read from Salesforce. */
  fetchedAt: string;
  /** When the plans of this opportunity were last pulled by id (badges' freshness window). */
  plansFetchedAt?: string | null;
}

export interface MeetingRow {
  id: string;
  /** Event.WhatId when it is an opportunity. */
  opportunityId: string;
  subject: string;
  /** Event.Type (Call, Meeting, …) when set. */
  type: string | null;
  startAt: string;
  endAt: string | null;
  ownerId: string;
  fetchedAt: string;
}

export interface UserRow {
  id: string;
  name: string;
  managerId: string | null;
  fetchedAt: string;
}
