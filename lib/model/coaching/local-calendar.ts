/**
 * Local days in an IANA time zone, as whole days since 1970-01-01 (day numbers), so periods and
 * Monday weeks are compared as integers and never as instants: a week that holds a DST change
 * is still seven local days.
 */
const dayMs = 86_400_000;
// Zone offsets change at quarter-hour instants. A UTC day with the same offset at both ends has
// no change inside it (zones change at most once a day), so most days cost two look-ups in all.
const quarterHourMs = 15 * 60_000;

export interface LocalCalendar {
  timeZone: string;
  /** The local day an instant falls on. */
  dayOf(ms: number): number;
}

/** A calendar for the zone; an unknown zone is a RangeError naming it. */
export function localCalendar(timeZone: string): LocalCalendar {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
  // Per UTC day: its one offset, or null when the offset changes that day.
  const dayOffsets = new Map<number, number | null>();
  const quarterOffsets = new Map<number, number>();
  const offsetOf = (ms: number) => {
    const utcDay = Math.floor(ms / dayMs);
    let whole = dayOffsets.get(utcDay);
    if (whole === undefined) {
      const first = offsetAt(format, utcDay * dayMs);
      whole = first === offsetAt(format, (utcDay + 1) * dayMs - quarterHourMs) ? first : null;
      dayOffsets.set(utcDay, whole);
    }
    if (whole !== null) return whole;
    const quarter = Math.floor(ms / quarterHourMs);
    let offset = quarterOffsets.get(quarter);
    if (offset === undefined) {
      offset = offsetAt(format, quarter * quarterHourMs);
      quarterOffsets.set(quarter, offset);
    }
    return offset;
  };
  return { timeZone, dayOf: (ms) => Math.floor((ms + offsetOf(ms)) / dayMs) };
}

function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return local - ms;
}

/** `YYYY-MM-DD` → day number; anything else, or a date that does not exist, is a RangeError. */
export function dayOfDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a date: ${date}`);
  return ms / dayMs;
}

export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** The Monday on or before a day (1970-01-01 was a Thursday, three days after a Monday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}
