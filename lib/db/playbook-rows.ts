import type { CuratedObjection, OrgStage, PlaybookStage } from '../model/playbook/playbook';
import type { TeamPlaybook } from '../model/playbook/team-playbook';
import type { PlaybookTable } from '../sync/playbook-fields';

/**
 * The playbook as stored locally, one row per Salesforce record (Playbook__c, Playbook_Stage__c,
 * Playbook_Objection__c). `salesforceId` is null until Salesforce confirmed the record.
 */
export type StoredPlaybook = TeamPlaybook & { salesforceId: string | null };
export type StoredPlaybookStage = PlaybookStage & { salesforceId: string | null };
export type StoredCuratedObjection = CuratedObjection & { salesforceId: string | null };

/**
 * A manager's playbook change waiting for Salesforce, written in the same transaction as the
 * change. A refused entry keeps Salesforce's reason and is not sent again until the record
 * changes again.
 */
export interface PlaybookOutboxEntry {
  seq?: number;
  table: PlaybookTable;
  key: string;
  op: 'upsert' | 'delete';
  /** For a delete: the record in Salesforce, if it ever got there. */
  salesforceId: string | null;
  /** The playbook the record belongs to (itself for a playbook). */
  playbookKey: string;
  at: string;
  refused?: { code: string; message: string; at: string };
}

/** The org's Opportunity stages from the describe, cached (one row, `Opportunity.StageName`). */
export interface OrgStagesRow {
  name: string;
  stages: OrgStage[];
  fetchedAt: string;
}

export const orgStagesRowName = 'Opportunity.StageName';
