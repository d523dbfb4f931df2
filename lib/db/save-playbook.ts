import type { PlaybookBundle } from '../model/playbook/playbook';
import type { PlaybookTable } from '../sync/playbook-fields';
import type { PlaybookOutboxEntry, StoredPlaybook } from './playbook-rows';
import type { PrecallDb } from './precall-db';

export type SavePlaybookResult = { kind: 'saved'; changes: number } | { kind: 'not-owner'; ownerId: string };

/**
 * Saves a manager's playbook with its stages and curated objections, and records every changed
 * record in the playbook outbox, all in one transaction. Unchanged records write nothing; removed
 * stages and objections are deleted with their Salesforce id for the push. A playbook belongs to
 * the manager who created it: another user's is refused.
 */
export async function savePlaybook(
  db: PrecallDb,
  bundle: PlaybookBundle,
  now: Date,
  userId: string,
): Promise<SavePlaybookResult> {
  const at = now.toISOString();
  const { playbookKey } = bundle.playbook;
  return db.transaction('rw', [db.playbooks, db.playbookStages, db.playbookObjections, db.playbookOutbox], async () => {
    const existing = await db.playbooks.get(playbookKey);
    if (existing && existing.ownerId !== userId) return { kind: 'not-owner', ownerId: existing.ownerId };
    const changes: PlaybookOutboxEntry[] = [];
    const change = (table: PlaybookTable, key: string, op: 'upsert' | 'delete', salesforceId: string | null = null) =>
      changes.push({ table, key, op, salesforceId, playbookKey, at });

    const candidate: StoredPlaybook = {
      ...bundle.playbook,
      ownerId: existing?.ownerId ?? userId,
      salesforceId: existing?.salesforceId ?? null,
    };
    if (!existing || existing.name !== candidate.name || existing.isDefault !== candidate.isDefault) {
      change('playbooks', playbookKey, 'upsert');
    }

    const previousStages = new Map(
      (await db.playbookStages.where('playbookKey').equals(playbookKey).toArray()).map((s) => [s.stageKey, s]),
    );
    const stages = bundle.stages.map((stage) => {
      const old = previousStages.get(stage.stageKey);
      previousStages.delete(stage.stageKey);
      const row = { ...stage, salesforceId: old?.salesforceId ?? null };
      if (!old || !sameRow(old, row)) change('playbookStages', stage.stageKey, 'upsert');
      return row;
    });
    for (const removed of previousStages.values()) {
      change('playbookStages', removed.stageKey, 'delete', removed.salesforceId);
    }

    const previousObjections = new Map(
      (await db.playbookObjections.where('playbookKey').equals(playbookKey).toArray()).map((o) => [o.objectionKey, o]),
    );
    const objections = bundle.objections.map((objection, index) => {
      const old = previousObjections.get(objection.objectionKey);
      previousObjections.delete(objection.objectionKey);
      const row = { ...objection, sortOrder: index, salesforceId: old?.salesforceId ?? null };
      if (!old || !sameRow(old, row)) change('playbookObjections', objection.objectionKey, 'upsert');
      return row;
    });
    for (const removed of previousObjections.values()) {
      change('playbookObjections', removed.objectionKey, 'delete', removed.salesforceId);
    }

    if (changes.length === 0) return { kind: 'saved', changes: 0 };
    await db.playbooks.put({ ...candidate, updatedAt: at });
    await db.playbookStages.bulkPut(stages);
    await db.playbookStages.bulkDelete([...previousStages.keys()]);
    await db.playbookObjections.bulkPut(objections);
    await db.playbookObjections.bulkDelete([...previousObjections.keys()]);
    await db.playbookOutbox.bulkAdd(changes);
    return { kind: 'saved', changes: changes.length };
  });
}

function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (left[key] !== right[key]) return false;
  return true;
}
