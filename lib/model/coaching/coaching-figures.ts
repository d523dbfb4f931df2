import type { Tally } from './evidence';
import type { Indicators } from './indicators';

/**
 * The indicators as plain numbers, for a message and a page: tallies become counts, and each count
 * keeps a figure id so the page can ask for the records behind it (the drill-down recomputes the
 * tally in the background, where the data is).
 */
export const figureIds = [
  'coverage.held',
  'coverage.planned',
  'coverage.afterTheFact',
  'coverage.unplanned',
  'outcomesOnTime.onTime',
  'outcomesOnTime.late',
  'outcomesOnTime.notLogged',
  'outcomes.logged',
  'outcomes.orders',
  'outcomes.advances',
  'outcomes.continuations',
  'outcomes.noSales',
  'commitment.best',
  'commitment.between',
  'commitment.minimum',
  'commitment.below',
  'commitment.notRecorded',
  'objections.raised',
  'objections.anticipated',
  'objections.handled',
  'objections.partlyHandled',
] as const;
export type FigureId = (typeof figureIds)[number];

/** What a figure is called where it is shown and exported. */
export const figureLabels: Record<FigureId, string> = {
  'coverage.held': 'Calls held',
  'coverage.planned': 'Planned before the call',
  'coverage.afterTheFact': 'Plan written after the call',
  'coverage.unplanned': 'Meetings without a plan',
  'outcomesOnTime.onTime': 'Outcomes logged on time',
  'outcomesOnTime.late': 'Outcomes logged late',
  'outcomesOnTime.notLogged': 'Outcomes not logged',
  'outcomes.logged': 'Outcomes logged',
  'outcomes.orders': 'Orders',
  'outcomes.advances': 'Advances',
  'outcomes.continuations': 'Continuations',
  'outcomes.noSales': 'No-sales',
  'commitment.best': 'Commitment: best',
  'commitment.between': 'Commitment: between',
  'commitment.minimum': 'Commitment: minimum',
  'commitment.below': 'Commitment: below',
  'commitment.notRecorded': 'Commitment not recorded',
  'objections.raised': 'Objections raised',
  'objections.anticipated': 'Objections anticipated',
  'objections.handled': 'Objections handled',
  'objections.partlyHandled': 'Objections partly handled',
};

export const rateIds = ['coverage', 'onTime', 'advance', 'continuation', 'anticipated', 'handled'] as const;
export type RateId = (typeof rateIds)[number];

export const rateLabels: Record<RateId, string> = {
  coverage: 'Plan coverage',
  onTime: 'Outcomes on time',
  advance: 'Advance rate',
  continuation: 'Continuation rate',
  anticipated: 'Objections anticipated',
  handled: 'Objections handled',
};

/** Each rate with the figures it adds up over the one it divides by (the advance rate counts orders too). */
export const rateParts: Record<RateId, { parts: FigureId[]; whole: FigureId }> = {
  coverage: { parts: ['coverage.planned'], whole: 'coverage.held' },
  onTime: { parts: ['outcomesOnTime.onTime'], whole: 'coverage.held' },
  advance: { parts: ['outcomes.orders', 'outcomes.advances'], whole: 'outcomes.logged' },
  continuation: { parts: ['outcomes.continuations'], whole: 'outcomes.logged' },
  anticipated: { parts: ['objections.anticipated'], whole: 'objections.raised' },
  handled: { parts: ['objections.handled'], whole: 'objections.raised' },
};

export interface ObjectionFigure {
  objection: string;
  raised: number;
  anticipated: number;
  handled: number;
}

export interface IndicatorFigures {
  counts: Record<FigureId, number>;
  /** null when there is nothing to divide by. */
  rates: Record<RateId, number | null>;
  mostFrequent: ObjectionFigure[];
}

/** The tally behind a figure id. */
export function tallyOfFigure(indicators: Indicators, figure: FigureId): Tally {
  const [group, name] = figure.split('.') as [keyof Indicators, string];
  return (indicators[group] as unknown as Record<string, Tally>)[name] as Tally;
}

/** The tally behind one of the most frequent objections, by its wording; null when not among them. */
export function tallyOfObjection(indicators: Indicators, objection: string): Tally | null {
  return indicators.objections.mostFrequent.find((rank) => rank.objection === objection)?.raised ?? null;
}

export function figuresOf(indicators: Indicators): IndicatorFigures {
  const counts = Object.fromEntries(figureIds.map((id) => [id, tallyOfFigure(indicators, id).count])) as Record<
    FigureId,
    number
  >;
  return {
    counts,
    rates: {
      coverage: indicators.coverage.rate,
      onTime: indicators.outcomesOnTime.rate,
      advance: indicators.outcomes.advanceRate,
      continuation: indicators.outcomes.continuationRate,
      anticipated: indicators.objections.anticipatedShare,
      handled: indicators.objections.handledShare,
    },
    mostFrequent: indicators.objections.mostFrequent.map((rank) => ({
      objection: rank.objection,
      raised: rank.raised.count,
      anticipated: rank.anticipated,
      handled: rank.handled,
    })),
  };
}
