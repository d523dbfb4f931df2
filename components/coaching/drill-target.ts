import type { FigureId } from '../../lib/model/coaching/coaching-figures';

/** A number someone asked to see the calls of: which figure, whose, which week, and how it reads. */
export interface DrillTarget {
  figure: FigureId | { objection: string };
  repId: string | null;
  weekStart: string | null;
  /** "Calls held · Riley Chen · whole period" */
  title: string;
}
