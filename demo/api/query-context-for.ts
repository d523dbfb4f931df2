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
      for (const record of org.store.all(object.name)) {
        if (record.IsDeleted === true && !includeDeleted) continue;
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
