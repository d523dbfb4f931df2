import { orgStagesRowName } from '../../../lib/db/playbook-rows';
import { PrecallDb } from '../../../lib/db/precall-db';
import {
  type CuratedObjection,
  newCuratedObjection,
  newPlaybook,
  newPlaybookStage,
  type PlaybookBundle,
  type PlaybookStage,
} from '../../../lib/model/playbook/playbook';

/** Morgan manages Riley and Sam; Avery is an admin who owns the org's default playbook. */
export const team = {
  morgan: '0055g00000Mgr01AAB',
  riley: '0055g00000Rly01AAB',
  sam: '0055g00000Sam01AAB',
  avery: '0055g00000Avr01AAB',
  /** A rep whose manager has left the cached team. */
  drew: '0055g00000Drw01AAB',
} as const;

/** Two opportunities of the team. */
export const northwind = '0065g00000Nwd01AAB';
export const contoso = '0065g00000Cnt01AAB';

export const orgStageNames = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Closed Won'];

export async function seedTeam(db: PrecallDb, at = '2026-03-01T00:00:00.000Z'): Promise<void> {
  await db.users.bulkPut([
    { id: team.morgan, name: 'Morgan Lee', managerId: null, fetchedAt: at },
    { id: team.riley, name: 'Riley Chen', managerId: team.morgan, fetchedAt: at },
    { id: team.sam, name: 'Sam Ortiz', managerId: team.morgan, fetchedAt: at },
    { id: team.avery, name: 'Avery Admin', managerId: null, fetchedAt: at },
  ]);
  await db.orgStages.put({
    name: orgStagesRowName,
    stages: orgStageNames.map((value) => ({ value, label: value })),
    fetchedAt: at,
  });
}

/** A database of its own for one test, holding the team and the org's stages. */
export async function openTeamDb(): Promise<PrecallDb> {
  const db = new PrecallDb(`test-${crypto.randomUUID()}`);
  await seedTeam(db);
  return db;
}

export function stage(playbookKey: string, stageName: string, changes: Partial<PlaybookStage> = {}): PlaybookStage {
  return { ...newPlaybookStage(playbookKey, stageName), ...changes };
}

export function curated(playbookKey: string, objection: string, sortOrder: number, stageName = ''): CuratedObjection {
  return { ...newCuratedObjection(playbookKey, sortOrder), objection, stageName, response: `Answer ${objection}` };
}

/** A playbook asking, at Proposal/Price Quote, for a minimum next step and one expected objection. */
export function proposalPlaybook(name: string, isDefault: boolean, updatedAt: Date): PlaybookBundle {
  const playbook = newPlaybook(name, isDefault, updatedAt);
  return {
    playbook,
    stages: [
      stage(playbook.playbookKey, 'Proposal/Price Quote', { requiresMinimumNextStep: true, minExpectedObjections: 1 }),
    ],
    objections: [curated(playbook.playbookKey, 'Too expensive', 0, 'Proposal/Price Quote')],
  };
}

/** Stores a playbook as sync pulls it: confirmed by Salesforce, owned by `ownerId`. */
export async function storePulled(db: PrecallDb, bundle: PlaybookBundle, ownerId: string): Promise<void> {
  await db.playbooks.put({
    ...bundle.playbook,
    ownerId,
    salesforceId: `a0R${bundle.playbook.playbookKey.slice(0, 12)}`,
  });
  await db.playbookStages.bulkPut(bundle.stages.map((s) => ({ ...s, salesforceId: `a0S${s.stageKey.slice(0, 12)}` })));
  await db.playbookObjections.bulkPut(
    bundle.objections.map((o) => ({ ...o, salesforceId: `a0T${o.objectionKey.slice(0, 12)}` })),
  );
}

export async function putOpportunity(db: PrecallDb, id: string, ownerId: string, stageName: string): Promise<void> {
  await db.opportunities.put({
    id,
    name: `Deal ${id.slice(-4)}`,
    stageName,
    closeDate: null,
    amount: null,
    ownerId,
    accountId: null,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt: '2026-03-01T00:00:00.000Z',
  });
}
