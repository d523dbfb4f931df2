import type { ObjectSchema } from '../schema/types.ts';
import type { QueryContext } from './query-context.ts';
import { errorAt, type SoqlError, type SoqlErrorCode } from './soql-error.ts';
import { findWord, scanWords } from './source-position.ts';

/** One (sub)query being compiled: the object it reads and where its text starts, for error carets. */
export interface Scope {
  soql: string;
  ctx: QueryContext;
  object: ObjectSchema;
  /** `SELECT c.Id FROM Call_Plan__c c`: paths may start with the alias. */
  alias: string | undefined;
  /** Offset in the text where this query's tokens are searched from. */
  textStart: number;
}

/** Where `token` appears in the scope's text (at or after `from`), falling back to the scope start. */
export function locate(scope: Scope, token: string, from = scope.textStart): number {
  const at = findWord(scope.soql, token, from);
  if (at !== -1) return at;
  const anywhere = findWord(scope.soql, token, 0);
  return anywhere !== -1 ? anywhere : from;
}

export function failAt(scope: Scope, token: string, errorCode: SoqlErrorCode, text: string, from?: number): SoqlError {
  return errorAt(scope.soql, locate(scope, token, from), errorCode, text);
}

/** Path segments without a leading FROM-clause alias. */
export function pathSegments(scope: Scope, path: string): string[] {
  const segments = path.split('.');
  if (segments.length > 1 && scope.alias && segments[0]?.toLowerCase() === scope.alias.toLowerCase()) {
    segments.shift();
  }
  return segments;
}

/**
 * Where a clause keyword (WHERE, ORDER) of this query starts, so tokens are looked for in the
 * right clause: `Id` in `WHERE Id LIKE …` is not the `Id` of the SELECT list.
 */
export function clauseStart(scope: Scope, keyword: string): number {
  const words = scanWords(scope.soql);
  const depth = words.find((word) => word.offset >= scope.textStart)?.depth ?? 0;
  const wanted = keyword.toLowerCase();
  const clause = words.find(
    (word) => word.offset > scope.textStart && word.depth === depth && word.text.toLowerCase() === wanted,
  );
  return clause?.offset ?? scope.textStart;
}
