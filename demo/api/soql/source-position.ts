/**
 * Finding tokens in the query text. The parser drops source positions, and Salesforce's error
 * messages need them, so the engine searches the text again: words are matched whole and
 * case-insensitively, and anything inside a string literal is skipped.
 */

export interface SourcePosition {
  /** 1-based line number. */
  row: number;
  /** 1-based column within that line. */
  column: number;
  /** The text of that line, shown above the caret. */
  line: string;
}

export function positionOf(soql: string, offset: number): SourcePosition {
  const lineStart = soql.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = soql.indexOf('\n', offset);
  const lineEnd = lineEndAt === -1 ? soql.length : lineEndAt;
  let row = 1;
  for (let i = 0; i < lineStart; i++) if (soql.charCodeAt(i) === 10) row++;
  return { row, column: offset - lineStart + 1, line: soql.slice(lineStart, lineEnd).replace(/\r$/, '') };
}

export interface Word {
  text: string;
  offset: number;
  /** Parenthesis depth: 0 is the outer query, subqueries and groups are deeper. */
  depth: number;
}

const wordChar = /[A-Za-z0-9_.:\-+]/;

/** Splits the query into words (identifiers, paths, literals) and single punctuation marks. */
export function scanWords(soql: string): Word[] {
  const words: Word[] = [];
  let depth = 0;
  let i = 0;
  while (i < soql.length) {
    const c = soql.charAt(i);
    if (c === "'") {
      const start = i;
      i++;
      while (i < soql.length && soql.charAt(i) !== "'") i += soql.charAt(i) === '\\' ? 2 : 1;
      i++;
      words.push({ text: soql.slice(start, i), offset: start, depth });
    } else if (wordChar.test(c)) {
      const start = i;
      while (i < soql.length && wordChar.test(soql.charAt(i))) i++;
      words.push({ text: soql.slice(start, i), offset: start, depth });
    } else {
      if (c === ')') depth--;
      if (!/\s/.test(c)) words.push({ text: c, offset: i, depth });
      if (c === '(') depth++;
      i++;
    }
  }
  return words;
}

/** Offset of the first word equal to `token` (case-insensitive) at or after `from`, or -1. */
export function findWord(soql: string, token: string, from = 0): number {
  const wanted = token.toLowerCase();
  for (const word of scanWords(soql)) {
    if (word.offset >= from && word.text.toLowerCase() === wanted) return word.offset;
  }
  return -1;
}

/** Offset of an outer-query keyword such as FROM or WHERE, or -1. */
export function clauseOffset(soql: string, keyword: string): number {
  const wanted = keyword.toLowerCase();
  for (const word of scanWords(soql)) {
    if (word.depth === 0 && word.text.toLowerCase() === wanted) return word.offset;
  }
  return -1;
}
