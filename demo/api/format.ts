/**
 * Salesforce's wire formats for dates and times. Output is always UTC with millis and a `+0000`
 * offset (`2025-03-04T10:15:30.000+0000`); input is any ISO-8601 form a client may send.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatDateTime(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`
  );
}

export function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `2025-03-04T10:15:30Z`, `…30.123+01:00`, `…30.000+0000` (our own output, which clients echo
 * back) or no offset, which Salesforce reads as UTC. Null for anything else, including dates
 * that do not exist (Feb 30) — `Date` would silently roll those over.
 */
export function parseDateTime(s: string): Date | null {
  const match = dateTimePattern.exec(s);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset = 'Z'] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  return new Date(utc - offsetMinutes(offset) * 60_000);
}

/** A `YYYY-MM-DD` string that names a real day, or null. */
export function parseDate(s: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return null;
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) ? s : null;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return offset.startsWith('-') ? -minutes : minutes;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
