import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { errorAt, messages } from './soql-error.ts';
import { findWord } from './source-position.ts';

/**
 * The parser's errors, turned into Salesforce's MALFORMED_QUERY. The parser only reports the
 * offending token's text (and an offset for lexing errors), so the caret goes under the first
 * occurrence of that token: a best effort.
 */
export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lexing = /at offset: (\d+)/.exec(message);
    if (lexing) {
      const offset = Number(lexing[1]);
      return fail(soql, offset, soql.slice(offset).split(/\s/)[0] || soql.charAt(offset));
    }
    const found = /but found(?::| -->) '?(.*?)'?(?: <--)?$/s.exec(message)?.[1]?.trim() ?? '';
    if (found === '') return fail(soql, soql.trimEnd().length, '<EOF>');
    const offset = findWord(soql, found);
    return fail(soql, offset === -1 ? 0 : offset, found);
  }
}

function fail(soql: string, offset: number, token: string): never {
  throw errorAt(soql, offset, 'MALFORMED_QUERY', messages.unexpectedToken(token));
}
