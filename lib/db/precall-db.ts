import Dexie, { type EntityTable, type Table } from 'dexie';
import type { StoredCallPlan } from '../model/call-plan';
import type { BaseCopy } from './base-copy';
import type { NoteRead } from './note-read';
import type { OutboxEntry, SyncedTable } from './outbox-entry';
import type { PlanDraft } from './plan-draft';
import type {
  OrgStagesRow,
  PlaybookOutboxEntry,
  StoredCuratedObjection,
  StoredPlaybook,
  StoredPlaybookStage,
} from './playbook-rows';
import type { MeetingRow, OpportunityRow, UserRow } from './salesforce-cache';
import type { StoredObjection } from './stored-objection';
import type { SyncConflict } from './sync-conflict';
import type { SyncRejection } from './sync-rejection';
import type { SyncStateRow } from './sync-state-row';

/**
 * One database per org and user (`precall-<orgId>-<userId>`), in the extension's origin, owned by
 * the background. Versions are append-only: a new schema is a new `version(n)` block, never an edit.
 */
export class PrecallDb extends Dexie {
  plans!: EntityTable<StoredCallPlan, 'planKey'>;
  objections!: EntityTable<StoredObjection, 'objectionKey'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  bases!: Table<BaseCopy, [SyncedTable, string]>;
  syncState!: EntityTable<SyncStateRow, 'name'>;
  conflicts!: Table<SyncConflict, [SyncedTable, string]>;
  rejections!: Table<SyncRejection, [SyncedTable, string]>;
  opportunities!: EntityTable<OpportunityRow, 'id'>;
  meetings!: EntityTable<MeetingRow, 'id'>;
  users!: EntityTable<UserRow, 'id'>;
  drafts!: EntityTable<PlanDraft, 'planKey'>;
  noteReads!: EntityTable<NoteRead, 'planKey'>;
  playbooks!: EntityTable<StoredPlaybook, 'playbookKey'>;
  playbookStages!: EntityTable<StoredPlaybookStage, 'stageKey'>;
  playbookObjections!: EntityTable<StoredCuratedObjection, 'objectionKey'>;
  playbookOutbox!: EntityTable<PlaybookOutboxEntry, 'seq'>;
  orgStages!: EntityTable<OrgStagesRow, 'name'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      plans: 'planKey, opportunityId, callAt, updatedAt',
      objections: 'objectionKey, planKey',
      outbox: '++seq, [table+key], at',
    });
    // Sync: outbox entries found by record and plan, the last synced copy of each record,
    // watermarks, conflicts and rejections; read-only copies of opportunities, meetings and users;
    // drafts the rep has not saved. Plans learn their owner (the rep: CreatedById in Salesforce).
    this.version(2)
      .stores({
        plans: 'planKey, opportunityId, callAt, updatedAt, ownerId',
        objections: 'objectionKey, planKey',
        outbox: '++seq, [table+key], planKey',
        bases: '[table+key], planKey, salesforceId',
        syncState: 'name',
        conflicts: '[table+key], planKey',
        rejections: '[table+key], planKey',
        opportunities: 'id, ownerId, accountId, closeDate',
        meetings: 'id, opportunityId, startAt, ownerId',
        users: 'id, managerId',
        drafts: 'planKey, opportunityId',
        noteReads: 'planKey',
      })
      .upgrade(async (tx) => {
        // Every plan written before sync was written by this database's own user.
        const ownerId = userIdOfDatabase(name) ?? '';
        await tx
          .table('plans')
          .toCollection()
          .modify((plan: Partial<StoredCallPlan>) => {
            plan.ownerId ??= ownerId;
          });
      });
    // The team playbook (lib/model/playbook): its records, the manager's changes waiting for
    // Salesforce, and the org's Opportunity stages from the describe.
    this.version(3).stores({
      playbooks: 'playbookKey, ownerId',
      playbookStages: 'stageKey, playbookKey',
      playbookObjections: 'objectionKey, playbookKey',
      playbookOutbox: '++seq, [table+key], playbookKey',
      orgStages: 'name',
    });
  }
}

export function databaseName(orgId: string, userId: string): string {
  return `precall-${orgId}-${userId}`;
}

/** The user a database belongs to, from its name; null for a name not made by `databaseName`. */
export function userIdOfDatabase(name: string): string | null {
  return /^precall-00D[A-Za-z0-9]{12,15}-(005[A-Za-z0-9]{12,15})$/.exec(name)?.[1] ?? null;
}
