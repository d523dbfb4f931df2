import { buildOrgSchema } from '../api/schema/org-schema';
import type { PermissionSetMetadata } from '../api/schema/permission-sets';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../api/schema/types';
import type { DemoUser } from './types';

/**
 * Field-level security as a deployed org applies it: the package's custom objects and fields are
 * what the user's permission sets grant. A field the user cannot read is not there for them
 * (queries, retrieves and describe answer as for an unknown field: INVALID_FIELD); one they read
 * but may not edit is neither createable nor updateable (a write gets
 * INVALID_FIELD_FOR_INSERT_UPDATE). An object none of their sets can read is not there at all.
 * Required and master-detail fields are always readable and editable, as in Salesforce (they
 * cannot be listed in a permission set); standard objects are left to the profile, which grants
 * them here.
 */
export class FieldSecurity {
  private readonly views = new Map<string, OrgSchema>();

  constructor(
    private readonly schema: OrgSchema,
    private readonly permissionSets: ReadonlyMap<string, PermissionSetMetadata>,
  ) {}

  /** The org's schema as `user` sees it (cached per combination of permission sets). */
  schemaFor(user: Pick<DemoUser, 'permissionSets'>): OrgSchema {
    const key = [...user.permissionSets].sort().join(',');
    let view = this.views.get(key);
    if (!view) {
      const sets = user.permissionSets
        .map((name) => this.permissionSets.get(name))
        .filter((set): set is PermissionSetMetadata => set !== undefined);
      view = buildOrgSchema(
        this.schema.objects
          .filter((object) => !object.custom || sets.some((set) => set.readableObjects.has(object.name)))
          .map((object) => (object.custom ? securedObject(object, sets) : object)),
      );
      this.views.set(key, view);
    }
    return view;
  }
}

function securedObject(object: ObjectSchema, sets: readonly PermissionSetMetadata[]): ObjectSchema {
  const fields: FieldSchema[] = [];
  for (const field of object.fields) {
    if (!isSecured(field)) {
      fields.push(field);
      continue;
    }
    const grants = sets.map((set) => set.fields.get(`${object.name}.${field.name}`));
    if (!grants.some((grant) => grant?.readable)) continue;
    const editable = grants.some((grant) => grant?.editable);
    fields.push(editable ? field : { ...field, createable: false, updateable: false });
  }
  return { ...object, fields };
}

/** Custom fields a permission set governs: not required, not master-detail, not system-set. */
function isSecured(field: FieldSchema): boolean {
  return field.name.endsWith('__c') && !field.required && !field.cascadeDelete && !field.system;
}
