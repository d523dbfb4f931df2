import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCustomObjects } from './custom-objects';
import { standardObjects } from './standard-objects';
import type { ChildRelationship, FieldSchema, ObjectSchema, OrgSchema } from './types';

/** The package admins deploy; the demo org reads the very same files. */
const defaultPackageDir = fileURLToPath(new URL('../../../salesforce/', import.meta.url));

const cache = new Map<string, OrgSchema>();

/**
 * The demo org's schema: the standard objects plus the custom objects of a DX package (the
 * package root holding `force-app/main/default`, or a source directory holding `objects/`).
 * Cached per directory: the XML does not change while the server runs.
 */
export function loadOrgSchema(packageDir: string = defaultPackageDir): OrgSchema {
  const key = resolve(packageDir);
  const cached = cache.get(key);
  if (cached) return cached;
  const schema = buildOrgSchema([...standardObjects(), ...loadCustomObjects(objectsDirOf(key))]);
  cache.set(key, schema);
  return schema;
}

function objectsDirOf(packageDir: string): string {
  const direct = join(packageDir, 'objects');
  if (existsSync(direct)) return direct;
  const source = join(packageDir, 'force-app', 'main', 'default', 'objects');
  if (existsSync(source)) return source;
  throw new Error(`No objects/ folder in ${packageDir} or its force-app/main/default`);
}

/** Indexes objects and fields by lower-case name and fills every parent's child relationships. */
export function buildOrgSchema(objects: readonly ObjectSchema[]): OrgSchema {
  const children = childRelationshipsOf(objects);
  const withChildren = objects.map((object) => ({
    ...object,
    childRelationships: children.get(object.name.toLowerCase()) ?? [],
  }));
  const byName = new Map(withChildren.map((object) => [object.name.toLowerCase(), object]));
  const fieldsByObject = new Map(
    withChildren.map((object) => [
      object.name.toLowerCase(),
      new Map(object.fields.map((f): [string, FieldSchema] => [f.name.toLowerCase(), f])),
    ]),
  );
  return {
    objects: withChildren,
    object: (name) => byName.get(name.toLowerCase()),
    field: (objectName, fieldName) => fieldsByObject.get(objectName.toLowerCase())?.get(fieldName.toLowerCase()),
  };
}

function childRelationshipsOf(objects: readonly ObjectSchema[]): Map<string, ChildRelationship[]> {
  const byParent = new Map<string, ChildRelationship[]>();
  for (const child of objects) {
    for (const f of child.fields) {
      if (f.type !== 'reference' || !f.childRelationshipName) continue;
      for (const parent of f.referenceTo) {
        const list = byParent.get(parent.toLowerCase()) ?? [];
        if (list.some((r) => r.relationshipName.toLowerCase() === f.childRelationshipName?.toLowerCase())) {
          throw new Error(`${parent} has two child relationships named ${f.childRelationshipName}`);
        }
        list.push({
          childSObject: child.name,
          field: f.name,
          relationshipName: f.childRelationshipName,
          cascadeDelete: f.cascadeDelete,
        });
        byParent.set(parent.toLowerCase(), list);
      }
    }
  }
  return byParent;
}
