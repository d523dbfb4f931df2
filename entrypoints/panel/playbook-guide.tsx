import { useContext, useEffect, useMemo } from 'react';
import { formatCallAt } from '../../components/plan-list';
import { PlaybookChecklist } from '../../components/playbook-checklist';
import type { CallPlan } from '../../lib/model/call-plan';
import { playbookSuggestions } from '../../lib/model/playbook/objection-suggestions';
import { planReadiness } from '../../lib/model/playbook/plan-readiness';
import type { CuratedObjection } from '../../lib/model/playbook/playbook';
import { qualificationFlags, qualificationTrail } from '../../lib/model/playbook/qualification-trail';
import { PanelStoreContext, usePanelStore } from './store';

/**
 * The playbook beside the plan being written: the checklist checked on every keystroke, the
 * playbook's objections first among suggestions, and qualification over the opportunity's plans
 * (the open plan as it stands in place of its saved copy).
 */
export function PlaybookGuide({ plan }: { plan: CallPlan }) {
  const playbook = usePanelStore((state) => state.opportunityPlaybook);
  const loadPlaybook = usePanelStore((state) => state.loadPlaybook);
  const opportunityId = usePanelStore((state) => state.opportunityId);
  const stageName = usePanelStore((state) => state.context?.opportunity?.stageName ?? null);
  const plans = usePanelStore((state) => state.plans);
  // A sync that ended may have brought the team's playbook or a manager's change to it.
  const syncedAt = usePanelStore((state) =>
    state.syncStatus?.state.kind === 'in-sync' ? state.syncStatus.state.at : null,
  );
  const playbookUrl = usePanelStore((state) => state.playbookUrl());
  const addObjection = usePanelStore((state) => state.addObjection);
  const changeObjection = usePanelStore((state) => state.changeObjection);
  const store = useContext(PanelStoreContext);

  // Again when the stage is known or changes (the context arrives, then refreshed from Salesforce)
  // and after every sync.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the opportunity, its stage and a finished sync are what make it ask again
  useEffect(() => {
    void loadPlaybook();
  }, [loadPlaybook, opportunityId, stageName, syncedAt]);

  const readiness = useMemo(() => planReadiness(plan, playbook?.requirements ?? null), [plan, playbook]);
  const suggestions = useMemo(
    () => playbookSuggestions(playbook?.curatedObjections ?? [], playbook?.stageName ?? null, plan.objections),
    [playbook, plan.objections],
  );
  const trail = useMemo(
    () => qualificationTrail([...plans.filter((p) => p.planKey !== plan.planKey), plan]),
    [plans, plan],
  );
  const flags = useMemo(
    () => (playbook?.requirements ? qualificationFlags(plan, playbook.requirements) : []),
    [plan, playbook],
  );

  // No team playbook: the panel stays as it is without one.
  if (!playbook || playbook.playbookName === null) return null;
  // Taking a suggestion adds an expected objection with the playbook's words and response.
  const add = (curated: CuratedObjection) => {
    addObjection(true);
    const objections = store?.getState().drafts[plan.planKey]?.plan.objections ?? [];
    const added = objections[objections.length - 1];
    if (added) changeObjection(added.objectionKey, { objection: curated.objection, response: curated.response });
  };
  return (
    <PlaybookChecklist
      playbook={playbook}
      readiness={readiness}
      suggestions={suggestions}
      trail={trail.length > 1 ? trail : []}
      flags={flags}
      onAddObjection={add}
      formatDate={formatCallAt}
      playbookUrl={playbookUrl}
    />
  );
}
