import type { OrgStage, PlaybookBundle } from '../model/playbook/playbook';
import { playbookOfManager, playbookOfRep } from '../model/playbook/team-playbook';
import { orgStagesRowName, type StoredPlaybook } from './playbook-rows';
import type { PrecallDb } from './precall-db';

/** A playbook with its stages (in the org's order later) and objections (in the manager's order). */
export async function readPlaybookBundle(db: PrecallDb, playbook: StoredPlaybook): Promise<PlaybookBundle> {
  const [stages, objections] = await Promise.all([
    db.playbookStages.where('playbookKey').equals(playbook.playbookKey).toArray(),
    db.playbookObjections.where('playbookKey').equals(playbook.playbookKey).sortBy('sortOrder'),
  ]);
  const { salesforceId: _id, ownerId: _owner, ...fields } = playbook;
  return {
    playbook: fields,
    stages: stages.map(({ salesforceId: _s, ...stage }) => stage),
    objections: objections.map(({ salesforceId: _o, ...objection }) => objection),
  };
}

/** The playbook a rep works by: their manager's, else the org's default. */
export async function playbookOfUser(db: PrecallDb, userId: string): Promise<StoredPlaybook | null> {
  const user = await db.users.get(userId);
  return playbookOfRep(await db.playbooks.toArray(), { id: userId, managerId: user?.managerId ?? null });
}

/** The playbook a manager edits: their own. */
export async function ownPlaybook(db: PrecallDb, managerId: string): Promise<StoredPlaybook | null> {
  return playbookOfManager(await db.playbooks.toArray(), managerId);
}

/** A manager is a user with reps reporting to them (Precall_Manager grants the edit in Salesforce). */
export async function isManager(db: PrecallDb, userId: string): Promise<boolean> {
  return (await db.users.where('managerId').equals(userId).count()) > 0;
}

/** The org's Opportunity stages in the picklist's order; none before sync first read them. */
export async function readOrgStages(db: PrecallDb): Promise<OrgStage[]> {
  return (await db.orgStages.get(orgStagesRowName))?.stages ?? [];
}

export interface PlaybookSyncState {
  /** Changes not yet in Salesforce. */
  waiting: number;
  /** Changes Salesforce refused, with its reason. */
  refused: { table: string; key: string; message: string }[];
}

export async function playbookSyncState(db: PrecallDb, playbookKey: string): Promise<PlaybookSyncState> {
  const entries = await db.playbookOutbox.where('playbookKey').equals(playbookKey).toArray();
  const keys = new Set(entries.map((e) => `${e.table}:${e.key}`));
  const refused = entries.flatMap((e) =>
    e.refused ? [{ table: e.table, key: e.key, message: e.refused.message }] : [],
  );
  return { waiting: keys.size, refused };
}
