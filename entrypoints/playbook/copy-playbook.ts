import { newPlaybook, type PlaybookBundle } from '../../lib/model/playbook/playbook';

/**
 * A manager's first playbook: the org default's stages and objections under new keys (the
 * default stays the org's), or nothing but a name.
 */
export function startPlaybook(
  name: string,
  from: PlaybookBundle | null,
  now: Date,
  newKey: () => string = () => crypto.randomUUID(),
): PlaybookBundle {
  const playbook = newPlaybook(name, false, now, newKey);
  return {
    playbook,
    stages: (from?.stages ?? []).map((stage) => ({ ...stage, stageKey: newKey(), playbookKey: playbook.playbookKey })),
    objections: (from?.objections ?? []).map((objection) => ({
      ...objection,
      objectionKey: newKey(),
      playbookKey: playbook.playbookKey,
    })),
  };
}
