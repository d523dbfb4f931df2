import type { SyncedTable } from '../db/outbox-entry';
import type { PrecallDb } from '../db/precall-db';
import { labelOf } from './field-labels';

/** One field of a conflict, with the three values the rep chooses between. */
export interface ConflictFieldView {
  field: string;
  label: string;
  base: unknown;
  local: unknown;
  remote: unknown;
}

export type ChangeProblem =
  | {
      kind: 'rejected';
      table: SyncedTable;
      key: string;
      /** "Call plan" or "Objection “…”". */
      record: string;
      code: string;
      message: string;
      /** Labels of the fields Salesforce named. */
      fields: string[];
    }
  | {
      kind: 'conflict';
      table: SyncedTable;
      key: string;
      record: string;
      remoteDeleted: boolean;
      localDeleted: boolean;
      fields: ConflictFieldView[];
    };

/**
 * One plan in the Pending Changes list (as in Salesforce mobile): what is waiting, refused or
 * in conflict, with what the rep can do about it.
 */
export interface PendingChange {
  planKey: string;
  opportunityId: string | null;
  opportunityName: string | null;
  goal: string;
  callAt: string | null;
  state: 'conflict' | 'rejected' | 'waiting';
  /** Deleted here, waiting to be deleted in Salesforce. */
  deletedHere: boolean;
  problems: ChangeProblem[];
}

const stateOrder = { conflict: 0, rejected: 1, waiting: 2 } as const;

export async function pendingChanges(db: PrecallDb): Promise<PendingChange[]> {
  return db.transaction(
    'r',
    [db.plans, db.objections, db.outbox, db.bases, db.conflicts, db.rejections, db.opportunities],
    async () => {
      const planKeys = new Set<string>();
      await db.outbox.each((entry) => {
        planKeys.add(entry.planKey);
      });
      const conflicts = await db.conflicts.toArray();
      const rejections = await db.rejections.toArray();
      for (const row of [...conflicts, ...rejections]) planKeys.add(row.planKey);

      const changes: PendingChange[] = [];
      for (const planKey of planKeys) {
        const plan = await db.plans.get(planKey);
        const base = plan ? undefined : await db.bases.get(['plans', planKey]);
        const values = (plan ?? base?.values ?? {}) as Record<string, unknown>;
        const opportunityId = typeof values.opportunityId === 'string' ? values.opportunityId : null;
        const opportunity = opportunityId ? await db.opportunities.get(opportunityId) : undefined;
        const problems: ChangeProblem[] = [];
        for (const conflict of conflicts.filter((c) => c.planKey === planKey)) {
          problems.push({
            kind: 'conflict',
            table: conflict.table,
            key: conflict.key,
            record: await recordName(db, conflict.table, conflict.key),
            remoteDeleted: conflict.remoteDeleted,
            localDeleted: conflict.localDeleted === true,
            fields: conflict.fields.map((f) => ({ ...f, label: labelOf(f.field) })),
          });
        }
        for (const rejection of rejections.filter((r) => r.planKey === planKey)) {
          problems.push({
            kind: 'rejected',
            table: rejection.table,
            key: rejection.key,
            record: await recordName(db, rejection.table, rejection.key),
            code: rejection.code,
            message: rejection.message,
            fields: rejection.fields.map(labelOf),
          });
        }
        changes.push({
          planKey,
          opportunityId,
          opportunityName: opportunity?.name ?? null,
          goal: typeof values.goal === 'string' ? values.goal : '',
          callAt: typeof values.callAt === 'string' ? values.callAt : null,
          state: problems.some((p) => p.kind === 'conflict')
            ? 'conflict'
            : problems.length > 0
              ? 'rejected'
              : 'waiting',
          deletedHere: !plan,
          problems,
        });
      }
      return changes.sort(
        (a, b) => stateOrder[a.state] - stateOrder[b.state] || (a.callAt ?? '').localeCompare(b.callAt ?? ''),
      );
    },
  );
}

async function recordName(db: PrecallDb, table: SyncedTable, key: string): Promise<string> {
  if (table === 'plans') return 'Call plan';
  const objection = (await db.objections.get(key)) ?? (await db.bases.get(['objections', key]))?.values;
  const text = typeof objection?.objection === 'string' ? objection.objection : '';
  return text ? `Objection “${text}”` : 'Objection';
}
