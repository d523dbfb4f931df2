import { loadPermissionSets } from '../api/schema/permission-sets';
import type { SeedRecord } from './story-seed';
import type { DemoUser } from './types';

const labels: Record<string, string> = { Precall_User: 'Precall User', Precall_Manager: 'Precall Manager' };

/**
 * The package's permission sets and their assignments to the demo users, as Setup keeps them, so
 * the org check reads who has which set the way it does in a real org.
 */
export function permissionSetSeed(users: readonly DemoUser[], by: string, at: Date): SeedRecord[] {
  const names = [...loadPermissionSets().keys()].sort();
  const sets: SeedRecord[] = names.map((name) => ({
    object: 'PermissionSet',
    ref: `permission-set:${name}`,
    values: { Name: name, Label: labels[name] ?? name.replaceAll('_', ' ') },
    by,
    createdAt: at,
  }));
  const assignments: SeedRecord[] = users.flatMap((user) =>
    user.permissionSets
      .filter((name) => names.includes(name))
      .map((name) => ({
        object: 'PermissionSetAssignment',
        values: { AssigneeId: user.Id, PermissionSetId: { seedRef: `permission-set:${name}` } },
        by,
        createdAt: at,
      })),
  );
  return [...sets, ...assignments];
}
