/**
 * SOQL literal text (as the parser hands it over, quotes included) turned into JavaScript values
 * once per query, so predicates only compare.
 */

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** The value of a quoted string literal, with SOQL's backslash escapes applied. */
export function stringValue(raw: string): string {
  return unescapeSoql(stripQuotes(raw), false);
}

/** A LIKE pattern as a case-insensitive regular expression: % is any run, _ is one character. */
export function likePattern(raw: string): RegExp {
  return new RegExp(`^${unescapeSoql(stripQuotes(raw), true)}$`, 'is');
}

function stripQuotes(raw: string): string {
  return raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
}

/** Shared by plain strings and LIKE: in a LIKE pattern, `\%` and `\_` stand for themselves. */
function unescapeSoql(body: string, asLike: boolean): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c === '\\' && i + 1 < body.length) {
      const next = body.charAt(++i);
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
        out += literalChar(String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 5), 16)), asLike);
        i += 4;
      } else if (asLike && (next === '%' || next === '_')) {
        out += next;
      } else {
        out += literalChar(escapes[next] ?? next, asLike);
      }
    } else if (asLike && c === '%') {
      out += '.*';
    } else if (asLike && c === '_') {
      out += '.';
    } else {
      out += literalChar(c, asLike);
    }
  }
  return out;
}

function literalChar(c: string, asLike: boolean): string {
  return asLike ? c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : c;
}

/** Numbers may carry an ISO currency prefix (USD5000) in multi-currency orgs. */
export function numberValue(raw: string): number {
  return Number(raw.replace(/^[A-Za-z]{3}/, ''));
}

const datetimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of a datetime literal (`Z` or a `±hh:mm` offset, optional milliseconds). */
export function datetimeMillis(raw: string): number | null {
  const match = datetimePattern.exec(raw);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const millis = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    frac ? Math.round(Number(frac) * 1000) : 0,
  );
  if (zone === undefined || zone === 'Z') return millis;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return millis - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** Epoch milliseconds of midnight UTC of a `YYYY-MM-DD` literal. */
export function dateMillis(raw: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** The stored form of a datetime, `2025-03-04T10:15:30.000+0000`, which sorts as text. */
export function storedDatetime(millis: number): string {
  return `${new Date(millis).toISOString().slice(0, 23)}+0000`;
}

/** The stored form of a date, `2025-03-04`. */
export function storedDate(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}
