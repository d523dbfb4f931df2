import type { FieldSchema, ObjectSchema } from '../schema/types.ts';
import type { QueryContext, StoredRecord } from './query-context.ts';
import { failAt, type Scope } from './scope.ts';
import { messages } from './soql-error.ts';

/** One step up a lookup: `Opportunity__r` walks `Opportunity__c` to an Opportunity. */
export interface ParentHop {
  lookup: FieldSchema;
  /** Describe casing, used as the output key. */
  relationshipName: string;
  /** The object whose fields the next segment names (the first type of a polymorphic lookup). */
  target: ObjectSchema;
}

export interface FieldPath {
  hops: ParentHop[];
  field: FieldSchema;
  /** The value at the end of the path, or null when a lookup on the way is empty. */
  get: (row: StoredRecord) => unknown;
}

/**
 * Resolves `Name`, `Owner.Name` or `Opportunity__r.Account.Name` against the schema, failing as
 * Salesforce does; `raw` is the text shown under the error caret.
 */
export function resolvePath(scope: Scope, segments: string[], raw: string, from?: number): FieldPath {
  const { schema } = scope.ctx;
  const hops: ParentHop[] = [];
  let object = scope.object;
  for (const name of segments.slice(0, -1)) {
    const lookup = object.fields.find(
      (field) => field.relationshipName !== null && field.relationshipName.toLowerCase() === name.toLowerCase(),
    );
    const target = lookup?.referenceTo[0] === undefined ? undefined : schema.object(lookup.referenceTo[0]);
    if (!lookup?.relationshipName || !target) {
      throw failAt(scope, raw, 'INVALID_FIELD', messages.unknownParentRelationship(name), from);
    }
    hops.push({ lookup, relationshipName: lookup.relationshipName, target });
    object = target;
  }
  const leaf = segments[segments.length - 1] ?? '';
  const field = schema.field(object.name, leaf);
  if (!field) throw failAt(scope, raw, 'INVALID_FIELD', messages.unknownField(leaf, object.name), from);
  return { hops, field, get: pathGetter(scope.ctx, hops, field.name) };
}

function pathGetter(ctx: QueryContext, hops: ParentHop[], name: string): (row: StoredRecord) => unknown {
  if (hops.length === 0) return (row) => row[name];
  const [first] = hops;
  if (hops.length === 1 && first) {
    return (row) => {
      const parent = parentRow(ctx, first, row);
      return parent === undefined ? null : parent[name];
    };
  }
  return (row) => {
    let current: StoredRecord | undefined = row;
    for (const hop of hops) {
      current = parentRow(ctx, hop, current);
      if (current === undefined) return null;
    }
    return current[name];
  };
}

/** The parent record a lookup points to, if it is set and visible. */
export function parentRow(ctx: QueryContext, hop: ParentHop, row: StoredRecord): StoredRecord | undefined {
  const id = row[hop.lookup.name];
  if (typeof id !== 'string' || id === '') return undefined;
  return ctx.byId(parentType(ctx, hop, id), id);
}

/** A polymorphic lookup (OwnerId to User or Group) takes its type from the id's key prefix. */
export function parentType(ctx: QueryContext, hop: ParentHop, id: string): string {
  const types = hop.lookup.referenceTo;
  if (types.length === 1) return hop.target.name;
  const prefix = id.slice(0, 3);
  for (const type of types) {
    const object = ctx.schema.object(type);
    if (object?.keyPrefix === prefix) return object.name;
  }
  return hop.target.name;
}
