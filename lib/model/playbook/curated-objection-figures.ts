import { objectionKeyOf } from '../coaching/objection-stats';
import type { HandledLevel } from '../picklists';
import type { CuratedObjection } from './playbook';

/** An objection as a rep wrote it in a plan. */
export interface PlanObjection {
  planKey: string;
  objection: string;
  response: string;
  expected: boolean;
  raised: boolean;
  handled: HandledLevel | null;
}

export interface ResponseFigure {
  /** The response as first written; '' when the rep planned none. */
  response: string;
  raised: number;
  handled: number;
}

export interface CuratedObjectionFigure {
  objectionKey: string;
  objection: string;
  /** Times it came up in a call. */
  raised: number;
  /** … of which the rep had it in the plan beforehand. */
  anticipated: number;
  /** … of which it was handled (Yes); Partly counted apart. */
  handled: number;
  partlyHandled: number;
  anticipatedShare: number | null;
  handledShare: number | null;
  /** The responses reps used when it came up, most handled first. */
  responses: ResponseFigure[];
  planKeys: string[];
}

/**
 * For each curated objection: how often it was raised in calls, anticipated in the plan and
 * handled, with which responses. A plan's objection is the curated one when its wording is the
 * same up to case and spacing (taking the playbook's suggestion copies it word for word).
 */
export function curatedObjectionFigures(
  curated: readonly CuratedObjection[],
  planObjections: readonly PlanObjection[],
): CuratedObjectionFigure[] {
  const byKey = new Map<string, PlanObjection[]>();
  for (const objection of planObjections) {
    if (!objection.raised) continue;
    const key = objectionKeyOf(objection.objection);
    const list = byKey.get(key);
    if (list) list.push(objection);
    else byKey.set(key, [objection]);
  }
  return curated.map((entry) => {
    const met = byKey.get(objectionKeyOf(entry.objection)) ?? [];
    const anticipated = met.filter((o) => o.expected).length;
    const handled = met.filter((o) => o.handled === 'Yes').length;
    const responses = new Map<string, ResponseFigure>();
    for (const objection of met) {
      const key = objectionKeyOf(objection.response);
      const figure = responses.get(key) ?? { response: objection.response.trim(), raised: 0, handled: 0 };
      figure.raised += 1;
      if (objection.handled === 'Yes') figure.handled += 1;
      responses.set(key, figure);
    }
    return {
      objectionKey: entry.objectionKey,
      objection: entry.objection,
      raised: met.length,
      anticipated,
      handled,
      partlyHandled: met.filter((o) => o.handled === 'Partly').length,
      anticipatedShare: met.length === 0 ? null : anticipated / met.length,
      handledShare: met.length === 0 ? null : handled / met.length,
      responses: [...responses.values()].sort(
        (a, b) => b.handled - a.handled || b.raised - a.raised || a.response.localeCompare(b.response),
      ),
      planKeys: [...new Set(met.map((o) => o.planKey))],
    };
  });
}
