/** A rate as the view prints it: whole per cent, or a dash when there was nothing to count. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
}

/** How a rate reads aloud: "82%", or "no calls to count". */
export function percentSpoken(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? 'nothing to count' : `${Math.round(rate * 100)} per cent`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A `YYYY-MM-DD` day, short ("3 Mar"). */
export function shortDay(date: string): string {
  return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

const callFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function callTime(iso: string | null): string {
  return iso ? callFormat.format(new Date(iso)) : '–';
}
