import type { BadgeStatusKind, BadgeSummary } from './badge-summary';

/** What a badge says: a short label and "3/4 met" for the eye, one sentence for a screen reader. */
export interface BadgeText {
  label: string;
  met: string | null;
  accessibleName: string;
}

/** The reader's language; the browser's when undefined. Days are counted in the browser's time zone. */
export type Locale = string | undefined;

/** The same words as the panel's status badge (plan-status.ts), so a rep learns them once. */
export const statusWords: Record<BadgeStatusKind, string> = {
  'outcome-due': 'Outcome due',
  planned: 'Planned',
  'meeting-no-plan': 'Meeting',
  advanced: 'Advanced',
  stalled: 'Stalled',
  lost: 'Lost',
  'no-plan': 'No plan',
};

/** The badge's words for a status and the goals met so far. */
export function badgeText(
  summary: Pick<BadgeSummary, 'status' | 'goalsMet' | 'outcomesLogged'>,
  now: Date,
  locale?: Locale,
): BadgeText {
  const { status, goalsMet, outcomesLogged } = summary;
  const met = outcomesLogged > 0 ? `${goalsMet}/${outcomesLogged} met` : null;
  const goals = outcomesLogged > 0 ? `, ${goalsMet} of ${outcomesLogged} goals met` : '';
  switch (status.kind) {
    case 'planned': {
      const day = dayOf(status.callAt, now, locale);
      return { label: `Planned ${day.short}`, met, accessibleName: `Call plan: planned for ${day.long}${goals}` };
    }
    case 'meeting-no-plan': {
      const day = dayOf(status.startAt, now, locale);
      return {
        label: `Meeting ${day.short}, no plan`,
        met,
        accessibleName: `Call plan: meeting ${day.long} with no plan${goals}`,
      };
    }
    default: {
      const word = statusWords[status.kind];
      return { label: word, met, accessibleName: `Call plan: ${word.toLowerCase()}${goals}` };
    }
  }
}

/**
 * A day as a person says it: "today", "tomorrow", a weekday within the week ahead, otherwise
 * the date; the long form always names the date.
 */
export function dayOf(iso: string, now: Date, locale?: Locale): { short: string; long: string } {
  const date = new Date(iso);
  const long = formatter('long', locale).format(date);
  const days = Math.round((startOfDay(date) - startOfDay(now)) / 86_400_000);
  if (days === 0) return { short: 'today', long: `today, ${long}` };
  if (days === 1) return { short: 'tomorrow', long: `tomorrow, ${long}` };
  return { short: formatter(days > 1 && days < 7 ? 'weekday' : 'date', locale).format(date), long };
}

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

const styles: Record<string, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', month: 'long', day: 'numeric' },
  weekday: { weekday: 'short' },
  date: { month: 'short', day: 'numeric' },
};

/** Formatters are costly to make and a list shows hundreds of dates: one per style and locale. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: string, locale: Locale): Intl.DateTimeFormat {
  const key = `${style} ${locale}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, styles[style]);
    formatters.set(key, made);
  }
  return made;
}
