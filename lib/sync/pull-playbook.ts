import type { PrecallDb } from '../db/precall-db';
import { parseRemote } from './parse-remote';
import { curatedObjectionObject, type PlaybookObject, playbookObject, playbookStageObject } from './playbook-fields';
import { playbookSelectOf, type RemotePlaybookRecord, remotePlaybookRecordOf } from './playbook-records';
import type { PullStep } from './pull-changes';
import { soqlDateTime, where } from './soql';
import type { SyncContext } from './sync-context';

/**
 * Pull steps for the playbook's objects: every playbook of the org (everyone reads them; a rep
 * needs their manager's and the default), incrementally on SystemModstamp like plans, deletions
 * included. A record with a manager's change still waiting here keeps the local version until
 * the push sent it.
 */
function playbookPull(object: PlaybookObject, what: string): PullStep {
  return {
    sobject: object.sobject,
    all: true,
    soql: (_ctx, from) =>
      `SELECT ${playbookSelectOf(object).join(', ')} FROM ${object.sobject}` +
      where([from ? `SystemModstamp >= ${soqlDateTime(from)}` : null]) +
      ' ORDER BY SystemModstamp, Id',
    async store(ctx, records) {
      await storePlaybookRecords(
        ctx,
        object,
        parseRemote(records, (raw) => remotePlaybookRecordOf(object, raw), what),
      );
    },
  };
}

export const playbookPulls: readonly PullStep[] = [
  playbookPull(playbookObject, 'playbook'),
  playbookPull(playbookStageObject, 'playbook stage'),
  playbookPull(curatedObjectionObject, 'playbook objection'),
];

/** The tables a playbook pull page writes (its transaction must hold them). */
export function playbookTables(db: PrecallDb) {
  return [db.playbooks, db.playbookStages, db.playbookObjections, db.playbookOutbox];
}

async function storePlaybookRecords(
  ctx: SyncContext,
  object: PlaybookObject,
  records: readonly RemotePlaybookRecord[],
): Promise<void> {
  const { db } = ctx;
  const table = db[object.table];
  for (const record of records) {
    const waiting = await db.playbookOutbox.where('[table+key]').equals([object.table, record.key]).count();
    if (waiting > 0) continue;
    if (record.isDeleted) {
      await table.delete(record.key);
      continue;
    }
    await table.put({ ...record.values, salesforceId: record.salesforceId } as never);
  }
}
