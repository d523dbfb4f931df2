import * as z from 'zod/mini';
import { figureIds } from '../model/coaching/coaching-figures';
import { fieldLimits } from '../model/field-limits';

/** The longest period a report covers: two years of weeks. */
export const longestPeriodDays = 731;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The period, zone and rep filter a coaching report is asked for (built when a schema is). */
export const coachingPeriodShape = () => ({
  from: z.iso.date({ error: 'The period needs a start date (YYYY-MM-DD)' }),
  to: z.iso.date({ error: 'The period needs an end date (YYYY-MM-DD)' }),
  timeZone: z.string().check(z.maxLength(64), z.refine(isTimeZone, 'Not a time zone this browser knows')),
  /** The reps to show; none: everyone the viewer may see. */
  repIds: z.optional(
    z.array(z.string().check(z.regex(/^005\w{12}(\w{3})?$/, 'Not a Salesforce user id'))).check(z.maxLength(500)),
  ),
});

/** A request with a period: it must end after it starts and stay within two years. */
export function periodChecked<T extends z.ZodMiniType<{ from: string; to: string }>>(schema: T) {
  return schema.check(
    z.refine((period) => period.to >= period.from, { error: 'The period ends before it starts', path: ['to'] }),
    z.refine((period) => (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 < longestPeriodDays, {
      error: `A period covers at most ${longestPeriodDays} days`,
      path: ['to'],
    }),
  );
}

/** A figure of the report, or one of its most frequent objections by wording. */
export const coachingEvidenceFigureSchema = z.lazy(() =>
  z.union([
    z.enum(figureIds),
    z.object({ objection: z.string().check(z.minLength(1), z.maxLength(fieldLimits.objection)) }),
  ]),
);
