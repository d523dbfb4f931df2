import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/**
 * The package's permission sets, read from the same XML an admin deploys: what each grants on
 * the custom objects and, field by field, whether a user may read and edit.
 */
export interface FieldPermission {
  readable: boolean;
  editable: boolean;
}

export interface PermissionSetMetadata {
  name: string;
  /** `Call_Plan__c.Coach_Note__c` → access. */
  fields: Map<string, FieldPermission>;
  /** Objects the set grants read on. */
  readableObjects: Set<string>;
}

const defaultDir = fileURLToPath(
  new URL('../../../salesforce/force-app/main/default/permissionsets/', import.meta.url),
);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'fieldPermissions' || name === 'objectPermissions',
});

const cache = new Map<string, Map<string, PermissionSetMetadata>>();

export function loadPermissionSets(dir: string = defaultDir): Map<string, PermissionSetMetadata> {
  const cached = cache.get(dir);
  if (cached) return cached;
  const sets = new Map<string, PermissionSetMetadata>();
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.permissionset-meta.xml')) : [];
  for (const file of files) {
    const name = file.replace('.permissionset-meta.xml', '');
    const doc = parser.parse(readFileSync(join(dir, file), 'utf8')) as { PermissionSet?: Record<string, unknown> };
    const body = doc.PermissionSet ?? {};
    const fields = new Map<string, FieldPermission>();
    for (const permission of (body.fieldPermissions as Record<string, string>[] | undefined) ?? []) {
      fields.set(String(permission.field), {
        readable: permission.readable === 'true',
        editable: permission.editable === 'true',
      });
    }
    const readableObjects = new Set<string>();
    for (const permission of (body.objectPermissions as Record<string, string>[] | undefined) ?? []) {
      if (permission.allowRead === 'true') readableObjects.add(String(permission.object));
    }
    sets.set(name, { name, fields, readableObjects });
  }
  cache.set(dir, sets);
  return sets;
}
