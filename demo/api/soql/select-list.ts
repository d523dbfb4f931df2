import type { Query, Subquery } from '@jetstreamapp/soql-parser-js';
import type { ObjectSchema } from '../schema/types.ts';
import type { CompiledWhere } from './compile-where.ts';
import { type ParentHop, resolvePath } from './field-path.ts';
import type { RowSorter } from './order-by.ts';
import { failAt, locate, type Scope } from './scope.ts';
import { messages } from './soql-error.ts';

/** What one query (or child subquery) reads, filters, sorts and outputs. */
export interface RowPlan {
  object: ObjectSchema;
  where: CompiledWhere;
  sort: RowSorter | null;
  limit: number | undefined;
  offset: number;
  output: OutputNode[];
}

/** A child subquery: its rows are those whose `linkField` holds the parent's Id. */
export interface ChildPlan extends RowPlan {
  linkField: string;
}

/** The shape of an output record, in SELECT order: own fields, parent objects, child lists. */
export type OutputNode =
  | { kind: 'field'; key: string }
  | { kind: 'parent'; key: string; hop: ParentHop; nodes: OutputNode[] }
  | { kind: 'children'; key: string; plan: ChildPlan };

/** Compiles a child subquery in its own scope; supplied by the engine to keep files acyclic. */
export type PlanChild = (parent: Scope, subquery: Subquery) => { key: string; plan: ChildPlan };

export function planOutput(scope: Scope, query: Query | Subquery, planChild: PlanChild): OutputNode[] {
  const nodes: OutputNode[] = [];
  for (const item of query.fields ?? []) {
    switch (item.type) {
      case 'Field':
      case 'FieldRelationship': {
        const segments = item.type === 'Field' ? [item.field] : [...item.relationships, item.field];
        const raw = item.type === 'Field' ? item.field : (item.rawValue ?? segments.join('.'));
        if ('alias' in item && item.alias && item.type === 'FieldRelationship') {
          throw failAt(scope, item.alias, 'MALFORMED_QUERY', messages.unexpectedToken(item.alias));
        }
        addPath(scope, nodes, segments, raw, false);
        break;
      }
      case 'FieldSubquery': {
        const { key, plan } = planChild(scope, item.subquery);
        if (nodes.some((node) => node.key === key)) throw duplicate(scope, key);
        nodes.push({ kind: 'children', key, plan });
        break;
      }
      case 'FieldFunctionExpression':
        if (item.functionName.toUpperCase() !== 'FIELDS') throw unsupported(scope, item.functionName);
        for (const field of fieldsFunction(scope, query, String(item.parameters[0] ?? ''))) {
          addPath(scope, nodes, [field], field, true);
        }
        break;
      default:
        throw unsupported(scope, 'TYPEOF');
    }
  }
  return nodes;
}

function addPath(scope: Scope, nodes: OutputNode[], segments: string[], raw: string, quiet: boolean): void {
  const path = resolvePath(scope, segments, raw);
  let level = nodes;
  for (const hop of path.hops) {
    let parent = level.find(
      (node): node is Extract<OutputNode, { kind: 'parent' }> =>
        node.kind === 'parent' && node.key === hop.relationshipName,
    );
    if (!parent) {
      parent = { kind: 'parent', key: hop.relationshipName, hop, nodes: [] };
      level.push(parent);
    }
    level = parent.nodes;
  }
  if (level.some((node) => node.kind === 'field' && node.key === path.field.name)) {
    if (quiet) return;
    throw duplicate(scope, path.field.name, raw);
  }
  level.push({ kind: 'field', key: path.field.name });
}

/** FIELDS(ALL|STANDARD|CUSTOM); ALL and CUSTOM need a LIMIT of at most 200, as in Salesforce. */
function fieldsFunction(scope: Scope, query: Query | Subquery, which: string): string[] {
  const kind = which.toUpperCase();
  if (kind !== 'STANDARD' && (query.limit === undefined || query.limit > 200)) {
    throw failAt(scope, 'FIELDS', 'MALFORMED_QUERY', 'The SOQL FIELDS function must have a LIMIT of at most 200');
  }
  const custom = (name: string) => name.endsWith('__c');
  return scope.object.fields
    .filter((field) => kind === 'ALL' || (kind === 'CUSTOM') === custom(field.name))
    .map((field) => field.name);
}

// The errorCode Salesforce uses for duplicates is not documented; INVALID_FIELD is our best guess.
function duplicate(scope: Scope, name: string, raw = name) {
  // The caret goes under the second mention.
  return failAt(scope, raw, 'INVALID_FIELD', `duplicate field selected: ${name}`, locate(scope, raw) + 1);
}

function unsupported(scope: Scope, name: string) {
  return failAt(scope, name, 'MALFORMED_QUERY', `${name} is not supported by the demo org`);
}
