/**
 * The periods the coaching view offers, as local days (`YYYY-MM-DD`) in the viewer's zone. Weeks
 * start on Monday, as the report's weeks do.
 */
export const periodPresets = ['this-week', 'last-4-weeks', 'last-13-weeks', 'this-quarter', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const periodLabels: Record<PeriodPreset, string> = {
  'this-week': 'This week',
  'last-4-weeks': 'Last 4 weeks',
  'last-13-weeks': 'Last 13 weeks',
  'this-quarter': 'This quarter',
  custom: 'Chosen dates',
};

export interface Period {
  from: string;
  to: string;
}

/** Today's date in a zone, `YYYY-MM-DD`. */
export function localToday(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((found, part) => Object.assign(found, { [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const dayMs = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday: Monday is three days later in the week's count. */
const mondayOf = (day: number) => day - ((day + 3) % 7);

/** A preset's days, ending today; `custom` has none of its own. */
export function periodOf(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const day = dayOf(today);
  switch (preset) {
    case 'this-week':
      return { from: dateOf(mondayOf(day)), to: today };
    case 'last-4-weeks':
      return { from: dateOf(mondayOf(day) - 21), to: today };
    case 'last-13-weeks':
      return { from: dateOf(mondayOf(day) - 84), to: today };
    case 'this-quarter': {
      const [year, month] = today.split('-').map(Number) as [number, number];
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: today };
    }
  }
}
