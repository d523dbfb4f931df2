import type { DemoOrgRuntime } from '../org/demo-org';
import type { DemoUser, SObjectRecord } from '../org/types';
import type { QueryContext } from './soql/query-context';

/**
 * The SOQL engine's view of the org for one user: rows with sharing applied (soft-deleted ones
 * only for queryAll), and id look-ups for parent relationships, which also respect sharing.
 */
export function queryContextFor(
  org: DemoOrgRuntime,
  user: DemoUser,
  version: string,
  includeDeleted: boolean,
): QueryContext {
  const visible = org.sharing.filterFor(user);
  return {
    schema: org.schemaFor(user),
    *rows(objectName: string): Iterable<SObjectRecord> {
      const object = org.store.objectOf(objectName);
      if (!object) return;
      const unassigned = new Set(org.access.usersWithoutPermissionSet);
      for (const record of org.store.all(object.name)) {
        if (record.IsDeleted === true && !includeDeleted) continue;
        // An admin removed the package's permission sets from these users (`/__demo/access`).
        if (object.name === 'PermissionSetAssignment' && unassigned.has(String(record.AssigneeId))) continue;
        if (visible(object.name, record)) yield record;
      }
    },
    byId(objectName: string, id: string) {
      const object = org.store.objectOf(objectName);
      const record = object ? org.store.get(object.name, id) : undefined;
      if (!object || !record || (record.IsDeleted === true && !includeDeleted)) return undefined;
      return visible(object.name, record) ? record : undefined;
    },
    includeDeleted,
    now: org.clock.now(),
    apiVersion: version,
  };
}
