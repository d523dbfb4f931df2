import Dexie, { type EntityTable } from 'dexie';
import type { StoredCallPlan } from '../model/call-plan';
import type { OutboxEntry } from './outbox-entry';
import type { StoredObjection } from './stored-objection';

/**
 * One database per org and user (`precall-<orgId>-<userId>`), in the extension's origin, owned by
 * the background. Versions are append-only: a new schema is a new `version(n)` block, never an edit.
 */
export class PrecallDb extends Dexie {
  plans!: EntityTable<StoredCallPlan, 'planKey'>;
  objections!: EntityTable<StoredObjection, 'objectionKey'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      plans: 'planKey, opportunityId, callAt, updatedAt',
      objections: 'objectionKey, planKey',
      outbox: '++seq, [table+key], at',
    });
  }
}

export function databaseName(orgId: string, userId: string): string {
  return `precall-${orgId}-${userId}`;
}
