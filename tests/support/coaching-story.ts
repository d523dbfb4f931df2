/**
 * The demo story's coaching numbers, counted by hand from demo/org/story-seed.ts for the five
 * weeks before today (the last 35 days and today, UTC days). Every call of the story falls at
 * 08:00–15:00 UTC, so these hold in any zone from UTC−8 to UTC+9.
 *
 * Riley (Northwind, Globex, Acme): 10 plans with past calls + the unplanned Warehouse walk-through.
 *   - planned before the call: 9; the Spare Parts call (−7 d) written 22 h after it: 1; unplanned: 1
 *   - outcomes: 9 logged, all within 24 h (the −7 d one at 23 h); the Plant Maintenance call (−3 d)
 *     and the walk-through have none
 *   - 1 order (Loyalty Renewal), 6 advances, 2 continuations (pricing call −6 d, Store Analytics
 *     −26 d), no no-sale; commitment best 4, between 2, minimum 1, below 2
 *   - objections raised 10, of them expected 7, handled Yes 6, partly 3
 * Sam (Initech, Umbrella, Stark): 9 plans with past calls + the unplanned Field tablets intro.
 *   - planned 8; the edge collector demo (−4 d) written 26 h after it: 1; unplanned: 1
 *   - outcomes: 8 logged, 6 on time, 2 late (Support Desk at 30 h, edge collector at 26 h); the
 *     revised quote call (−1 d) and the tablets intro have none
 *   - no order, 5 advances, 2 continuations, 1 no-sale; best 3, between 0, minimum 2, below 3
 *   - objections raised 7, expected 5, handled Yes 2, partly 3
 */
export const storyPeriodDays = 35;

export const storyFigures = {
  riley: {
    held: 11,
    planned: 9,
    afterTheFact: 1,
    unplanned: 1,
    onTime: 9,
    late: 0,
    notLogged: 2,
    logged: 9,
    orders: 1,
    advances: 6,
    continuations: 2,
    noSales: 0,
    best: 4,
    between: 2,
    minimum: 1,
    below: 2,
    raised: 10,
    anticipated: 7,
    handled: 6,
    partlyHandled: 3,
    /** As the view prints them, rounded to whole per cent. */
    coverage: '82%',
    onTimeRate: '82%',
    advanceRate: '78%',
    continuationRate: '22%',
    anticipatedShare: '70%',
    handledShare: '60%',
  },
  sam: {
    held: 10,
    planned: 8,
    afterTheFact: 1,
    unplanned: 1,
    onTime: 6,
    late: 2,
    notLogged: 2,
    logged: 8,
    orders: 0,
    advances: 5,
    continuations: 2,
    noSales: 1,
    best: 3,
    between: 0,
    minimum: 2,
    below: 3,
    raised: 7,
    anticipated: 5,
    handled: 2,
    partlyHandled: 3,
    coverage: '80%',
    onTimeRate: '60%',
    advanceRate: '63%',
    continuationRate: '25%',
    anticipatedShare: '71%',
    handledShare: '29%',
  },
} as const;

/** The period's first and last day, `YYYY-MM-DD`, for a given now (UTC days). */
export function storyPeriod(now: Date): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(today - storyPeriodDays * 86_400_000), to: day(today) };
}
