import type { Query, Subquery } from '@jetstreamapp/soql-parser-js';
import { checkCountQuery, isAggregateQuery, isCountQuery, planAggregate, runAggregate } from './aggregate.ts';
import { buildRecords } from './build-records.ts';
import type { SemiJoin } from './compile-condition.ts';
import { compileWhere } from './compile-where.ts';
import { resolvePath } from './field-path.ts';
import { compileOrderBy } from './order-by.ts';
import { parseSoql } from './parse-soql.ts';
import type { QueryContext, QueryResult, StoredRecord } from './query-context.ts';
import { failAt, locate, type Scope } from './scope.ts';
import { type ChildPlan, type PlanChild, planOutput, type RowPlan } from './select-list.ts';
import { errorAt, messages, SoqlError } from './soql-error.ts';
import { clauseOffset, scanWords } from './source-position.ts';

export type {
  ChildRecords,
  OutputRecord,
  QueryContext,
  QueryResult,
  RecordAttributes,
  StoredRecord,
} from './query-context.ts';
export { SoqlError, type SoqlErrorCode } from './soql-error.ts';

const maxOffset = 2000;

/**
 * Runs one SOQL query against the demo org's rows and answers as Salesforce's REST API would:
 * records fully built (the caller pages them), or a SoqlError carrying Salesforce's code and text.
 */
export function executeQuery(soql: string, ctx: QueryContext): QueryResult {
  const query = parseSoql(soql);
  const fromAt = clauseOffset(soql, 'FROM');
  const scope = rootScope(soql, ctx, query, fromAt === -1 ? 0 : fromAt);

  if (isCountQuery(query)) {
    checkCountQuery(scope, query);
    const plan = rowPlan(scope, query, []);
    const matched = matchRows(scope, plan, plan.sort ? undefined : plan.offset + (plan.limit ?? Infinity));
    return { totalSize: page(matched, plan).length, records: [], count: true };
  }
  if (isAggregateQuery(query)) {
    const aggregate = planAggregate(scope, query);
    const plan = rowPlan(scope, query, []);
    const records = runAggregate(aggregate, matchRows(scope, plan), plan.sort, plan.offset, plan.limit);
    return { totalSize: records.length, records };
  }
  const plan = rowPlan(scope, query, planOutput(scope, query, planChild));
  // Without ORDER BY the first offset+limit matches are the answer, so the scan can stop there.
  const matched = matchRows(scope, plan, plan.sort ? undefined : plan.offset + (plan.limit ?? Infinity));
  const keep = plan.limit === undefined ? undefined : plan.offset + plan.limit;
  const rows = page(plan.sort ? plan.sort(matched, keep) : matched, plan);
  const records = buildRecords(ctx, plan.object.name, rows, plan.output);
  return { totalSize: records.length, records };
}

function rootScope(soql: string, ctx: QueryContext, query: Query, searchFrom: number): Scope {
  const name = query.sObject ?? '';
  const object = ctx.schema.object(name);
  if (!object) {
    throw errorAt(soql, locateObject(soql, name, searchFrom), 'INVALID_TYPE', messages.unknownObject(name));
  }
  return { soql, ctx, object, alias: query.sObjectAlias, textStart: 0 };
}

function locateObject(soql: string, name: string, from: number): number {
  const word = scanWords(soql).find((w) => w.offset > from && w.text.toLowerCase() === name.toLowerCase());
  return word?.offset ?? from;
}

/** WHERE, ORDER BY, LIMIT and OFFSET, validated and compiled once; `output` is planned by the caller. */
function rowPlan(scope: Scope, query: Query | Subquery, output: RowPlan['output']): RowPlan {
  const where = compileWhere(scope, query.where, semiJoin);
  const sort = compileOrderBy(scope, query.orderBy);
  const offset = query.offset ?? 0;
  if (offset > maxOffset) throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', messages.offsetTooLarge(scope.object.name));
  return { object: scope.object, where, sort, limit: query.limit, offset, output };
}

function page(rows: StoredRecord[], plan: RowPlan): StoredRecord[] {
  if (plan.offset === 0 && (plan.limit === undefined || plan.limit >= rows.length)) return rows;
  return rows.slice(plan.offset, plan.limit === undefined ? undefined : plan.offset + plan.limit);
}

/** The rows passing WHERE: looked up by id when the filter pins the Id, else one scan. */
function matchRows(scope: Scope, plan: RowPlan, enough = Infinity): StoredRecord[] {
  const { ctx } = scope;
  const test = plan.where.test;
  const matched: StoredRecord[] = [];
  if (enough <= 0) return matched;
  for (const row of candidates(ctx, plan)) {
    if (!test(row)) continue;
    matched.push(row);
    if (matched.length >= enough) break;
  }
  return matched;
}

function candidates(ctx: QueryContext, plan: RowPlan): Iterable<StoredRecord> {
  const ids = plan.where.ids;
  if (!ids) return ctx.rows(plan.object.name);
  const rows: StoredRecord[] = [];
  for (const id of new Set(ids)) {
    const row = id === '' ? undefined : ctx.byId(plan.object.name, id);
    // byId serves parent look-ups too, so deleted rows are dropped here unless this is queryAll.
    if (row && (ctx.includeDeleted || row.IsDeleted !== true)) rows.push(row);
  }
  return rows;
}

/** `(SELECT … FROM Objections__r …)`: resolved through the parent's child relationships. */
const planChild: PlanChild = (parent, subquery) => {
  const name = subquery.relationshipName;
  const relationship = parent.object.childRelationships.find(
    (candidate) => candidate.relationshipName.toLowerCase() === name.toLowerCase(),
  );
  const object = relationship ? parent.ctx.schema.object(relationship.childSObject) : undefined;
  if (!relationship || !object) throw failAt(parent, name, 'INVALID_TYPE', messages.unknownChildRelationship(name));
  const relationshipAt = locate(parent, name);
  const selectAt = scanWords(parent.soql)
    .filter((word) => word.offset < relationshipAt && /^select$/i.test(word.text))
    .pop();
  const scope: Scope = { ...parent, object, alias: undefined, textStart: selectAt?.offset ?? relationshipAt };
  const plan: ChildPlan = {
    ...rowPlan(scope, subquery, planOutput(scope, subquery, planChild)),
    linkField: relationship.field,
  };
  return { key: relationship.relationshipName, plan };
};

/** `Id IN (SELECT Opportunity__c FROM Call_Plan__c WHERE …)`: the set of values the inner query selects. */
const semiJoin: SemiJoin = (outer, query, at) => {
  const name = query.sObject ?? '';
  const object = outer.ctx.schema.object(name);
  if (!object) throw failAt(outer, name, 'INVALID_TYPE', messages.unknownObject(name), at);
  const scope: Scope = { ...outer, object, alias: query.sObjectAlias, textStart: at };
  const [field, ...rest] = query.fields ?? [];
  if (!field || rest.length > 0 || (field.type !== 'Field' && field.type !== 'FieldRelationship')) {
    throw failAt(scope, 'SELECT', 'MALFORMED_QUERY', 'Semi join sub-selects can only select one field', at);
  }
  const segments = field.type === 'Field' ? [field.field] : [...field.relationships, field.field];
  const path = resolvePath(scope, segments, segments.join('.'));
  const plan = rowPlan(scope, query, []);
  const values = new Set<unknown>();
  for (const row of page(matchRows(scope, plan), plan)) values.add(path.get(row));
  return values;
};
