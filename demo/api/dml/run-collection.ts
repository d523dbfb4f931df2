import type { DemoOrgRuntime } from '../../org/demo-org';
import { ApiError, exceededIdLimit } from '../api-error';
import { allOrNoneRolledBack } from '../errors';
import { RollBack, type SaveOutcome } from './save-outcome';
import type { UpsertOutcome } from './upsert-record';

/**
 * sObject Collections semantics: one result per input record, in input order. With allOrNone
 * every write runs in one transaction; if any record fails, all are rolled back and the valid
 * ones report ALL_OR_NONE_OPERATION_ROLLED_BACK. Records run in order, so a later record can
 * point at a parent created earlier in the same request.
 */
export const maxCollectionRecords = 200;

export function runCollection(
  org: DemoOrgRuntime,
  allOrNone: boolean,
  writes: ReadonlyArray<() => UpsertOutcome>,
): { outcomes: UpsertOutcome[]; rolledBack: boolean } {
  const outcomes: UpsertOutcome[] = [];
  if (!allOrNone) {
    for (const write of writes) outcomes.push(write());
    return { outcomes, rolledBack: false };
  }
  try {
    org.store.transaction(() => {
      for (const write of writes) outcomes.push(write());
      if (outcomes.some((o) => !o.ok)) throw new RollBack();
    });
    return { outcomes, rolledBack: false };
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return { outcomes, rolledBack: true };
  }
}

/** A SaveResult / UpsertResult item as Salesforce writes it. */
export function resultItem(
  outcome: UpsertOutcome,
  options: { rolledBack: boolean; upsert: boolean; inputId?: string; keyField?: string },
): Record<string, unknown> {
  if (outcome.ok && !options.rolledBack) {
    const item: Record<string, unknown> = { id: outcome.id, success: true, errors: [] };
    if (options.upsert) item.created = outcome.created;
    return item;
  }
  const id = outcome.ok ? (outcome.created ? undefined : outcome.id) : 'id' in outcome ? outcome.id : options.inputId;
  const errors = outcome.ok
    ? [allOrNoneRolledBack()]
    : 'multiple' in outcome
      ? [
          {
            statusCode: 'DUPLICATE_EXTERNAL_ID',
            message: `${options.keyField ?? 'External ID'}: more than one record found for external id field: [${outcome.multiple.join(', ')}]`,
            fields: [],
          },
        ]
      : (outcome as Extract<SaveOutcome, { ok: false }>).errors;
  const item: Record<string, unknown> = id === undefined ? {} : { id };
  item.success = false;
  item.errors = errors;
  // An UpsertResult always says whether the record was (or, rolled back, would have been) created.
  if (options.upsert) item.created = outcome.ok ? outcome.created : false;
  return item;
}

/** `{allOrNone, records}` of a collection body; over 200 records is EXCEEDED_ID_LIMIT. */
export function collectionBody(body: unknown): { allOrNone: boolean; records: Record<string, unknown>[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ApiError.of(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of the request from START_ARRAY token');
  }
  const { allOrNone, records } = body as { allOrNone?: unknown; records?: unknown };
  if (!Array.isArray(records)) throw ApiError.of(400, 'INVALID_FIELD', 'records is required', ['records']);
  if (records.length > maxCollectionRecords) throw exceededIdLimit();
  for (const record of records) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw ApiError.of(400, 'JSON_PARSER_ERROR', 'Each record must be a JSON object');
    }
  }
  return { allOrNone: allOrNone === true || allOrNone === 'true', records: records as Record<string, unknown>[] };
}

/** The type a collection record names in `attributes.type`. */
export function typeOf(record: Record<string, unknown>): string | undefined {
  const attributes = record.attributes as { type?: unknown } | undefined;
  return typeof attributes?.type === 'string' ? attributes.type : undefined;
}

export function withoutAttributes(record: Record<string, unknown>): Record<string, unknown> {
  const { attributes: _attributes, ...rest } = record;
  return rest;
}
