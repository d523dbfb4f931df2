import { parentRow, parentType } from './field-path.ts';
import type { ChildRecords, OutputRecord, QueryContext, StoredRecord } from './query-context.ts';
import type { ChildPlan, OutputNode } from './select-list.ts';

/**
 * Output records in Salesforce's shape: `attributes` first, then keys in SELECT order and describe
 * casing; a parent is a nested record or null, a child list is `{totalSize, done, records}` or null.
 * Only the rows of the answer are built, so the cost follows the result, not the table.
 */
export function buildRecords(
  ctx: QueryContext,
  objectName: string,
  rows: StoredRecord[],
  nodes: OutputNode[],
  urlBase = `/services/data/v${ctx.apiVersion}/sobjects/`,
): OutputRecord[] {
  const children = new Map<OutputNode, Map<string, StoredRecord[]>>();
  for (const node of nodes) {
    if (node.kind === 'children') children.set(node, childRowsByParent(ctx, node.plan, rows));
  }
  return rows.map((row) => buildRecord(ctx, urlBase, objectName, row, nodes, children));
}

function buildRecord(
  ctx: QueryContext,
  urlBase: string,
  type: string,
  row: StoredRecord,
  nodes: OutputNode[],
  children: Map<OutputNode, Map<string, StoredRecord[]>>,
): OutputRecord {
  const record: OutputRecord = { attributes: { type, url: `${urlBase}${type}/${row.Id}` } };
  for (const node of nodes) {
    if (node.kind === 'field') {
      record[node.key] = row[node.key] ?? null;
    } else if (node.kind === 'parent') {
      const parent = parentRow(ctx, node.hop, row);
      record[node.key] =
        parent === undefined
          ? null
          : buildRecord(ctx, urlBase, parentType(ctx, node.hop, parent.Id), parent, node.nodes, children);
    } else {
      const list = children.get(node)?.get(row.Id);
      const value: ChildRecords | null = list
        ? {
            totalSize: list.length,
            done: true,
            records: buildRecords(ctx, node.plan.object.name, list, node.plan.output),
          }
        : null;
      record[node.key] = value;
    }
  }
  return record;
}

/**
 * One pass over the child object for the whole page of parents, sorted once (grouping keeps the
 * order), then OFFSET / LIMIT per parent, as Salesforce applies them to each parent's list.
 */
function childRowsByParent(ctx: QueryContext, plan: ChildPlan, parents: StoredRecord[]): Map<string, StoredRecord[]> {
  const byParent = new Map<string, StoredRecord[]>();
  if (parents.length === 0) return byParent;
  const parentIds = new Set(parents.map((parent) => parent.Id));
  const test = plan.where.test;
  const link = plan.linkField;
  let matched: StoredRecord[] = [];
  for (const child of ctx.rows(plan.object.name)) {
    const parentId = child[link];
    if (typeof parentId === 'string' && parentIds.has(parentId) && test(child)) matched.push(child);
  }
  if (plan.sort) matched = plan.sort(matched);
  for (const child of matched) {
    const parentId = child[link] as string;
    const list = byParent.get(parentId);
    if (list) list.push(child);
    else byParent.set(parentId, [child]);
  }
  if (plan.offset === 0 && plan.limit === undefined) return byParent;
  for (const [parentId, list] of byParent) {
    const page = list.slice(plan.offset, plan.limit === undefined ? undefined : plan.offset + plan.limit);
    if (page.length > 0) byParent.set(parentId, page);
    else byParent.delete(parentId);
  }
  return byParent;
}
