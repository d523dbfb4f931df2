/**
 * What the rep typed and has not saved yet (a new plan that is not valid, a field over its
 * limit), kept so it survives navigation, reload, a closed panel and a browser crash. Never
 * synced; removed when the plan saves or the rep discards it.
 */
export interface PlanDraft {
  planKey: string;
  opportunityId: string;
  /** The form's values as typed; not validated (that is why it is a draft). */
  plan: Record<string, unknown>;
  /** True when no saved plan has this key yet. */
  isNew: boolean;
  savedAt: string;
}
