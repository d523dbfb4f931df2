import { userIds } from '../../demo/org/seed-data';
import { orgStagesRowName } from '../../lib/db/playbook-rows';
import type { PrecallDb } from '../../lib/db/precall-db';
import { request, type Send } from '../../lib/messaging/client';
import {
  newCuratedObjection,
  newPlaybook,
  newPlaybookStage,
  type PlaybookBundle,
} from '../../lib/model/playbook/playbook';
import { testOrigin } from '../support/background';

export const stageNames = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Closed Won'];

/** Opens the signed-in user's database through the background and returns it. */
export async function databaseOf(send: Send, db: () => PrecallDb | undefined): Promise<PrecallDb> {
  await request(send, 'sync:status', { origin: testOrigin });
  const opened = db();
  if (!opened) throw new Error('no database');
  return opened;
}

/** What sync would have pulled: the team (Morgan manages Riley and Sam) and the org's stages. */
export async function seedTeam(db: PrecallDb, at: string): Promise<void> {
  await db.users.bulkPut([
    { id: userIds.morgan, name: 'Morgan Lee', managerId: null, fetchedAt: at },
    { id: userIds.riley, name: 'Riley Chen', managerId: userIds.morgan, fetchedAt: at },
    { id: userIds.sam, name: 'Sam Ortiz', managerId: userIds.morgan, fetchedAt: at },
  ]);
  await db.orgStages.put({
    name: orgStagesRowName,
    stages: stageNames.map((value) => ({ value, label: value })),
    fetchedAt: at,
  });
}

/** Morgan's playbook for Proposal/Price Quote, as pulled from Salesforce. */
export function proposalPlaybook(now: Date): PlaybookBundle {
  const playbook = newPlaybook('Team West', false, now);
  return {
    playbook,
    stages: [
      {
        ...newPlaybookStage(playbook.playbookKey, 'Proposal/Price Quote'),
        guidance: 'Price only once the decision process is known.',
        requiresMinimumNextStep: true,
        minExpectedObjections: 1,
        confirmBudget: true,
      },
    ],
    objections: [
      {
        ...newCuratedObjection(playbook.playbookKey, 0),
        stageName: 'Proposal/Price Quote',
        objection: 'Too expensive',
        response: 'Walk through the ROI study',
      },
    ],
  };
}

export async function storePulledPlaybook(db: PrecallDb, bundle: PlaybookBundle, ownerId: string): Promise<void> {
  await db.playbooks.put({ ...bundle.playbook, ownerId, salesforceId: 'a0R000000000001AAA' });
  await db.playbookStages.bulkPut(bundle.stages.map((s) => ({ ...s, salesforceId: null })));
  await db.playbookObjections.bulkPut(bundle.objections.map((o) => ({ ...o, salesforceId: null })));
}
